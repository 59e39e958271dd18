// SPDX-License-Identifier: GPL-2.0
/* iommu-pgsize lint: fail a CI job when a change brings the old pattern back. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lint/lint.h"
#include "scan/output.h"
#include "scan/parse.h"
#include "scan/scan.h"

/* The findings the gate judges: not notes, which are for scan to show. */
static void gated(const struct vec *findings, struct vec *out)
{
	size_t i;

	for (i = 0; i < findings->nr; i++) {
		struct finding *f = findings->items[i];

		if (strcmp(f->severity, "note"))
			vec_push(out, f);
	}
}

void lint_match(const struct vec *findings, const struct vec *ref,
		const struct vec *scope, struct lint_result *out)
{
	unsigned int *used = xcalloc(ref->nr + 1, sizeof(*used));
	size_t i, k;

	for (i = 0; i < findings->nr; i++) {
		struct finding *f = findings->items[i];

		for (k = 0; k < ref->nr; k++) {
			const struct ref_entry *e = ref->items[k];

			if (!strcmp(e->fingerprint, f->fingerprint))
				break;
		}
		if (k < ref->nr &&
		    used[k] < ((struct ref_entry *)ref->items[k])->count) {
			used[k]++;
			vec_push(&out->known, f);
		} else {
			vec_push(&out->new_findings, f);
		}
	}
	for (k = 0; k < ref->nr; k++) {
		const struct ref_entry *e = ref->items[k];
		struct ref_entry *gone;

		if (used[k] >= e->count || (scope && !vec_contains_str(scope, e->file)))
			continue;
		gone = xcalloc(1, sizeof(*gone));
		*gone = *e;
		gone->count = e->count - used[k];
		gone->rule = xstrdup(e->rule);
		gone->file = xstrdup(e->file);
		gone->function = e->function ? xstrdup(e->function) : NULL;
		gone->message = xstrdup(e->message);
		vec_push(&out->fixed, gone);
	}
	free(used);
}

void lint_result_release(struct lint_result *res)
{
	vec_free(&res->new_findings, NULL);
	vec_free(&res->known, NULL);
	vec_free(&res->fixed, ref_entry_free);
}

/* The baseline to compare with: given, the tree's own, or none. */
static int load_baseline(struct lint_options *o, const struct tree *tree,
			 char **path, struct vec *ref)
{
	*path = NULL;
	if (o->update || o->no_baseline)
		return 0;
	if (o->baseline) {
		*path = xstrdup(o->baseline);
	} else {
		*path = path_join(tree->root, DEFAULT_BASELINE);
		if (access(*path, F_OK)) {
			free(*path);
			*path = NULL;
			return 0;
		}
	}
	return baseline_read(*path, ref);
}

struct lint_run {
	struct scan_result after;
	struct scan_result before;
	bool have_before;
	struct vec gate;	/* struct finding of after, borrowed */
	struct vec ref;		/* struct ref_entry */
	bool scoped;		/* only a change: fixed only within scope */
	struct vec scope;	/* char *: files a fixed finding can be in */
	char *reference;
};

/* Parse @units of one state of the change; -1 when nothing parsed. */
static int analyse_state(const struct tree *tree,
			 const struct flags_config *cfg,
			 const struct change_set *cs, const struct vec *units,
			 bool after, struct scan_result *res)
{
	const struct vec *overlays = after ? &cs->after : &cs->before;
	struct vec files = { 0 };
	struct scan_scope scope = {
		.files = &files, .overlays = overlays,
		.no_pch = overlays->nr && change_touches_header(cs),
	};
	int ret;

	units_in_state(cs, units, after, &files);
	note("%s: parsing %zu translation unit(s) as they are %s",
	     cs->how, files.nr, after ? "after" : "before");
	ret = scan_analyse_scoped(tree, cfg, &scope, res);
	vec_free(&files, free);
	return ret;
}

static int run_changed(struct lint_options *o, const struct tree *tree,
		       struct lint_run *run, const char *baseline)
{
	struct change_set cs;
	struct vec units = { 0 };
	size_t i;
	int ret = -1;

	if (o->since ? changes_since(tree, o->since, &cs) :
		       changes_from_patch(tree, o->patch, &cs))
		goto out;
	changed_units(tree, &cs, &units);
	if (analyse_state(tree, &o->flags, &cs, &units, true, &run->after))
		goto out;
	gated(&run->after.findings, &run->gate);
	if (baseline) {
		/* Only what this run could see can count as fixed. */
		run->scoped = true;
		for (i = 0; i < units.nr; i++)
			vec_push(&run->scope, xstrdup(units.items[i]));
		for (i = 0; i < cs.files.nr; i++)
			vec_push(&run->scope, xstrdup(cs.files.items[i]));
		for (i = 0; i < run->gate.nr; i++)
			vec_push(&run->scope, xstrdup(((struct finding *)
				run->gate.items[i])->loc.file));
		run->reference = xasprintf("baseline %s (%s)", baseline,
					   cs.how);
	} else {
		struct vec before = { 0 };

		if (analyse_state(tree, &o->flags, &cs, &units, false,
				  &run->before))
			goto out;
		run->have_before = true;
		gated(&run->before.findings, &before);
		ref_from_findings(&before, &run->ref);
		vec_free(&before, NULL);
		run->reference = xasprintf("the same files before the %s",
					   cs.how);
	}
	ret = 0;
out:
	vec_free(&units, free);
	change_set_release(&cs);
	return ret;
}

static int write_result(enum lint_format format,
			const struct lint_result *res)
{
	int ret = 0;

	if (format == LINT_JSON)
		ret = lint_write_json(stdout, res);
	else if (format == LINT_SARIF)
		ret = lint_write_sarif(stdout, res);
	else
		lint_write_text(stdout, res);
	if (ret || fflush(stdout) || ferror(stdout)) {
		error("cannot write the results");
		return -1;
	}
	return 0;
}

int run_lint(struct lint_options *o, const struct tree *tree)
{
	struct lint_run run = { 0 };
	struct lint_result res = { 0 };
	char *baseline = NULL;
	int ret = EXIT_FATAL;

	if (load_baseline(o, tree, &baseline, &run.ref))
		goto out;
	if (o->since || o->patch) {
		if (run_changed(o, tree, &run, baseline))
			goto out;
	} else {
		if (scan_analyse(tree, &o->flags, &run.after))
			goto out;
		gated(&run.after.findings, &run.gate);
		if (o->update) {
			if (!baseline_write(o->baseline, &run.gate)) {
				note("wrote %zu findings to the baseline %s",
				     run.gate.nr, o->baseline);
				ret = 0;
			}
			goto out;
		}
		run.reference = baseline ?
			xasprintf("baseline %s", baseline) :
			xstrdup("no baseline (every finding is new)");
	}
	lint_match(&run.gate, &run.ref, run.scoped ? &run.scope : NULL,
		   &res);
	res.reference = run.reference;
	res.tree_root = tree->root;
	if (!write_result(o->format, &res))
		ret = res.new_findings.nr ? EXIT_FINDINGS : 0;
	lint_result_release(&res);
out:
	vec_free(&run.gate, NULL);
	vec_free(&run.ref, ref_entry_free);
	vec_free(&run.scope, free);
	scan_result_release(&run.after);
	if (run.have_before)
		scan_result_release(&run.before);
	free(run.reference);
	free(baseline);
	return ret;
}

