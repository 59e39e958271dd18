// SPDX-License-Identifier: GPL-2.0
/*
 * domain-init: does every paging allocator give the domains it returns
 * their page sizes, or does attach, or only the core's fallback to the
 * ops value?
 */
#include <stdlib.h>
#include <string.h>

#include "ast/cursor.h"
#include "ast/flow.h"
#include "rules/rules.h"

/* An SVA allocator shares a CPU page table: it takes an mm_struct. */
static bool is_sva_allocator(CXCursor def)
{
	return !cursor_is_null(pointer_parameter(def, "mm_struct"));
}

/* Remember on the ops object what each paging allocator does. */
static void note_paging_allocator(struct ops_object *ops, const char *fn,
				  bool sets)
{
	size_t i;

	for (i = 0; i < ops->alloc.nr; i++) {
		struct callback *cb = ops->alloc.items[i];

		if (!strcmp(cb->function, fn)) {
			cb->paging = true;
			cb->sets_sizes = sets;
		}
	}
}

void rule_domain_init(struct ops_site *site)
{
	struct strbuf where = { 0 }, unset_fn = { 0 };
	struct flow_result unset = { 0 };
	CXCursor unset_def = clang_getNullCursor();
	struct verdict *v;
	char *setter = NULL;
	bool any_paging = false;
	size_t i;

	for (i = 0; i < site->allocs.nr; i++) {
		struct alloc_def *a = site->allocs.items[i];
		struct flow_result r;
		char *name;

		if (cursor_is_null(a->def) || is_sva_allocator(a->def))
			continue;
		any_paging = true;
		name = cursor_spelling(a->def);
		flow_analyse(a->def, &r);
		note_paging_allocator(site->ops, name, r.any_set);
		if (r.all_set && r.any_set) {
			names_join(&where, name);
			names_join(&where, r.setter);
		} else if (!unset.has_unset) {
			/* Only the unset return is kept; r keeps its setter. */
			unset = r;
			unset.setter = NULL;
			unset_def = a->def;
			strbuf_addstr(&unset_fn, name);
		}
		flow_result_release(&r);
		free(name);
	}
	if (!any_paging) {
		v = rule_add(site, RULE_DOMAIN_INIT, OUTCOME_NA, VERDICT_OK);
		v->detail = xstrdup("no paging-domain allocator");
	} else if (!unset_fn.len) {
		v = rule_add(site, RULE_DOMAIN_INIT, OUTCOME_SETS, VERDICT_OK);
		v->detail = xasprintf("every successful return of the allocators sets the domain's pgsize_bitmap (%s)",
				      where.buf);
		v->where = strbuf_detach(&where);
	} else if (!cursor_is_null(site->attach) &&
		   flow_reaches_store(site->attach, &setter)) {
		char *attach = cursor_spelling(site->attach);

		v = rule_add(site, RULE_DOMAIN_INIT, OUTCOME_FINALISED,
			     VERDICT_OK);
		v->detail = xasprintf("%s() returns a domain without page sizes; %s() gives it its pgsize_bitmap in %s() before it is used",
				      unset_fn.buf, attach, setter);
		names_join(&unset_fn, attach);
		names_join(&unset_fn, setter);
		v->where = strbuf_detach(&unset_fn);
		/* The instance derivation starts from this allocator. */
		site->unset_alloc = unset_def;
		free(attach);
	} else {
		v = rule_add(site, RULE_DOMAIN_INIT, OUTCOME_FALLBACK,
			     VERDICT_FINDING);
		if (unset.has_unset)
			rule_point_at(site, v, unset.unset_return);
		v->detail = xasprintf("%s() returns a domain without pgsize_bitmap; it relies on the core copying ops->pgsize_bitmap%s%s, which the migration removes",
				      unset_fn.buf,
				      site->ops->has_pgsize ? " = " : "",
				      site->ops->has_pgsize ?
				      site->ops->pgsize_expr : "");
		v->subject = xasprintf("return without pgsize_bitmap in %s",
				       unset_fn.buf);
		v->where = strbuf_detach(&unset_fn);
	}
	free(setter);
	strbuf_release(&where);
	strbuf_release(&unset_fn);
}
