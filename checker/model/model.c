// SPDX-License-Identifier: GPL-2.0
#include <stdlib.h>
#include <string.h>

#include "model/model.h"

const char *use_kind_name(enum use_kind kind)
{
	static const char *const names[] = {
		[USE_INIT] = "init",
		[USE_WRITE] = "write",
		[USE_COMPOUND] = "compound",
		[USE_COMPARE] = "compare",
		[USE_READ] = "read",
	};

	return names[kind];
}

const char *provenance_name(enum provenance prov)
{
	static const char *const names[] = {
		[PROV_CONSTANT] = "constant",
		[PROV_FIELD] = "field",
		[PROV_OPS] = "ops",
		[PROV_CALL] = "call",
		[PROV_VARIABLE] = "variable",
		[PROV_EXPRESSION] = "expression",
	};

	return names[prov];
}

static const char *const outcome_names[NR_OUTCOMES] = {
	[OUTCOME_NA] = "n/a",
	[OUTCOME_SETS] = "sets",
	[OUTCOME_FINALISED] = "finalised",
	[OUTCOME_FALLBACK] = "fallback",
	[OUTCOME_UNSIZED] = "unsized",
	[OUTCOME_FITS] = "fits",
	[OUTCOME_EXCEEDS] = "exceeds",
	[OUTCOME_UNKNOWN] = "unknown",
	[OUTCOME_BOUND] = "bound",
	[OUTCOME_SHARED] = "shared",
	[OUTCOME_UNGUARDED_INSTANCE] = "unguarded-instance",
	[OUTCOME_UNGUARDED_CONSTANT] = "unguarded-constant",
	[OUTCOME_CHECKED] = "checked",
	[OUTCOME_PER_INSTANCE] = "per-instance",
	[OUTCOME_REBINDS] = "rebinds",
};

const char *outcome_name(enum outcome outcome)
{
	return outcome_names[outcome];
}

bool outcome_parse(const char *word, enum outcome *outcome)
{
	int i;

	for (i = 0; i < NR_OUTCOMES; i++) {
		if (!strcmp(word, outcome_names[i])) {
			*outcome = i;
			return true;
		}
	}
	return false;
}

const char *verdict_level_name(enum verdict_level level)
{
	static const char *const names[] = {
		[VERDICT_OK] = "ok",
		[VERDICT_INFO] = "info",
		[VERDICT_FINDING] = "finding",
		[VERDICT_UNKNOWN] = "unknown",
	};

	return names[level];
}

void verdict_free(void *p)
{
	struct verdict *v = p;

	free(v->where);
	free(v->detail);
	free(v->subject);
	free(v->loc.file);
	vec_free(&v->needs, free);
	free(v->needs_where);
	free(v);
}

void store_summary_free(void *p)
{
	struct store_summary *s = p;

	free(s->function);
	free(s->file);
	free(s);
}

void src_loc_set(struct src_loc *loc, const char *file, unsigned int line,
		 unsigned int col)
{
	loc->file = xstrdup(file);
	loc->line = line;
	loc->col = col;
}

int src_loc_cmp(const struct src_loc *a, const struct src_loc *b)
{
	int c = strcmp(a->file, b->file);

	if (c)
		return c;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->col != b->col)
		return a->col < b->col ? -1 : 1;
	return 0;
}

void ops_use_free(void *p)
{
	struct ops_use *use = p;

	free(use->loc.file);
	free(use->function);
	free(use->ops_name);
	free(use->ops_file);
	free(use->member_file);
	free(use->expr);
	free(use);
}

void callback_free(void *p)
{
	struct callback *cb = p;

	free(cb->via);
	free(cb->function);
	free(cb->loc.file);
	free(cb);
}

void instance_path_free(struct instance_path *ip)
{
	if (!ip)
		return;
	free(ip->allocator);
	free(ip->anchor_type);
	free(ip->anchor);
	free(ip->anchor_init);
	free(ip->sizes);
	free(ip->reason);
	free(ip);
}

void ops_object_free(void *p)
{
	struct ops_object *ops = p;

	free(ops->name);
	free(ops->loc.file);
	free(ops->macro);
	free(ops->pgsize_loc.file);
	free(ops->pgsize_expr);
	free(ops->pgtable_format);
	vec_free(&ops->alloc, callback_free);
	vec_free(&ops->attach, callback_free);
	vec_free(&ops->verdicts, verdict_free);
	instance_path_free(ops->instance);
	free(ops);
}

