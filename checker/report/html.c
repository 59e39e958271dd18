// SPDX-License-Identifier: GPL-2.0
/*
 * index.html: report/template.html with report/style.css inlined (both
 * compiled in, see scripts/embed-text), a summary, the status chart, a
 * row per driver and the findings. Every string from the model goes
 * through html_escape() or url_escape(); classes, ids and data-*
 * attributes are stable so that tests can query the DOM.
 */
#include <string.h>

#include "rules/rules.h"
#include "report/report.h"
#include "report_assets.h"

static void esc(struct strbuf *sb, const char *s)
{
	html_escape(sb, s);
}

/*
 * <a href="file:///root/file">file:line</a>: browsers open the file (no
 * line anchor exists for plain files). In the driver table the text is
 * the base name, the row already names the file.
 */
static void loc_link_as(struct strbuf *sb, const struct report *r,
			const char *file, long line, bool base)
{
	struct strbuf url = { 0 };
	const char *slash = file ? strrchr(file, '/') : NULL;

	if (!file)
		return;
	report_file_url(&url, r, file);
	strbuf_addstr(sb, "<a class=\"loc\" href=\"");
	esc(sb, url.buf);
	strbuf_addstr(sb, "\">");
	esc(sb, base && slash ? slash + 1 : file);
	if (line)
		strbuf_addf(sb, ":%ld", line);
	strbuf_addstr(sb, "</a>");
	strbuf_release(&url);
}

static void loc_link(struct strbuf *sb, const struct report *r,
		     const char *file, long line)
{
	loc_link_as(sb, r, file, line, false);
}

static void short_link(struct strbuf *sb, const struct report *r,
		       const char *file, long line)
{
	loc_link_as(sb, r, file, line, true);
}

static void status_counts(struct strbuf *sb, const struct report *r)
{
	int s;

	strbuf_addf(sb, "<dl class=\"counts\">\n<div><dt>drivers found</dt><dd id=\"count-drivers\">%zu</dd></div>\n",
		    r->drivers.nr);
	for (s = 0; s < RS_NR; s++)
		strbuf_addf(sb, "<div class=\"status-%s\"><dt>%s</dt><dd id=\"count-%s\">%u</dd></div>\n",
			    report_status_names[s], report_status_labels[s],
			    report_status_names[s],
			    r->count[s]);
	strbuf_addstr(sb, "</dl>\n");
}

/* A verdict name and how many ops objects got it, per rule. */
struct tally {
	const char *verdict;
	unsigned int n;
};

static void tally_add(struct tally *t, size_t max, const char *verdict)
{
	size_t i;

	for (i = 0; i < max && t[i].verdict; i++)
		if (!strcmp(t[i].verdict, verdict))
			break;
	if (i == max)
		return;
	t[i].verdict = verdict;
	t[i].n++;
}

static void rule_row(struct strbuf *sb, const struct report *r,
		     const char *rule, int k)
{
	struct tally t[16] = { 0 };
	unsigned int warnings = 0, notes = 0;
	size_t i, j;
	json_t *f;

	json_array_foreach(r->findings, i, f) {
		const char *fr = json_string_value(json_object_get(f, "rule"));
		const char *sev = json_string_value(json_object_get(f,
								    "severity"));

		if (!fr || strcmp(fr, rule))
			continue;
		if (sev && !strcmp(sev, "note"))
			notes++;
		else
			warnings++;
	}
	for (i = 0; k >= 0 && i < r->drivers.nr; i++) {
		const struct report_driver *d = r->drivers.items[i];

		for (j = 0; j < d->ops.nr; j++) {
			const struct report_ops *o = d->ops.items[j];

			if (o->v[k].given)
				tally_add(t, ARRAY_SIZE(t),
					  outcome_name(o->v[k].verdict));
		}
	}
	strbuf_addf(sb, "<tr data-rule=\"%s\"><th scope=\"row\">%s</th><td class=\"warnings\">%u</td><td class=\"notes\">%u</td><td class=\"verdicts\">",
		    rule, rule, warnings, notes);
	for (i = 0; i < ARRAY_SIZE(t) && t[i].verdict; i++) {
		strbuf_addf(sb, "%s<span class=\"tally\" data-verdict=\"",
			    i ? " " : "");
		esc(sb, t[i].verdict);
		strbuf_addstr(sb, "\">");
		esc(sb, t[i].verdict);
		strbuf_addf(sb, " <b>%u</b></span>", t[i].n);
	}
	strbuf_addstr(sb, "</td></tr>\n");
}

