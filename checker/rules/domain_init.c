// SPDX-License-Identifier: GPL-2.0
/*
 * domain-init: does every paging allocator give the domains it returns
 * their page sizes, or does attach, or only the core's fallback to the
 * ops value? Once struct iommu_ops has no pgsize_bitmap there is no
 * fallback, and a paging domain returned without sizes cannot map.
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

/*
 * An allocator that installs no domain ops leaves its domains the ops
 * object's default_domain_ops: when those translate with the driver's own
 * iova_to_phys but have no map_pages, its domains cannot map.
 */
static bool gets_non_paging_defaults(const struct ops_site *site,
				     CXCursor def)
{
	return !cursor_is_null(site->default_ops) &&
	       flow_domain_ops_translate_only(site->default_ops) &&
	       !flow_stores_domain_ops(def);
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

/* Move the strings of @from into @into, each once. */
static void vec_take(struct vec *into, struct vec *from)
{
	size_t i;

	for (i = 0; i < from->nr; i++) {
		if (vec_contains_str(into, from->items[i]))
			free(from->items[i]);
		else
			vec_push(into, from->items[i]);
	}
	from->nr = 0;
}

/*
 * Would @def size its domains if the functions of other files it hands
 * them to store their sizes? Those calls go to @needs, to be confirmed by
 * the summaries once every file is parsed.
 */

static void assume_external(CXCursor def, const char *name, struct vec *needs,
			    struct strbuf *where, bool *unresolved)
{
	struct flow_result r = { 0 };
	struct vec assumed = { 0 };

	flow_analyse_assuming(def, &r, &assumed);
	if (r.all_set && r.any_set && assumed.nr) {
		names_join(where, name);
		names_join(where, r.setter);
		vec_take(needs, &assumed);
	} else {
		*unresolved = true;
	}
	vec_free(&assumed, free);
	flow_result_release(&r);
}

void rule_domain_init(struct ops_site *site)
{
	struct strbuf where = { 0 }, unset_fn = { 0 };
	struct flow_result unset = { 0 };
	CXCursor unset_def = clang_getNullCursor();
	struct verdict *v;
	char *setter = NULL;
	struct strbuf needs_where = { 0 };
	struct vec needs = { 0 };
	bool any_paging = false, unresolved = false;
	size_t i;

	for (i = 0; i < site->allocs.nr; i++) {
		struct alloc_def *a = site->allocs.items[i];
		struct flow_result r;
		char *name;

		/* Only domains that map need page sizes. */
		if (cursor_is_null(a->def) || is_sva_allocator(a->def) ||
		    flow_allocates_non_paging(a->def) ||
		    gets_non_paging_defaults(site, a->def))
			continue;
		any_paging = true;
		name = cursor_spelling(a->def);
		flow_analyse(a->def, &r);
		note_paging_allocator(site->ops, name, r.any_set);
		if (!(r.all_set && r.any_set))
			assume_external(a->def, name, &needs, &needs_where,
					&unresolved);
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
	} else if (!site->ops->ops_member) {
		/*
		 * The member is gone and attach does not finalise either:
		 * nothing gives this domain sizes, not even for the direct
		 * mappings made before the first attach.
		 */
		v = rule_add(site, RULE_DOMAIN_INIT, OUTCOME_UNSIZED,
			     VERDICT_FINDING);
		if (unset.has_unset)
			rule_point_at(site, v, unset.unset_return);
		v->detail = xasprintf("%s() can return a paging domain without pgsize_bitmap, and struct iommu_ops has no pgsize_bitmap for the core to fall back on: iommu_map() on it fails, and so do the core's direct mappings of reserved regions before the first attach",
				      unset_fn.buf);
		v->subject = xasprintf("return without pgsize_bitmap in %s",
				       unset_fn.buf);
		v->where = strbuf_detach(&unset_fn);
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
	/* Only if every allocator without sizes is a pending one. */
	if (v->level == VERDICT_FINDING && !unresolved && needs.nr) {
		if (where.len)
			names_join(&needs_where, where.buf);
		vec_take(&v->needs, &needs);
		v->needs_where = strbuf_detach(&needs_where);
	}
	vec_free(&needs, free);
	strbuf_release(&needs_where);
	free(setter);
	strbuf_release(&where);
	strbuf_release(&unset_fn);
}
