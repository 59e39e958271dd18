// SPDX-License-Identifier: GPL-2.0
/*
 * pgsize-format: can the io-pgtable format the domains are built with map
 * every page size the domains claim?
 */
#include <stdlib.h>
#include <string.h>

#include "ast/cursor.h"
#include "ast/flow.h"
#include "rules/pgtable_formats.h"
#include "rules/rules.h"

#define PGTABLE_ALLOC "alloc_io_pgtable_ops"

/* An io-pgtable allocation reached from the ops' callbacks. */
struct pgtable_use {
	CXCursor call;
	CXCursor function;	/* the function that makes the call */
};

struct call_search {
	struct pgtable_use *found;
	CXCursor fn;
	int depth;
	bool done;
};

static bool search_calls(CXCursor fn, int depth, struct pgtable_use *found);

static enum CXChildVisitResult find_pgtable_call(CXCursor c, CXCursor parent,
						 CXClientData data)
{
	struct call_search *s = data;
	CXCursor def;
	char *name;

	if (clang_getCursorKind(c) != CXCursor_CallExpr)
		return CXChildVisit_Recurse;
	name = cursor_spelling(c);
	if (!strcmp(name, PGTABLE_ALLOC)) {
		s->found->call = c;
		s->found->function = s->fn;
		s->done = true;
	}
	free(name);
	if (s->done)
		return CXChildVisit_Break;
	def = flow_followable_callee(c, s->fn, s->depth);
	if (!cursor_is_null(def) &&
	    search_calls(def, s->depth + 1, s->found)) {
		s->done = true;
		return CXChildVisit_Break;
	}
	return CXChildVisit_Recurse;
}

/* Is io-pgtable allocated in @fn or a function it calls in this file? */
static bool search_calls(CXCursor fn, int depth, struct pgtable_use *found)
{
	struct call_search s = { .found = found, .fn = fn, .depth = depth };

	clang_visitChildren(fn, find_pgtable_call, &s);
	return s.done;
}

struct copy_search {
	int depth;
	CXCursor fn;
	bool constant;	/* look for a constant store, not a copy-back */
	bool found;
	unsigned long long value;
};

static bool search_stores(CXCursor fn, int depth, bool constant,
			  unsigned long long *value);

/*
 * "domain->pgsize_bitmap = cfg.pgsize_bitmap" (or, with ->constant,
 * "domain->pgsize_bitmap = SZ_4K"), here or in a callee.
 */
static enum CXChildVisitResult find_store(CXCursor c, CXCursor parent,
					  CXClientData data)
{
	struct copy_search *s = data;
	CXCursor lhs, rhs, def;

	if (clang_getCursorKind(c) == CXCursor_BinaryOperator) {
		lhs = cursor_strip(cursor_child(c, 0));
		rhs = cursor_strip(cursor_child(c, 1));
		if (clang_getCursorKind(lhs) != CXCursor_MemberRefExpr ||
		    !member_of(lhs, DOMAIN_STRUCT, PGSIZE_MEMBER))
			return CXChildVisit_Recurse;
		if (s->constant)
			s->found = cursor_eval_unsigned(rhs, &s->value);
		else
			s->found = clang_getCursorKind(rhs) ==
				   CXCursor_MemberRefExpr &&
				   member_of(rhs, PGTABLE_CFG_STRUCT,
					     PGSIZE_MEMBER);
	} else if (clang_getCursorKind(c) == CXCursor_CallExpr) {
		def = flow_followable_callee(c, s->fn, s->depth);
		if (!cursor_is_null(def))
			s->found = search_stores(def, s->depth + 1,
						 s->constant, &s->value);
	}
	return s->found ? CXChildVisit_Break : CXChildVisit_Recurse;
}

static bool search_stores(CXCursor fn, int depth, bool constant,
			  unsigned long long *value)
{
	struct copy_search s = { .depth = depth, .fn = fn,
				 .constant = constant };

	clang_visitChildren(fn, find_store, &s);
	if (s.found && value)
		*value = s.value;
	return s.found;
}

static bool copies_back(CXCursor fn, int depth)
{
	return search_stores(fn, depth, false, NULL);
}

/* The constant an allocator (or its callee) gives its domains, if any. */
static bool allocator_constant(struct ops_site *site,
			       unsigned long long *value)
{
	size_t i;

	for (i = 0; i < site->allocs.nr; i++) {
		struct alloc_def *a = site->allocs.items[i];

		if (!cursor_is_null(a->def) &&
		    search_stores(a->def, 0, true, value))
			return true;
	}
	return false;
}

/* Do the ops' allocators or attach give domains the restricted sizes? */
static bool domains_copy_back(struct ops_site *site)
{
	size_t i;

	for (i = 0; i < site->allocs.nr; i++) {
		struct alloc_def *a = site->allocs.items[i];

		if (!cursor_is_null(a->def) && copies_back(a->def, 0))
			return true;
	}
	return !cursor_is_null(site->attach) && copies_back(site->attach, 0);
}

static bool find_pgtable_use(struct ops_site *site, struct pgtable_use *use)
{
	size_t i;

	for (i = 0; i < site->allocs.nr; i++) {
		struct alloc_def *a = site->allocs.items[i];

		if (!cursor_is_null(a->def) && search_calls(a->def, 0, use))
			return true;
	}
	return !cursor_is_null(site->attach) &&
	       search_calls(site->attach, 0, use);
}

