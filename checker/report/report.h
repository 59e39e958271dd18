/* SPDX-License-Identifier: GPL-2.0 */
/*
 * iommu-pgsize report: an HTML page and a Markdown table of where a tree
 * stands, built from the scan's JSON model (docs/scan-json.md) and,
 * optionally, the patch series that `series` wrote.
 */
#ifndef IOMMU_PGSIZE_REPORT_H
#define IOMMU_PGSIZE_REPORT_H

#include <jansson.h>
#include <stdbool.h>

#include "scan/flags.h"
#include "lib/util.h"
#include "model/model.h"

/* What the report command was asked for (cmd/report.c parses it). */
struct report_options {
	struct flags_config flags;
	const char *scan_file;
	const char *series;
	const char *output;
	const char *tree;
};

/* Write the report; an exit status. */
int report_run(const struct report_options *o);

/* The rules with a verdict per ops object, in the report's column order. */
enum report_rule {
	RR_DOMAIN_INIT,
	RR_ATTACH_INSTANCE,
	RR_PGSIZE_FORMAT,
	RR_ATTACH_BINDING,
	RR_NR
};

extern const char *const report_rule_names[RR_NR];

/* Where a driver stands; the class and data-status of its row. */
enum report_status {
	RS_MIGRATED,	/* a patch of the series touches its file */
	RS_ATTENTION,	/* it still uses the ops member, no patch */
	RS_CLEAN,	/* nothing to migrate */
	RS_NR
};

extern const char *const report_status_names[RS_NR];
extern const char *const report_status_labels[RS_NR];

/* Strings below borrow the JSON model, which the report owns. */
struct report_verdict {
	bool given;		/* false when the scan gave none */
	enum outcome verdict;
	const char *level;
	const char *detail;
	const char *file;
	long line;
};

/* The verdict's word, or @none when the scan gave none. */
const char *report_verdict_word(const struct report_verdict *v,
				const char *none);

struct report_ops {
	const char *name;
	const char *file;
	long line;
	const char *expr;	/* .pgsize_bitmap as written, or NULL */
	const char *value;	/* hex, or NULL */
	struct report_verdict v[RR_NR];
	/* From the cover letter: how it was migrated, or why not. */
	char *series_note;
	bool note_migrated;
};

struct report_driver {
	const char *file;
	struct vec ops;		/* struct report_ops */
	long uses[5];		/* init, write, compound, compare, read */
	long uses_total;
	struct vec stores;	/* json_t: its domain_pgsize[] entries */
	struct vec findings;	/* json_t: findings[] in its file */
	enum report_status status;
	char *patch;		/* file name in the series, or NULL */
};

struct report {
	json_t *scan;		/* owned */
	const char *root;
	const char *version;	/* or NULL */
	struct vec drivers;	/* struct report_driver */
	json_t *findings;	/* borrowed from scan */
	bool have_series;
	struct vec patches;	/* file names in the series dir, sorted */
	const char *cover;	/* the cover letter's name, or NULL */
	unsigned int count[RS_NR];
};

/* The UTF-8 uses[] kinds, in the order of report_driver.uses. */
extern const char *const report_use_kinds[5];

/* Take @scan (a reference is stolen); -1 with a message on bad input. */
int report_model(struct report *r, json_t *scan);
/* Map drivers to the patches in @dir and read the cover letter's notes. */
int report_add_series(struct report *r, const char *dir);
/*
 * Its steps on text in memory: a patch @name (@text is cut up), how many
 * drivers it matched; the cover letter's notes.
 */
int report_patch_drivers(struct report *r, const char *name, char *text);
void report_cover_notes(struct report *r, const char *text);
void report_release(struct report *r);

/* "file:line" links into the scanned tree, as file:// URLs. */
void report_file_url(struct strbuf *sb, const struct report *r,
		     const char *file);

/* Escaping, in one place: report_escape.c. */
void html_escape(struct strbuf *sb, const char *s);
void url_escape(struct strbuf *sb, const char *s);
void md_text(struct strbuf *sb, const char *s);
void md_code(struct strbuf *sb, const char *s);

/* Writers: one job each. */
void report_svg(struct strbuf *sb, const struct report *r);
void report_html(struct strbuf *sb, const struct report *r);
void report_md(struct strbuf *sb, const struct report *r);

#endif