static void rule_summary(struct strbuf *sb, const struct report *r)
{
	int k;

	strbuf_addstr(sb, "<table id=\"rule-summary\">\n<thead><tr><th>rule</th><th>warnings</th><th>notes</th><th>verdicts per ops object</th></tr></thead>\n<tbody>\n");
	rule_row(sb, r, RULE_OPS_PGSIZE, -1);
	for (k = 0; k < RR_NR; k++)
		rule_row(sb, r, report_rule_names[k], k);
	strbuf_addstr(sb, "</tbody>\n</table>\n");
}

static void verdict_badge(struct strbuf *sb, const struct report *r,
			  const struct report_verdict *v, int k)
{
	strbuf_addstr(sb, "<div class=\"verdict level-");
	esc(sb, v->level ? v->level : "none");
	strbuf_addf(sb, "\" data-rule=\"%s\" data-verdict=\"",
		    report_rule_names[k]);
	esc(sb, report_verdict_word(v, "none"));
	strbuf_addstr(sb, "\" title=\"");
	esc(sb, v->detail);
	strbuf_addstr(sb, "\">");
	esc(sb, report_verdict_word(v, "\u2014"));
	if (v->level && strcmp(v->level, "ok")) {
		strbuf_addstr(sb, " <small>");
		short_link(sb, r, v->file, v->line);
		strbuf_addstr(sb, "</small>");
	}
	strbuf_addstr(sb, "</div>");
}

/* One <div> per ops object in a cell, so multi-ops drivers line up. */
static void ops_cells(struct strbuf *sb, const struct report *r,
		      const struct report_driver *d, int k)
{
	size_t j;

	for (j = 0; j < d->ops.nr; j++) {
		const struct report_ops *o = d->ops.items[j];

		if (k >= 0) {
			verdict_badge(sb, r, &o->v[k], k);
			continue;
		}
		strbuf_addstr(sb, "<div class=\"ops-object\" data-ops=\"");
		esc(sb, o->name);
		strbuf_addstr(sb, "\">");
		esc(sb, o->name);
		strbuf_addstr(sb, " <small>");
		short_link(sb, r, o->file, o->line);
		strbuf_addstr(sb, "</small></div>");
	}
	if (!d->ops.nr)
		strbuf_addstr(sb, "<div class=\"none\">\u2014</div>");
}

static void old_pgsize_cell(struct strbuf *sb, const struct report_driver *d)
{
	size_t j;

	for (j = 0; j < d->ops.nr; j++) {
		const struct report_ops *o = d->ops.items[j];

		strbuf_addstr(sb, "<div class=\"pgsize\">");
		if (o->expr) {
			strbuf_addstr(sb, "<code>");
			esc(sb, o->expr);
			strbuf_addstr(sb, "</code> <span class=\"value\">");
			esc(sb, o->value ? o->value : "run-time");
			strbuf_addstr(sb, "</span>");
		} else {
			strbuf_addstr(sb, "<span class=\"none\">none</span>");
		}
		strbuf_addstr(sb, "</div>");
	}
}

static void domain_cell(struct strbuf *sb, const struct report *r,
			const struct report_driver *d)
{
	size_t j;

	for (j = 0; j < d->ops.nr; j++) {
		const struct report_ops *o = d->ops.items[j];

		strbuf_addstr(sb, "<div class=\"domain-sizes\">");
		if (o->note_migrated) {
			strbuf_addstr(sb, "<b>series:</b> ");
			esc(sb, o->series_note);
			strbuf_addstr(sb, "<br>");
		}
		esc(sb, o->v[RR_DOMAIN_INIT].detail);
		strbuf_addstr(sb, "</div>");
	}
	if (!d->stores.nr)
		return;
	strbuf_addstr(sb, "<ul class=\"stores\">");
	for (j = 0; j < d->stores.nr; j++) {
		json_t *st = d->stores.items[j];

		strbuf_addstr(sb, "<li><code>");
		esc(sb, json_string_value(json_object_get(st, "op")));
		strbuf_addstr(sb, " ");
		esc(sb, json_string_value(json_object_get(st, "expr")));
		strbuf_addstr(sb, "</code> (");
		esc(sb, json_string_value(json_object_get(st, "provenance")));
		strbuf_addstr(sb, ") ");
		short_link(sb, r, json_string_value(json_object_get(st, "file")),
			 json_integer_value(json_object_get(st, "line")));
		strbuf_addstr(sb, "</li>");
	}
	strbuf_addstr(sb, "</ul>");
}