/* The enum io_pgtable_fmt constant a call passes, or NULL. */
static char *format_name(CXCursor call)
{
	CXCursor arg = cursor_strip(clang_Cursor_getArgument(call, 0));
	CXCursor decl = clang_getCursorReferenced(arg);

	if (clang_getCursorKind(decl) != CXCursor_EnumConstantDecl)
		return NULL;
	return cursor_spelling(decl);
}

struct cfg_search {
	CXCursor requested;	/* value given to cfg.pgsize_bitmap */
};

static bool is_cfg_pgsize(CXCursor c)
{
	return member_of(c, PGTABLE_CFG_STRUCT, PGSIZE_MEMBER);
}

static enum CXChildVisitResult find_cfg(CXCursor c, CXCursor parent,
					CXClientData data)
{
	struct cfg_search *s = data;
	enum CXCursorKind kind = clang_getCursorKind(c);
	CXCursor lhs, rhs;

	if (kind == CXCursor_MemberRef && is_cfg_pgsize(c) &&
	    cursor_is_null(s->requested)) {
		/* ".pgsize_bitmap = X" in an io_pgtable_cfg initializer */
		unsigned int n = cursor_child_count(parent);

		s->requested = cursor_child(parent, n - 1);
	} else if (kind == CXCursor_BinaryOperator) {
		lhs = cursor_strip(cursor_child(c, 0));
		rhs = cursor_strip(cursor_child(c, 1));
		if (clang_getCursorKind(lhs) == CXCursor_MemberRefExpr &&
		    is_cfg_pgsize(lhs) && cursor_is_null(s->requested))
			s->requested = rhs;
	}
	return CXChildVisit_Recurse;
}

/* The constant a requested-sizes expression stands for, if any. */
static bool requested_value(CXCursor value, unsigned long long *v)
{
	CXCursor c = cursor_strip(value);
	CXCursor base, decl, list;

	if (cursor_eval_unsigned(c, v))
		return true;
	/* foo_ops.pgsize_bitmap: the ops object's constant */
	if (clang_getCursorKind(c) != CXCursor_MemberRefExpr ||
	    !member_of(c, OPS_STRUCT, PGSIZE_MEMBER))
		return false;
	base = cursor_strip(cursor_child(c, 0));
	decl = clang_getCursorDefinition(clang_getCursorReferenced(base));
	list = resolve_init_list(cursor_child(decl, cursor_child_count(decl) - 1));
	if (cursor_is_null(list))
		return false;
	return init_list_member_value(list, OPS_STRUCT, PGSIZE_MEMBER, v);
}

void rule_pgsize_format(struct ops_site *site)
{
	struct cfg_search cs = { .requested = clang_getNullCursor() };
	unsigned long long claimed, kept;
	struct pgtable_use use;
	struct verdict *v;
	char *fmt, *caller, *extra, *have;
	bool known;

	if (!find_pgtable_use(site, &use)) {
		v = rule_add(site, RULE_PGSIZE_FORMAT, OUTCOME_NA, VERDICT_OK);
		v->detail = xstrdup("the domains do not use io-pgtable");
		return;
	}
	fmt = format_name(use.call);
	caller = cursor_spelling(use.function);
	clang_visitChildren(use.function, find_cfg, &cs);
	site->ops->pgtable_format = fmt ? xstrdup(fmt) : NULL;
	if (domains_copy_back(site)) {
		known = !cursor_is_null(cs.requested) &&
			requested_value(cs.requested, &claimed);
		site->ops->format_keeps_known = known &&
			pgtable_format_restrict(fmt, claimed,
						&site->ops->format_keeps);
		v = rule_add(site, RULE_PGSIZE_FORMAT, OUTCOME_FITS, VERDICT_OK);
		v->detail = xasprintf("domains take cfg.pgsize_bitmap after %s restricted it in %s()",
				      fmt ? fmt : "the format", caller);
		goto out;
	}
	/*
	 * The domain claims the ops constant (core fallback), the constant
	 * its allocator sets, or the request.
	 */
	known = site->ops->pgsize_is_constant;
	claimed = site->ops->pgsize_value;
	if (!known)
		known = allocator_constant(site, &claimed);
	if (!known && !cursor_is_null(cs.requested))
		known = requested_value(cs.requested, &claimed);
	if (!known || !pgtable_format_restrict(fmt, claimed, &kept)) {
		v = rule_add(site, RULE_PGSIZE_FORMAT, OUTCOME_UNKNOWN,
				VERDICT_UNKNOWN);
		v->detail = xasprintf("%s() hands %s sizes that are not a compile-time constant or a format this tool does not know",
				      caller, fmt ? fmt : "io-pgtable");
		goto out;
	}
	have = size_names(claimed, "|");
	if (kept == claimed) {
		site->ops->format_keeps_known = true;
		site->ops->format_keeps = kept;
		v = rule_add(site, RULE_PGSIZE_FORMAT, OUTCOME_FITS, VERDICT_OK);
		v->detail = xasprintf("%s (%s) can map every claimed size %s",
				      fmt, pgtable_format_source(fmt), have);
	} else {
		extra = size_names(claimed & ~kept, "|");
		v = rule_add(site, RULE_PGSIZE_FORMAT, OUTCOME_EXCEEDS,
				VERDICT_FINDING);
		rule_point_at(site, v, use.call);
		v->detail = xasprintf("domains claim %s but %s (%s) cannot map %s",
				      have, fmt, pgtable_format_source(fmt),
				      extra);
		v->subject = xasprintf("%s claims %s", fmt, have);
		free(extra);
	}
	free(have);
out:
	v->where = xstrdup(caller);
	free(caller);
	free(fmt);
}
