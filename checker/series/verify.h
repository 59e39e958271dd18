/* SPDX-License-Identifier: GPL-2.0 */
/*
 * series --verify: apply the written patches one by one to a pristine
 * copy of the tree, checkpatch each, compile what each touches on an
 * architecture that builds it, and rescan the result.
 */
#ifndef IOMMU_PGSIZE_SERIES_VERIFY_H
#define IOMMU_PGSIZE_SERIES_VERIFY_H

#include <stdbool.h>
#include <stdio.h>

#include "scan/flags.h"
#include "scan/kbuild_arch.h"
#include "scan/tree.h"
#include "lib/util.h"

struct verify_request {
	const struct tree *tree;	/* the user's tree: only read */
	const char *git_place;		/* git_place(): NULL when not from git */
	const struct flags_config *flags;	/* as the series used */
	const char *output;		/* verify.txt and verify.json go here */
	const struct vec *patches;	/* paths; the cover letter first */
	const char *arches;		/* --arch LIST, or NULL for all */
	const char *checkpatch;		/* --checkpatch PATH, or NULL */
	int jobs;
	/* The original tree's findings: only new ones count against it */
	const struct vec *before;
};

enum check_status { CHECK_PASS, CHECK_FAIL, CHECK_SKIP };

/* --arch LIST (NULL: all) as struct kbuild_arch pointers; -1 if bad. */
int verify_arch_list(const char *list, struct vec *out);

struct verify_compile {
	char *file;
	const char *arch;	/* kbuild_arch name, "gcc" off kbuild */
	enum check_status status;
	char *why;		/* first error line, or why it was skipped */
};

struct verify_patch {
	char *path;
	char *name;		/* file name without .patch */
	enum check_status am;
	enum check_status checkpatch;
	unsigned int errors, warnings, checks;
	char *checkpatch_why;	/* when skipped */
	struct vec compiles;	/* struct verify_compile */
};

/* One architecture's out-of-tree build directory in the scratch area. */
struct verify_arch {
	const struct kbuild_arch *a;
	char *objdir;
	char *config;		/* .config text once configured */
	const char *kbuild_arch;	/* ARCH= its cache was made with, if not name */
	bool tried, failed, prepared;
	double config_secs, prepare_secs;
};

struct verify_rescan {
	enum check_status status;
	unsigned int ops_pgsize, domain_init, pgsize_format;
	struct vec lines;	/* char *: "file:line: rule: message" */
};

struct verify_run {
	const struct verify_request *rq;
	char *scratch, *work, *base;
	char *log;		/* OUT/verify.log */
	struct vec patches;	/* struct verify_patch */
	struct vec arches;	/* struct verify_arch, in preference order */
	struct verify_rescan rescan;
	double seconds;
	bool ok;
	/* An external module: its architecture and the kernel's flags. */
	struct verify_arch *module_arch;
	bool module_tried;
	struct flags *module_flags;
};

/* Check series' --verify, --arch and --checkpatch; -1 with a message. */
int series_verify_options(bool verify, const char *arches,
			  const char *checkpatch_path);

/*
 * Verify the series; prints the table on stderr and writes OUT/verify.txt,
 * OUT/verify.json and OUT/verify.log. Returns 0 when every check passed,
 * EXIT_FINDINGS when one failed, EXIT_FATAL when it could not run.
 */
int series_verify(const struct verify_request *rq);

/* Append @text to OUT/verify.log under @heading (verify_log.c). */
void verify_log(struct verify_run *run, const char *heading, const char *text);
/* The first line of a tool's output that says error: or warning:. */
char *verify_first_complaint(const char *out);
/* Did the compiler (not make) warn in @out? */
bool verify_has_warning(const char *out);

/*
 * An external module's file: compiled with make -C KTREE O=<prepared>
 * M=<module in the copy> on the first architecture that builds the
 * whole unpatched module (verify_module.c).
 */
void verify_module_compile(struct verify_run *run, struct verify_compile *c);
/* Before the first patch: that architecture, for the series' @files. */
void verify_module_choose_arch(struct verify_run *run, const struct vec *files);
void verify_module_release(struct verify_run *run);

/* The patch x check table, and the same as JSON (verify_report.c). */
void verify_write_table(FILE *fp, const struct verify_run *run);
int verify_write_json(const char *path, const struct verify_run *run);

#endif
