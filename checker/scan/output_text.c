// SPDX-License-Identifier: GPL-2.0
#include <string.h>

#include "scan/drivers.h"
#include "scan/findings.h"
#include "scan/output.h"
#include "rules/rules.h"

static void write_findings(FILE *out, const struct vec *findings)
{
	size_t i;

	for (i = 0; i < findings->nr; i++) {
		const struct finding *f = findings->items[i];

		fprintf(out, "%s:%u:%u: %s: %s [%s]\n", f->loc.file,
			f->loc.line, f->loc.col, f->severity, f->message,
			f->rule);
	}
}

static void write_callbacks(FILE *out, const char *label,
			    const struct vec *list)
{
	size_t i;

	if (!list->nr)
		return;
	fprintf(out, "      %s", label);
	for (i = 0; i < list->nr; i++) {
		const struct callback *cb = list->items[i];

		fprintf(out, "%s%s=%s", i ? ", " : " ", cb->via, cb->function);
	}
	fputc('\n', out);
}

static void write_ops(FILE *out, const struct ops_object *ops)
{
	size_t i;

	fprintf(out, "    %s (%s%s%s)", ops->name,
		ops->is_const ? "const" : "mutable",
		ops->macro ? ", from macro " : "",
		ops->macro ? ops->macro : "");
	if (!ops->has_pgsize)
		fputs(": no pgsize_bitmap\n", out);
	else if (ops->pgsize_is_constant)
		fprintf(out, ": pgsize_bitmap = %s (%#llx)\n", ops->pgsize_expr,
			ops->pgsize_value);
	else
		fprintf(out, ": pgsize_bitmap = %s\n", ops->pgsize_expr);
	write_callbacks(out, "allocates:", &ops->alloc);
	write_callbacks(out, "attaches: ", &ops->attach);
	for (i = 0; i < ops->verdicts.nr; i++) {
		const struct verdict *v = ops->verdicts.items[i];

		fprintf(out, "      %-16s %s\n", v->rule,
			outcome_name(v->verdict));
	}
}

static void write_driver(FILE *out, const struct driver *d)
{
	size_t i;
	int kind;

	fprintf(out, "  %s\n", d->file);
	for (i = 0; i < d->ops.nr; i++)
		write_ops(out, d->ops.items[i]);
	if (d->uses.nr) {
		fprintf(out, "    ops-pgsize uses: %zu (", d->uses.nr);
		for (kind = 0, i = 0; kind <= USE_READ; kind++) {
			if (!d->uses_by_kind[kind])
				continue;
			fprintf(out, "%s%u %s", i++ ? ", " : "",
				d->uses_by_kind[kind], use_kind_name(kind));
		}
		fputs(")\n", out);
	}
	for (i = 0; i < d->domain_sets.nr; i++) {
		const struct domain_pgsize *set = d->domain_sets.items[i];

		fprintf(out, "    domain pgsize_bitmap %s %s in %s() [%s%s%s]\n",
			set->op, set->expr,
			set->function ? set->function : "file scope",
			provenance_name(set->prov), set->source ? " " : "",
			set->source ? set->source : "");
	}
}

/* " ops-pgsize 29, domain-init 12, attach-instance 1 (+7 notes)" */
static void write_rule_counts(FILE *out, const struct vec *findings)
{
	size_t r, i;

	for (r = 0; r < nr_rules; r++) {
		const char *rule = rule_table[r].id;
		unsigned int warnings = 0, notes = 0;

		for (i = 0; i < findings->nr; i++) {
			const struct finding *f = findings->items[i];

			if (strcmp(f->rule, rule))
				continue;
			if (!strcmp(f->severity, "note"))
				notes++;
			else
				warnings++;
		}
		fprintf(out, "%s %s %u", r ? "," : "", rule, warnings);
		if (notes)
			fprintf(out, " (+%u notes)", notes);
	}
	fputc('\n', out);
}

void write_text(FILE *out, const struct scan_result *res)
{
	size_t i, with_pgsize = 0;

	write_findings(out, &res->findings);
	for (i = 0; i < res->inv.ops.nr; i++)
		with_pgsize += ((struct ops_object *)res->inv.ops.items[i])->has_pgsize;
	fprintf(out, "\nsummary: %zu iommu_ops objects (%zu with pgsize_bitmap) in %zu files;",
		res->inv.ops.nr, with_pgsize, res->drivers.nr);
	write_rule_counts(out, &res->findings);
	for (i = 0; i < res->drivers.nr; i++)
		write_driver(out, res->drivers.items[i]);
}
