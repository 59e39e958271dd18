/* SPDX-License-Identifier: GPL-2.0 */
/*
 * iommu-pgsize lint: the CI gate. Findings are compared with a reference
 * (a baseline file, or the same files before the change) by fingerprint,
 * so that code which only moves is not "new".
 */
#ifndef IOMMU_PGSIZE_LINT_H
#define IOMMU_PGSIZE_LINT_H

#include <stdbool.h>
#include <stdio.h>

#include "scan/findings.h"
#include "scan/flags.h"
#include "scan/tree.h"
#include "lib/util.h"

#define BASELINE_SCHEMA "iommu-pgsize/baseline"
#define BASELINE_SCHEMA_VERSION 1
#define LINT_SCHEMA "iommu-pgsize/lint"
#define LINT_SCHEMA_VERSION 1
#define DEFAULT_BASELINE ".iommu-pgsize-baseline.json"

/* What the lint command was asked for (cmd/lint.c parses it). */
enum lint_format { LINT_TEXT, LINT_JSON, LINT_SARIF };

struct lint_options {
	struct flags_config flags;
	enum lint_format format;
	const char *baseline;
	bool no_baseline;
	bool update;
	const char *since;
	const char *patch;
	const char *tree;
};

/* Gate @tree as @o asks; an exit status. */
int run_lint(struct lint_options *o, const struct tree *tree);

/* Findings with one fingerprint in a reference: baseline or before. */
struct ref_entry {
	char fingerprint[17];
	unsigned int count;
	char *rule;
	char *file;
	char *function;		/* may be NULL */
	char *message;
};

void ref_entry_free(void *p);
/* Group @findings (struct finding) into entries, sorted by fingerprint. */
void ref_from_findings(const struct vec *findings, struct vec *entries);

/* 0, or a message and -1 for a missing, corrupt or foreign file. */
int baseline_read(const char *path, struct vec *entries);
/* The same on @len bytes of @text, called @name in messages. */
int baseline_parse(const char *text, size_t len, const char *name,
		   struct vec *entries);
int baseline_write(const char *path, const struct vec *findings);

/* What changed: the files, and their contents before and after. */
struct change_set {
	const char *how;	/* "since REV" or "patch FILE", for messages */
	struct vec files;	/* relative paths of every changed file */
	struct vec before;	/* struct source_overlay (since: REV's copy) */
	struct vec after;	/* struct source_overlay (patch: applied) */
	struct vec gone_before;	/* relative paths absent before */
	struct vec gone_after;	/* relative paths absent after */
	char *scratch;		/* temporary directory, removed at release */
};

int changes_since(const struct tree *tree, const char *rev,
		  struct change_set *cs);
int changes_from_patch(const struct tree *tree, const char *patch,
		       struct change_set *cs);
/*
 * The .c and .h files a patch's ---/+++ lines name, before and after;
 * -1 when one leads out of the tree.
 */
int patch_files(const char *text, struct vec *old, struct vec *new);
/* The translation units to parse to judge @cs, in either state. */
void changed_units(const struct tree *tree, const struct change_set *cs,
		   struct vec *units);
/* Those of @units that exist in one state. */
void units_in_state(const struct change_set *cs, const struct vec *units,
		    bool after, struct vec *out);
bool change_touches_header(const struct change_set *cs);
void change_set_release(struct change_set *cs);

/* The gate's result. */
struct lint_result {
	struct vec new_findings;	/* struct finding, borrowed */
	struct vec known;		/* struct finding, borrowed */
	struct vec fixed;		/* struct ref_entry, owned: how many */
	const char *reference;		/* what they were compared with */
	const char *tree_root;
};

/* Match @findings with @ref; entries outside @scope (if any) are not fixed. */
void lint_match(const struct vec *findings, const struct vec *ref,
		const struct vec *scope, struct lint_result *out);
void lint_result_release(struct lint_result *res);

struct json_t;

void lint_write_text(FILE *out, const struct lint_result *res);
int lint_write_json(FILE *out, const struct lint_result *res);
int lint_write_sarif(FILE *out, const struct lint_result *res);

#endif
