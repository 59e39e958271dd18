// SPDX-License-Identifier: GPL-2.0
/*
 * summary.md: the driver table in GitHub-flavoured Markdown, for a cover
 * letter or a CI job summary. Names and expressions are code spans
 * (md_code), prose is escaped text (md_text); several ops objects in one
 * driver are joined with "; " so the table stays one line per driver.
 */
#include <string.h>

#include "rules/rules.h"
#include "report/report.h"

static void ops_list(struct strbuf *sb, const struct report_driver *d, int k)
{
	size_t j;

	for (j = 0; j < d->ops.nr; j++) {
		const struct report_ops *o = d->ops.items[j];

		if (j)
			strbuf_addstr(sb, "; ");
		if (k >= 0) {
			md_text(sb, report_verdict_word(&o->v[k], "-"));
		} else if (k == -1) {
			md_code(sb, o->name);
		} else if (o->expr) {
			md_code(sb, o->expr);
			strbuf_addstr(sb, " = ");
			md_text(sb, o->value ? o->value : "run-time");
		} else {
			strbuf_addstr(sb, "none");
		}
	}
	if (!d->ops.nr)
		strbuf_addstr(sb, "-");
	strbuf_addstr(sb, " |");
}

static void patch_or_reason(struct strbuf *sb, const struct report *r,
			    const struct report_driver *d)
{
	bool any = false;
	size_t j;

	if (d->patch) {
		strbuf_addstr(sb, "[");
		md_text(sb, d->patch);
		strbuf_addstr(sb, "](patches/");
		url_escape(sb, d->patch);
		strbuf_addstr(sb, ")");
		any = true;
	}
	for (j = 0; j < d->ops.nr; j++) {
		const struct report_ops *o = d->ops.items[j];

		if (!o->series_note || o->note_migrated)
			continue;
		strbuf_addstr(sb, any ? "; " : "");
		md_code(sb, o->name);
		strbuf_addstr(sb, ": ");
		md_text(sb, o->series_note);
		any = true;
	}
	if (!any)
		strbuf_addstr(sb, r->have_series || d->status != RS_ATTENTION ?
			      "-" : "no series given");
	strbuf_addstr(sb, " |\n");
}

void report_md(struct strbuf *sb, const struct report *r)
{
	size_t i;
	int k;

	strbuf_addstr(sb, "# iommu_ops page sizes: migration report\n\nTree ");
	md_code(sb, r->root);
	if (r->version) {
		strbuf_addstr(sb, " (Linux ");
		md_text(sb, r->version);
		strbuf_addstr(sb, ")");
	}
	strbuf_addf(sb, ".\n\n**%zu drivers**: %u migrated by the series%s, %u needing attention, %u with nothing to migrate.\n\n",
		    r->drivers.nr, r->count[RS_MIGRATED],
		    r->have_series ? "" : " (no series given)",
		    r->count[RS_ATTENTION], r->count[RS_CLEAN]);
	strbuf_addstr(sb, "| driver | status | ops object | old page sizes |");
	for (k = 0; k < RR_NR; k++)
		strbuf_addf(sb, " %s |", report_rule_names[k]);
	strbuf_addf(sb, " %s uses | patch |\n|---|---|---|---|",
		    RULE_OPS_PGSIZE);
	for (k = 0; k < RR_NR; k++)
		strbuf_addstr(sb, "---|");
	strbuf_addstr(sb, "---:|---|\n");
	for (i = 0; i < r->drivers.nr; i++) {
		const struct report_driver *d = r->drivers.items[i];

		strbuf_addstr(sb, "| ");
		md_code(sb, d->file);
		strbuf_addf(sb, " | %s | ", report_status_labels[d->status]);
		ops_list(sb, d, -1);
		strbuf_addstr(sb, " ");
		ops_list(sb, d, -2);
		for (k = 0; k < RR_NR; k++) {
			strbuf_addstr(sb, " ");
			ops_list(sb, d, k);
		}
		strbuf_addf(sb, " %ld | ", d->uses_total);
		patch_or_reason(sb, r, d);
	}
}
