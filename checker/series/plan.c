// SPDX-License-Identifier: GPL-2.0
#include <stdlib.h>
#include <string.h>

#include "series/plan.h"
#include "rules/rules.h"

void plan_entry_free(void *p)
{
	struct plan_entry *e = p;

	free(e->reason);
	free(e->allocators);
	free(e->sizes);
	vec_free(&e->defines, free);
	vec_free(&e->runtime_defines, free);
	free(e);
}

static const struct verdict *verdict_of(const struct ops_object *ops,
					const char *rule)
{
	size_t i;

	for (i = 0; i < ops->verdicts.nr; i++) {
		const struct verdict *v = ops->verdicts.items[i];

		if (!strcmp(v->rule, rule))
			return v;
	}
	return NULL;
}

static bool has_use(const struct inventory *inv, const struct ops_object *ops)
{
	size_t i;

	for (i = 0; i < inv->uses.nr; i++) {
		const struct ops_use *u = inv->uses.items[i];

		if (!strcmp(u->loc.file, ops->loc.file) ||
		    (u->ops_name && !strcmp(u->ops_name, ops->name)))
			return true;
	}
	return false;
}

static unsigned int ops_in_file(const struct inventory *inv, const char *file)
{
	unsigned int n = 0;
	size_t i;

	for (i = 0; i < inv->ops.nr; i++)
		n += !strcmp(((struct ops_object *)inv->ops.items[i])->loc.file,
			     file);
	return n;
}

struct runtime_uses {
	bool any;
	bool writes;
	bool reads;
	bool copies_back;
	bool changes_value;	/* a write other than a restricted copy-back */
	bool accumulates;	/* one of those is compound (|=): a merge */
};

/* Uses other than the initializer in the object's file. */
static void other_uses(const struct inventory *inv,
		       const struct ops_object *ops, struct runtime_uses *ru)
{
	size_t i;

	memset(ru, 0, sizeof(*ru));
	for (i = 0; i < inv->uses.nr; i++) {
		const struct ops_use *u = inv->uses.items[i];
		bool write = u->kind == USE_WRITE || u->kind == USE_COMPOUND;

		if (u->kind == USE_INIT || strcmp(u->loc.file, ops->loc.file))
			continue;
		ru->any = true;
		ru->writes |= write;
		ru->reads |= u->kind == USE_READ;
		ru->copies_back |= write && u->copies_cfg;
		ru->changes_value |= write && !u->copies_cfg;
		ru->accumulates |= u->kind == USE_COMPOUND && !u->copies_cfg;
	}
}

/*
 * The paging allocators that give domains no sizes of their own, or NULL
 * (with *why) when some do and more than one does not: the semantic patch
 * can be limited to one allocator only.
 */
static char *fallback_allocators(const struct ops_object *ops, bool *limit,
				 char **why)
{
	struct strbuf sb = { 0 };
	unsigned int setting = 0, bare = 0;
	size_t i;

	for (i = 0; i < ops->alloc.nr; i++) {
		const struct callback *cb = ops->alloc.items[i];

		if (!cb->paging)
			continue;
		if (cb->sets_sizes) {
			setting++;
			continue;
		}
		bare++;
		names_join(&sb, cb->function);
	}
	*limit = setting && bare;
	if (*limit && bare > 1) {
		*why = xstrdup("some allocators set page sizes already and several others rely on the fallback");
		strbuf_release(&sb);
		return NULL;
	}
	return strbuf_detach(&sb);
}

static void define(struct plan_entry *e, char *value)
{
	vec_push(&e->defines, value);
}

/* Rewrite the run-time uses first, when there are any. */
static void add_rules(struct plan_entry *e, const struct runtime_uses *ru,
		      const char *rule)
{
	size_t n = 0;

	e->reads = ru->reads;
	e->copies_back = ru->copies_back;
	e->merges = ru->changes_value;
	e->overwrites = ru->changes_value && !ru->accumulates;
	if (ru->any || !rule)
		e->rules[n++] = RULE_FILE_RUNTIME;
	e->rules[n] = rule;
	if (ru->writes && !e->ops->is_const)
		vec_push(&e->runtime_defines, xstrdup("make_const"));
}

/* What the allocators set: the ops constant, or the format's subset. */
static void choose_sizes(struct plan_entry *e)
{
	const struct ops_object *ops = e->ops;

	e->value = ops->pgsize_value;
	e->sizes = xstrdup(ops->pgsize_expr);
	if (!ops->format_keeps_known || ops->format_keeps == ops->pgsize_value)
		return;
	e->narrowed = true;
	e->value = ops->format_keeps;
	free(e->sizes);
	e->sizes = size_names(e->value, " | ");
	define(e, xasprintf("sizes=%s", e->sizes));
}

static char *allocator_list(const struct ops_object *ops)
{
	struct strbuf sb = { 0 };
	size_t i;

	for (i = 0; i < ops->alloc.nr; i++) {
		const struct callback *cb = ops->alloc.items[i];

		if (cb->paging)
			names_join(&sb, cb->function);
	}
	return strbuf_detach(&sb);
}

/* Allocators set the constant (domain-init: fallback or finalised). */
static void plan_move(struct plan_entry *e, const struct runtime_uses *ru)
{
	const struct ops_object *ops = e->ops;
	bool limit;

	if (!ops->pgsize_is_constant) {
		e->reason = xasprintf("%s is not a compile-time constant",
				      ops->pgsize_expr);
		return;
	}
	if (ru->changes_value) {
		e->reason = xasprintf("the driver changes %s.pgsize_bitmap at run time, so domains allocated later got other sizes than %s; no constant in the allocators keeps that",
				      ops->name, ops->pgsize_expr);
		return;
	}
	e->allocators = fallback_allocators(ops, &limit, &e->reason);
	if (!e->allocators)
		return;
	if (limit)
		define(e, xasprintf("alloc=%s", e->allocators));
	choose_sizes(e);
	e->how = MIGRATE_MOVE;
	add_rules(e, ru, RULE_FILE_CONSTANT);
}