void domain_pgsize_free(void *p)
{
	struct domain_pgsize *set = p;

	free(set->loc.file);
	free(set->function);
	free(set->op);
	free(set->expr);
	free(set->source);
	free(set);
}

void parse_result_free(void *p)
{
	struct parse_result *res = p;

	free(res->file);
	free(res->first_error);
	free(res->arch);
	free(res->diagnostics);
	free(res->forced_symbols);
	free(res);
}

static void vec_move(struct vec *into, struct vec *from)
{
	size_t i;

	for (i = 0; i < from->nr; i++)
		vec_push(into, from->items[i]);
	vec_free(from, NULL);
}

void inventory_merge(struct inventory *into, struct inventory *from)
{
	vec_move(&into->ops, &from->ops);
	vec_move(&into->uses, &from->uses);
	vec_move(&into->domain_sets, &from->domain_sets);
	vec_move(&into->summaries, &from->summaries);
	vec_move(&into->parsed, &from->parsed);
	into->files_scanned += from->files_scanned;
	into->files_skipped += from->files_skipped;
	from->files_scanned = 0;
	from->files_skipped = 0;
}

static int cmp_domain_set(const void *a, const void *b)
{
	const struct domain_pgsize *sa = *(const struct domain_pgsize *const *)a;
	const struct domain_pgsize *sb = *(const struct domain_pgsize *const *)b;
	int c = src_loc_cmp(&sa->loc, &sb->loc);

	if (!c)
		c = strcmp_null(sa->function, sb->function);
	return c ? c : strcmp_null(sa->expr, sb->expr);
}

/* One macro body line can hold the uses of several generated objects. */
static int cmp_use(const void *a, const void *b)
{
	const struct ops_use *ua = *(const struct ops_use *const *)a;
	const struct ops_use *ub = *(const struct ops_use *const *)b;
	int c = src_loc_cmp(&ua->loc, &ub->loc);

	return c ? c : strcmp_null(ua->ops_name, ub->ops_name);
}

static int cmp_ops(const void *a, const void *b)
{
	const struct ops_object *oa = *(const struct ops_object *const *)a;
	const struct ops_object *ob = *(const struct ops_object *const *)b;
	int c = src_loc_cmp(&oa->loc, &ob->loc);

	return c ? c : strcmp(oa->name, ob->name);
}

static int cmp_parsed(const void *a, const void *b)
{
	const struct parse_result *ra = *(const struct parse_result *const *)a;
	const struct parse_result *rb = *(const struct parse_result *const *)b;

	return strcmp(ra->file, rb->file);
}

/*
 * A header seen by several translation units yields the same item several
 * times: keep the first of each run of equal keys.
 */
static void sort_unique(struct vec *v, int (*cmp)(const void *, const void *),
			void (*free_item)(void *))
{
	size_t i, kept = 0;

	vec_sort(v, cmp);
	for (i = 0; i < v->nr; i++) {
		if (kept && !cmp(&v->items[kept - 1], &v->items[i])) {
			free_item(v->items[i]);
			continue;
		}
		v->items[kept++] = v->items[i];
	}
	v->nr = kept;
}

void inventory_finish(struct inventory *inv)
{
	sort_unique(&inv->ops, cmp_ops, ops_object_free);
	sort_unique(&inv->uses, cmp_use, ops_use_free);
	sort_unique(&inv->domain_sets, cmp_domain_set, domain_pgsize_free);
	vec_sort(&inv->parsed, cmp_parsed);
}

void inventory_release(struct inventory *inv)
{
	vec_free(&inv->ops, ops_object_free);
	vec_free(&inv->uses, ops_use_free);
	vec_free(&inv->domain_sets, domain_pgsize_free);
	vec_free(&inv->summaries, store_summary_free);
	vec_free(&inv->parsed, parse_result_free);
}

unsigned int inventory_files_with_errors(const struct inventory *inv)
{
	unsigned int n = 0;
	size_t i;

	for (i = 0; i < inv->parsed.nr; i++) {
		const struct parse_result *res = inv->parsed.items[i];

		if (res->errors || res->failed)
			n++;
	}
	return n;
}
