// SPDX-License-Identifier: GPL-2.0
#include <stdlib.h>
#include <string.h>

#include "ast/collect.h"
#include "ast/cursor.h"
#include "ast/derive.h"
#include "ast/flow.h"
#include "rules/pgtable_formats.h"
#include "rules/verify.h"

#define PGTABLE_ALLOC "alloc_io_pgtable_ops"

static void cursor_loc(const char *root, CXCursor c, struct src_loc *out)
{
	unsigned int line = 0, col = 0;
	CXFile file = NULL;
	char *rel = NULL;

	clang_getFileLocation(clang_getCursorLocation(c), &file, &line, &col,
			      NULL);
	if (file)
		rel = file_tree_path(file, root);
	src_loc_set(out, rel ? rel : "<unknown>", line, col);
	free(rel);
}

struct verdict *verify_add(struct verify_input *in, const char *rule,
				   const char *verdict,
				   enum verdict_level level)
{
	struct verdict *v = xcalloc(1, sizeof(*v));

	v->rule = rule;
	v->verdict = xstrdup(verdict);
	v->level = level;
	src_loc_set(&v->loc, in->ops->loc.file, in->ops->loc.line,
		    in->ops->loc.col);
	vec_push(&in->ops->verdicts, v);
	return v;
}

void verify_point_at(struct verify_input *in, struct verdict *v, CXCursor c)
{
	free(v->loc.file);
	cursor_loc(in->root, c, &v->loc);
}

/* An SVA allocator shares a CPU page table: it takes an mm_struct. */
static bool is_sva_allocator(CXCursor def)
{
	return !cursor_is_null(pointer_parameter(def, "mm_struct"));
}