/* A paging allocator that never gives its domain page sizes itself. */
static const char *attach_only_allocator(const struct ops_object *ops)
{
	size_t i;

	for (i = 0; i < ops->alloc.nr; i++) {
		const struct callback *cb = ops->alloc.items[i];

		if (cb->paging && !cb->sets_sizes)
			return cb->function;
	}
	return NULL;
}

/*
 * Give the allocator's domains their instance's sizes: the core maps a
 * device's direct regions into its new DMA domain before attaching it,
 * and iommu_create_device_direct_mappings() cannot map into a domain without
 * page sizes, which the ops fallback used to hide.
 */
static bool plan_instance(struct plan_entry *e, const char *bare)
{
	const struct instance_path *ip = e->ops->instance;

	if (!ip || strcmp(ip->allocator, bare) || ip->reason) {
		e->reason = xasprintf("%s() returns domains that get page sizes only at attach, and the core maps direct regions into them before that (iommu_create_device_direct_mappings() cannot map into a domain without sizes); they cannot get their instance's sizes at allocation: %s",
				      bare, ip && ip->reason ? ip->reason :
				      "the attach path was not analysed");
		return false;
	}
	e->instance = ip;
	define(e, xasprintf("alloc=%s", ip->allocator));
	define(e, xasprintf("anchor_type=%s", ip->anchor_type));
	define(e, xasprintf("anchor=%s", ip->anchor));
	define(e, xasprintf("anchor_init=%s", ip->anchor_init));
	define(e, xasprintf("sizes=%s", ip->sizes));
	if (ip->wrap)
		define(e, xstrdup("wrap"));
	return true;
}

/*
 * No constant to keep: the instance gives the sizes when finalised, and
 * at allocation too when an allocator would otherwise leave them to
 * attach.
 */
static void plan_finalised(struct plan_entry *e,
			   const struct runtime_uses *ru)
{
	const char *bare = attach_only_allocator(e->ops);

	if (bare && !plan_instance(e, bare))
		return;
	e->how = MIGRATE_FINALISED;
	add_rules(e, ru, NULL);
	if (bare)
		e->rules[1] = RULE_FILE_INSTANCE;
	vec_push(&e->runtime_defines, xstrdup("finalised"));
}

static void plan_entry_choose(const struct inventory *inv,
			      struct plan_entry *e)
{
	const struct ops_object *ops = e->ops;
	const struct verdict *init = verdict_of(ops, RULE_DOMAIN_INIT);
	const struct verdict *format = verdict_of(ops, RULE_PGSIZE_FORMAT);
	enum outcome verdict = init ? init->verdict : OUTCOME_UNKNOWN;
	bool placeholder = !ops->has_pgsize || ops->pgsize_value == ~0ULL;
	struct runtime_uses ru;

	other_uses(inv, ops, &ru);
	/*
	 * Sizes on an ops member the kernel no longer has (an external
	 * module built against it): the code was written for the core's
	 * fallback, and migrates as if it still were.
	 */
	if (verdict == OUTCOME_UNSIZED && ops->has_pgsize)
		verdict = OUTCOME_FALLBACK;
	e->finaliser = init ? init->where : NULL;
	if (format && format->level == VERDICT_FINDING)
		e->reason = xasprintf("its domains claim sizes their io-pgtable format cannot map (%s); fix the sizes first",
				      format->detail);
	else if (!ends_with(ops->loc.file, ".c"))
		e->reason = xstrdup("the ops object is defined in a header, away from its allocators");
	else if (ops_in_file(inv, ops->loc.file) > 1)
		e->reason = xstrdup("several ops objects share the file and maybe their allocators, with different sizes");
	else if (verdict == OUTCOME_SETS) {
		e->how = MIGRATE_DROP;
		add_rules(e, &ru, RULE_FILE_DROP);
	} else if (verdict == OUTCOME_FINALISED && placeholder)
		plan_finalised(e, &ru);
	else if (verdict == OUTCOME_FINALISED && !ops->format_keeps_known)
		e->reason = xstrdup("its domains are finalised through an io-pgtable format this tool cannot judge, so the sizes the allocators must give them are unknown");
	else if (verdict == OUTCOME_FALLBACK && placeholder)
		e->reason = xasprintf("%s is a placeholder, yet some domain gets its sizes only from the core's fallback",
				      ops->has_pgsize ? ops->pgsize_expr :
				      "the run-time value");
	else if (verdict == OUTCOME_FALLBACK ||
		 verdict == OUTCOME_FINALISED)
		plan_move(e, &ru);
	else
		e->reason = xasprintf("domain-init is '%s': %s",
				      outcome_name(verdict),
				      init ? init->detail : "not analysed");
}

void plan_migration(const struct inventory *inv, struct vec *plan)
{
	size_t i;

	for (i = 0; i < inv->ops.nr; i++) {
		const struct ops_object *ops = inv->ops.items[i];
		struct plan_entry *e;

		if (!ops->has_pgsize && !has_use(inv, ops))
			continue;
		e = xcalloc(1, sizeof(*e));
		e->ops = ops;
		plan_entry_choose(inv, e);
		if (!e->allocators)
			e->allocators = allocator_list(ops);
		vec_push(plan, e);
	}
}

bool plan_complete(const struct vec *plan)
{
	size_t i;

	for (i = 0; i < plan->nr; i++)
		if (((struct plan_entry *)plan->items[i])->how == MIGRATE_NONE)
			return false;
	return true;
}