static void uses_cell(struct strbuf *sb, const struct report_driver *d)
{
	size_t k;
	bool first = true;

	strbuf_addf(sb, "<td class=\"rule\" data-rule=\"%s\" data-uses=\"%ld\"><div class=\"verdict level-%s\">",
		    RULE_OPS_PGSIZE, d->uses_total,
		    d->uses_total ? "finding" : "ok");
	if (!d->uses_total)
		strbuf_addstr(sb, "no uses");
	else
		strbuf_addf(sb, "%ld use%s", d->uses_total,
			    d->uses_total == 1 ? "" : "s");
	for (k = 0; k < ARRAY_SIZE(d->uses); k++) {
		if (!d->uses[k])
			continue;
		strbuf_addf(sb, "%s%ld %s", first ? " <small>(" : ", ",
			    d->uses[k], report_use_kinds[k]);
		first = false;
	}
	strbuf_addf(sb, "%s</div></td>\n", first ? "" : ")</small>");
}

static void patch_cell(struct strbuf *sb, const struct report *r,
		       const struct report_driver *d)
{
	size_t j;

	strbuf_addstr(sb, "<td class=\"patch\">");
	if (d->patch) {
		strbuf_addstr(sb, "<a class=\"patch-link\" href=\"patches/");
		url_escape(sb, d->patch);
		strbuf_addstr(sb, "\">");
		esc(sb, d->patch);
		strbuf_addstr(sb, "</a>");
	}
	for (j = 0; j < d->ops.nr; j++) {
		const struct report_ops *o = d->ops.items[j];

		if (!o->series_note || o->note_migrated)
			continue;
		strbuf_addstr(sb, "<div class=\"reason\"><b>");
		esc(sb, o->name);
		strbuf_addstr(sb, ":</b> ");
		esc(sb, o->series_note);
		strbuf_addstr(sb, "</div>");
	}
	if (!d->patch && !r->have_series && d->status == RS_ATTENTION)
		strbuf_addstr(sb, "<span class=\"none\">no series given</span>");
	strbuf_addstr(sb, "</td>\n");
}

static void driver_row(struct strbuf *sb, const struct report *r,
		       const struct report_driver *d, size_t i)
{
	const char *status = report_status_names[d->status];
	int k;

	strbuf_addf(sb, "<tr class=\"driver status-%s\" id=\"driver-%zu\" data-file=\"",
		    status, i + 1);
	esc(sb, d->file);
	strbuf_addf(sb, "\" data-status=\"%s\">\n<td class=\"file\">", status);
	loc_link(sb, r, d->file, 0);
	strbuf_addf(sb, "</td>\n<td class=\"status\" data-status=\"%s\">%s</td>\n",
		    status, report_status_labels[d->status]);
	strbuf_addstr(sb, "<td class=\"ops\">");
	ops_cells(sb, r, d, -1);
	strbuf_addstr(sb, "</td>\n<td class=\"old-pgsize\">");
	old_pgsize_cell(sb, d);
	strbuf_addstr(sb, "</td>\n<td class=\"domain\">");
	domain_cell(sb, r, d);
	strbuf_addstr(sb, "</td>\n");
	for (k = 0; k < RR_NR; k++) {
		strbuf_addf(sb, "<td class=\"rule\" data-rule=\"%s\">",
			    report_rule_names[k]);
		ops_cells(sb, r, d, k);
		strbuf_addstr(sb, "</td>\n");
	}
	uses_cell(sb, d);
	patch_cell(sb, r, d);
	strbuf_addstr(sb, "</tr>\n");
}