void verify_join(struct strbuf *sb, const char *name)
{
	if (!name)
		return;
	if (sb->len) {
		/* Avoid repeating a name already listed. */
		char *copy = xasprintf(",%s,", sb->buf);
		char *want = xasprintf(",%s,", name);
		bool seen = strstr(copy, want) != NULL;

		free(copy);
		free(want);
		if (seen)
			return;
		strbuf_add(sb, ",", 1);
	}
	strbuf_addstr(sb, name);
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

static void rule_domain_init(struct verify_input *in)
{
	struct strbuf where = { 0 }, unset_fn = { 0 };
	struct flow_result unset = { 0 };
	CXCursor unset_def = clang_getNullCursor();
	struct verdict *v;
	char *setter = NULL;
	bool any_paging = false;
	size_t i;

	for (i = 0; i < in->allocs.nr; i++) {
		struct alloc_def *a = in->allocs.items[i];
		struct flow_result r;
		char *name;

		if (cursor_is_null(a->def) || is_sva_allocator(a->def))
			continue;
		any_paging = true;
		name = cursor_spelling(a->def);
		flow_analyse(a->def, &r);
		note_paging_allocator(in->ops, name, r.any_set);
		if (r.all_set && r.any_set) {
			verify_join(&where, name);
			verify_join(&where, r.setter);
		} else if (!unset.has_unset) {
			unset = r;
			r.setter = NULL;
			unset_def = a->def;
			strbuf_addstr(&unset_fn, name);
		}
		flow_result_release(&r);
		free(name);
	}
	if (!any_paging) {
		v = verify_add(in, RULE_DOMAIN_INIT, "n/a", VERDICT_OK);
		v->detail = xstrdup("no paging-domain allocator");
	} else if (!unset_fn.len) {
		v = verify_add(in, RULE_DOMAIN_INIT, "sets", VERDICT_OK);
		v->detail = xasprintf("every successful return of the allocators sets the domain's pgsize_bitmap (%s)",
				      where.buf);
		v->where = strbuf_detach(&where);
	} else if (!cursor_is_null(in->attach) &&
		   flow_reaches_store(in->attach, &setter)) {
		char *attach = cursor_spelling(in->attach);

		v = verify_add(in, RULE_DOMAIN_INIT, "finalised", VERDICT_OK);
		v->detail = xasprintf("%s() returns a domain without page sizes; %s() gives it its pgsize_bitmap in %s() before it is used",
				      unset_fn.buf, attach, setter);
		verify_join(&unset_fn, attach);
		verify_join(&unset_fn, setter);
		v->where = strbuf_detach(&unset_fn);
		in->ops->instance = xcalloc(1, sizeof(*in->ops->instance));
		derive_instance(unset_def, in->attach, in->ops_type,
				in->ops->instance);
		free(attach);
	} else {
		v = verify_add(in, RULE_DOMAIN_INIT, "fallback",
				VERDICT_FINDING);
		if (unset.has_unset)
			verify_point_at(in, v, unset.unset_return);
		v->detail = xasprintf("%s() returns a domain without pgsize_bitmap; it relies on the core copying ops->pgsize_bitmap%s%s, which the migration removes",
				      unset_fn.buf,
				      in->ops->has_pgsize ? " = " : "",
				      in->ops->has_pgsize ? in->ops->pgsize_expr : "");
		v->subject = xasprintf("return without pgsize_bitmap in %s",
				       unset_fn.buf);
		v->where = strbuf_detach(&unset_fn);
	}
	free(setter);
	strbuf_release(&where);
	strbuf_release(&unset_fn);
}

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
static bool allocator_constant(struct verify_input *in,
			       unsigned long long *value)
{
	size_t i;

	for (i = 0; i < in->allocs.nr; i++) {
		struct alloc_def *a = in->allocs.items[i];

		if (!cursor_is_null(a->def) &&
		    search_stores(a->def, 0, true, value))
			return true;
	}
	return false;
}

/* Do the ops' allocators or attach give domains the restricted sizes? */
static bool domains_copy_back(struct verify_input *in)
{
	size_t i;

	for (i = 0; i < in->allocs.nr; i++) {
		struct alloc_def *a = in->allocs.items[i];

		if (!cursor_is_null(a->def) && copies_back(a->def, 0))
			return true;
	}
	return !cursor_is_null(in->attach) && copies_back(in->attach, 0);
}

static bool find_pgtable_use(struct verify_input *in, struct pgtable_use *use)
{
	size_t i;

	for (i = 0; i < in->allocs.nr; i++) {
		struct alloc_def *a = in->allocs.items[i];

		if (!cursor_is_null(a->def) && search_calls(a->def, 0, use))
			return true;
	}
	return !cursor_is_null(in->attach) && search_calls(in->attach, 0, use);
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

char *size_names(unsigned long long sizes, const char *sep)
{
	static const char *const names[] = {
		"4K", "8K", "16K", "32K", "64K", "128K", "256K", "512K",
		"1M", "2M", "4M", "8M", "16M", "32M", "64M", "128M", "256M",
		"512M", "1G", "2G", "4G",
	};
	struct strbuf sb = { 0 };
	int bit;

	for (bit = 12; bit < 64; bit++) {
		if (!(sizes & (1ULL << bit)))
			continue;
		if (sb.len)
			strbuf_addstr(&sb, sep);
		if (bit - 12 < (int)ARRAY_SIZE(names))
			strbuf_addf(&sb, "SZ_%s", names[bit - 12]);
		else
			strbuf_addf(&sb, "%#llx", 1ULL << bit);
	}
	if (sizes & 0xfff)
		strbuf_addf(&sb, "%s%#llx", sb.len ? sep : "", sizes & 0xfff);
	return strbuf_detach(&sb);
}

static void rule_pgsize_format(struct verify_input *in)
{
	struct cfg_search cs = { .requested = clang_getNullCursor() };
	unsigned long long claimed, kept;
	struct pgtable_use use;
	struct verdict *v;
	char *fmt, *caller, *extra, *have;
	bool known;

	if (!find_pgtable_use(in, &use)) {
		v = verify_add(in, RULE_PGSIZE_FORMAT, "n/a", VERDICT_OK);
		v->detail = xstrdup("the domains do not use io-pgtable");
		return;
	}
	fmt = format_name(use.call);
	caller = cursor_spelling(use.function);
	clang_visitChildren(use.function, find_cfg, &cs);
	in->ops->pgtable_format = fmt ? xstrdup(fmt) : NULL;
	if (domains_copy_back(in)) {
		known = !cursor_is_null(cs.requested) &&
			requested_value(cs.requested, &claimed);
		in->ops->format_keeps_known = known &&
			pgtable_format_restrict(fmt, claimed,
						&in->ops->format_keeps);
		v = verify_add(in, RULE_PGSIZE_FORMAT, "fits", VERDICT_OK);
		v->detail = xasprintf("domains take cfg.pgsize_bitmap after %s restricted it in %s()",
				      fmt ? fmt : "the format", caller);
		goto out;
	}
	/*
	 * The domain claims the ops constant (core fallback), the constant
	 * its allocator sets, or the request.
	 */
	known = in->ops->pgsize_is_constant;
	claimed = in->ops->pgsize_value;
	if (!known)
		known = allocator_constant(in, &claimed);
	if (!known && !cursor_is_null(cs.requested))
		known = requested_value(cs.requested, &claimed);
	if (!known || !pgtable_format_restrict(fmt, claimed, &kept)) {
		v = verify_add(in, RULE_PGSIZE_FORMAT, "unknown",
				VERDICT_UNKNOWN);
		v->detail = xasprintf("%s() hands %s sizes that are not a compile-time constant or a format this tool does not know",
				      caller, fmt ? fmt : "io-pgtable");
		goto out;
	}
	have = size_names(claimed, "|");
	if (kept == claimed) {
		in->ops->format_keeps_known = true;
		in->ops->format_keeps = kept;
		v = verify_add(in, RULE_PGSIZE_FORMAT, "fits", VERDICT_OK);
		v->detail = xasprintf("%s (%s) can map every claimed size %s",
				      fmt, pgtable_format_source(fmt), have);
	} else {
		extra = size_names(claimed & ~kept, "|");
		v = verify_add(in, RULE_PGSIZE_FORMAT, "exceeds",
				VERDICT_FINDING);
		verify_point_at(in, v, use.call);
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

void verify_ops(struct verify_input *in)
{
	struct verdict *v;

	rule_domain_init(in);
	v = in->ops->verdicts.items[in->ops->verdicts.nr - 1];
	/* Without paging domains the other rules have nothing to judge. */
	if (!strcmp(v->verdict, "n/a"))
		return;
	rule_pgsize_format(in);
	rule_attach_instance(in);
}

static void alloc_def_free(void *p)
{
	struct alloc_def *a = p;

	free(a->member);
	free(a);
}

void verify_input_release(struct verify_input *in)
{
	vec_free(&in->allocs, alloc_def_free);
}
