// SPDX-License-Identifier: GPL-2.0
#include <stdlib.h>
#include <string.h>

#include "plan.h"
#include "verify.h"

void plan_entry_free(void *p)
{
	struct plan_entry *e = p;

	free(e->reason);
	free(e->allocators);
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

/* Uses other than the initializer in the object's file. */
static bool other_uses(const struct inventory *inv,
		       const struct ops_object *ops)
{
	size_t i;

	for (i = 0; i < inv->uses.nr; i++) {
		const struct ops_use *u = inv->uses.items[i];

		if (u->kind != USE_INIT && !strcmp(u->loc.file, ops->loc.file))
			return true;
	}
	return false;
}

/* Does an allocator, or a function it calls, store sizes already? */
static bool allocator_stores(const struct ops_object *ops)
{
	size_t i;

	for (i = 0; i < ops->alloc.nr; i++)
		if (((const struct callback *)ops->alloc.items[i])->sets_sizes)
			return true;
	return false;
}

static char *allocator_list(const struct ops_object *ops)
{
	struct strbuf sb = { 0 };
	size_t i;

	for (i = 0; i < ops->alloc.nr; i++) {
		const struct callback *cb = ops->alloc.items[i];

		if (cb->paging)
			verify_join(&sb, cb->function);
	}
	return strbuf_detach(&sb);
}

/*
 * Which rule moves this object's page sizes to its domains, or why none
 * can do it safely (*why).
 */
static const char *choose_rule(const struct inventory *inv,
			       const struct ops_object *ops, char **why)
{
	const struct verdict *init = verdict_of(ops, RULE_DOMAIN_INIT);
	const struct verdict *format = verdict_of(ops, RULE_PGSIZE_FORMAT);
	const char *verdict = init ? init->verdict : "unknown";

	*why = NULL;
	if (!ops->has_pgsize)
		*why = xstrdup("the ops object has no constant to move: its page sizes are written at run time");
	else if (format && format->level == VERDICT_FINDING)
		*why = xasprintf("its domains claim sizes their io-pgtable format cannot map (%s); fix the sizes first",
				 format->detail);
	else if (!ends_with(ops->loc.file, ".c"))
		*why = xstrdup("the ops object is defined in a header, away from its allocators");
	else if (ops_in_file(inv, ops->loc.file) > 1)
		*why = xstrdup("several ops objects share the file and maybe their allocators, with different sizes");
	else if (other_uses(inv, ops))
		*why = xstrdup("the file also reads or writes the ops member at run time");
	else if (!strcmp(verdict, "sets"))
		return RULE_FILE_DROP;
	else if (strcmp(verdict, "fallback"))
		*why = xasprintf("its domains get their sizes only when finalised (domain-init: %s): the allocators must give them the restricted set first",
				 verdict);
	else if (!ops->pgsize_is_constant)
		*why = xasprintf("%s is not a compile-time constant",
				 ops->pgsize_expr);
	else if (ops->pgsize_value == ~0ULL)
		*why = xasprintf("%s is a placeholder narrowed at run time: the domains must take the sizes of their instance when finalised",
				 ops->pgsize_expr);
	else if (allocator_stores(ops))
		*why = xstrdup("some allocators set page sizes already and others rely on the fallback");
	else
		return RULE_FILE_CONSTANT;
	return NULL;
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
		e->allocators = allocator_list(ops);
		e->rule = choose_rule(inv, ops, &e->reason);
		vec_push(plan, e);
	}
}