static void driver_table(struct strbuf *sb, const struct report *r)
{
	size_t i;
	int k;

	strbuf_addstr(sb, "<table id=\"drivers\">\n<thead><tr><th>driver</th><th>status</th><th>ops object</th><th>old page sizes</th><th>where domains get their sizes</th>");
	for (k = 0; k < RR_NR; k++)
		strbuf_addf(sb, "<th>%s%s</th>", report_rule_names[k],
			    k == RR_ATTACH_INSTANCE ?
			    "<br><small>(instance model)</small>" : "");
	strbuf_addf(sb, "<th>%s</th><th>patch</th></tr></thead>\n<tbody>\n",
		    RULE_OPS_PGSIZE);
	for (i = 0; i < r->drivers.nr; i++)
		driver_row(sb, r, r->drivers.items[i], i);
	strbuf_addstr(sb, "</tbody>\n</table>\n");
}

static void findings_table(struct strbuf *sb, const struct report *r)
{
	size_t i;
	json_t *f;

	strbuf_addf(sb, "<table id=\"findings\">\n<thead><tr><th>where</th><th>rule</th><th>severity</th><th>message</th></tr></thead>\n<tbody>\n");
	json_array_foreach(r->findings, i, f) {
		const char *rule = json_string_value(json_object_get(f, "rule"));
		const char *sev = json_string_value(json_object_get(f,
								    "severity"));

		strbuf_addstr(sb, "<tr class=\"finding\" data-rule=\"");
		esc(sb, rule);
		strbuf_addstr(sb, "\" data-severity=\"");
		esc(sb, sev);
		strbuf_addstr(sb, "\"><td>");
		loc_link(sb, r, json_string_value(json_object_get(f, "file")),
			 json_integer_value(json_object_get(f, "line")));
		strbuf_addstr(sb, "</td><td>");
		esc(sb, rule);
		strbuf_addstr(sb, "</td><td>");
		esc(sb, sev);
		strbuf_addstr(sb, "</td><td>");
		esc(sb, json_string_value(json_object_get(f, "message")));
		strbuf_addstr(sb, "</td></tr>\n");
	}
	strbuf_addstr(sb, "</tbody>\n</table>\n");
}

static void body(struct strbuf *sb, const struct report *r)
{
	strbuf_addstr(sb, "<header>\n<h1>iommu_ops page sizes: migration report</h1>\n<p class=\"tree\">Tree <code id=\"tree-root\">");
	esc(sb, r->root);
	strbuf_addstr(sb, "</code>");
	if (r->version) {
		strbuf_addstr(sb, " (Linux ");
		esc(sb, r->version);
		strbuf_addstr(sb, ")");
	}
	if (r->cover) {
		strbuf_addstr(sb, "; series: <a id=\"cover-letter\" href=\"patches/");
		url_escape(sb, r->cover);
		strbuf_addstr(sb, "\">cover letter</a>");
	} else if (!r->have_series) {
		strbuf_addstr(sb, "; no patch series given (<code>--series DIR</code>)");
	}
	strbuf_addstr(sb, "</p>\n</header>\n<section id=\"summary\">\n<h2>Summary</h2>\n");
	status_counts(sb, r);
	report_svg(sb, r);
	rule_summary(sb, r);
	strbuf_addf(sb, "</section>\n<section>\n<h2>Drivers</h2>\n<p class=\"hint\">A driver is a file that defines ops objects or uses <code>iommu_ops.pgsize_bitmap</code>. Locations link to the file in the scanned tree (<code>file://</code>); the line is in the link text. Hover a verdict for its detail.</p>\n");
	driver_table(sb, r);
	strbuf_addf(sb, "</section>\n<section>\n<h2>Findings (%zu)</h2>\n",
		    json_array_size(r->findings));
	findings_table(sb, r);
	strbuf_addstr(sb, "</section>\n");
}

/* The template with its "@NAME@" markers replaced. */
void report_html(struct strbuf *sb, const struct report *r)
{
	const char *p = report_template, *at;

	while ((at = strchr(p, '@'))) {
		strbuf_add(sb, p, at - p);
		if (starts_with(at, "@STYLE@")) {
			strbuf_addstr(sb, report_style);
			p = at + strlen("@STYLE@");
		} else if (starts_with(at, "@TITLE@")) {
			strbuf_addstr(sb, "iommu-pgsize report: ");
			esc(sb, r->version ? r->version : r->root);
			p = at + strlen("@TITLE@");
		} else if (starts_with(at, "@BODY@")) {
			body(sb, r);
			p = at + strlen("@BODY@");
		} else {
			strbuf_add(sb, at, 1);
			p = at + 1;
		}
	}
	strbuf_addstr(sb, p);
}
