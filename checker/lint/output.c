// SPDX-License-Identifier: GPL-2.0
/* The gate's verdict as GCC-style text or JSON (docs/iommu-pgsize.1). */
#include <stdlib.h>
#include <string.h>
#include <jansson.h>

#include "lint/lint.h"
#include "rules/rules.h"
#include "scan/output.h"

static unsigned int fixed_count(const struct lint_result *res)
{
	unsigned int n = 0;
	size_t i;

	for (i = 0; i < res->fixed.nr; i++)
		n += ((struct ref_entry *)res->fixed.items[i])->count;
	return n;
}

/* "ops-pgsize 3, domain-init 1" for the findings that were known. */
static void known_by_rule(const struct lint_result *res, struct strbuf *sb)
{
	size_t i, k;

	for (k = 0; k < nr_rules; k++) {
		const char *rule = rule_table[k].id;
		unsigned int n = 0;

		for (i = 0; i < res->known.nr; i++)
			n += !strcmp(((struct finding *)res->known.items[i])->rule,
				     rule);
		if (n)
			strbuf_addf(sb, "%s%s %u", sb->len ? ", " : "",
				    rule, n);
	}
}

void lint_write_text(FILE *out, const struct lint_result *res)
{
	struct strbuf sb = { 0 };
	size_t i;

	for (i = 0; i < res->new_findings.nr; i++) {
		const struct finding *f = res->new_findings.items[i];

		fprintf(out, "%s:%u:%u: %s: %s [%s]\n", f->loc.file,
			f->loc.line, f->loc.col, f->severity, f->message,
			f->rule);
	}
	for (i = 0; i < res->fixed.nr; i++) {
		const struct ref_entry *e = res->fixed.items[i];

		fprintf(out, "fixed: %s: %s [%s]", e->file, e->message,
			e->rule);
		if (e->count > 1)
			fprintf(out, " (%u times)", e->count);
		fputc('\n', out);
	}
	known_by_rule(res, &sb);
	fprintf(out, "lint: %zu new, %zu known (%s), %u fixed; compared with %s\n",
		res->new_findings.nr, res->known.nr, sb.len ? sb.buf : "none",
		fixed_count(res), res->reference);
	strbuf_release(&sb);
}

int lint_write_json(FILE *out, const struct lint_result *res)
{
	json_t *root = json_object(), *summary = json_object();
	json_t *fresh = json_array(), *known = json_array();
	json_t *fixed = json_array();
	size_t i;
	int ret;

	for (i = 0; i < res->new_findings.nr; i++)
		json_array_append_new(fresh,
				      finding_json(res->new_findings.items[i]));
	for (i = 0; i < res->known.nr; i++)
		json_array_append_new(known, finding_json(res->known.items[i]));
	for (i = 0; i < res->fixed.nr; i++) {
		const struct ref_entry *e = res->fixed.items[i];
		json_t *o = json_object();

		json_object_set_new(o, "rule", json_string(e->rule));
		json_object_set_new(o, "file", jstr(e->file));
		json_object_set_new(o, "function", jstr(e->function));
		json_object_set_new(o, "fingerprint",
				    json_string(e->fingerprint));
		json_object_set_new(o, "count", json_integer(e->count));
		json_object_set_new(o, "message", jstr(e->message));
		json_array_append_new(fixed, o);
	}
	json_object_set_new(summary, "new", json_integer(res->new_findings.nr));
	json_object_set_new(summary, "known", json_integer(res->known.nr));
	json_object_set_new(summary, "fixed", json_integer(fixed_count(res)));
	json_object_set_new(root, "schema", json_string(LINT_SCHEMA));
	json_object_set_new(root, "version", json_integer(LINT_SCHEMA_VERSION));
	json_object_set_new(root, "tree", jstr(res->tree_root));
	json_object_set_new(root, "reference", jstr(res->reference));
	json_object_set_new(root, "summary", summary);
	json_object_set_new(root, "new", fresh);
	json_object_set_new(root, "known", known);
	json_object_set_new(root, "fixed", fixed);
	ret = json_dumpf(root, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	fputc('\n', out);
	json_decref(root);
	return ret;
}
