// SPDX-License-Identifier: GPL-2.0
/*
 * attach-instance: may a domain whose page table was built for one IOMMU
 * instance be attached through another? Decided from types: an instance is
 * a struct that embeds the core's struct iommu_device; a domain is the
 * driver's struct that embeds struct iommu_domain.
 */
#include <stdlib.h>
#include <string.h>

#include "ast/collect.h"
#include "ast/cursor.h"
#include "ast/flow.h"
#include "ast/membership.h"
#include "ast/types.h"
#include "rules/rules.h"

/* A member of the driver's domain struct (one embedding iommu_domain). */
static bool is_domain_member(CXCursor member_expr)
{
	CXCursor field = clang_getCursorReferenced(member_expr);
	CXCursor record = clang_getCursorSemanticParent(field);

	return clang_getCursorKind(field) == CXCursor_FieldDecl &&
	       record_embeds(clang_getCursorType(record), DOMAIN_STRUCT);
}

static bool is_domain_instance_member(CXCursor c)
{
	c = cursor_strip(c);
	return clang_getCursorKind(c) == CXCursor_MemberRefExpr &&
	       is_domain_member(c) && is_instance_pointer(clang_getCursorType(c));
}

#define MAX_TAINTED 16

struct attach_facts {
	/* Domain fields assigned from an instance: reading them is too. */
	CXCursor tainted[MAX_TAINTED];
	int nr_tainted;
	bool guard;		/* rejects a device on another instance */
	bool records;		/* stores the instance in the domain */
	bool shared;		/* links its devices or instances */
	bool instance_sizes;	/* sizes or format data from the instance */
	char *guard_fn;
	char *shared_fn;
	char *shared_path;	/* how attach calls shared_fn */
	char *shared_field;	/* the domain's list or xarray */
};

struct fact_search {
	struct attach_facts *facts;
	CXCursor fn;
	const struct fact_search *caller;	/* NULL in attach itself */
	int depth;
	bool sizes_only;	/* an allocator: only where sizes come from */
};

static void gather(CXCursor fn, const struct fact_search *caller,
		   bool sizes_only, struct attach_facts *facts);

/* The functions from attach down to @s's, in call order. */
static void call_path(const struct fact_search *s, struct strbuf *sb)
{
	char *name;

	if (s->caller)
		call_path(s->caller, sb);
	name = cursor_spelling(s->fn);
	names_join(sb, name);
	free(name);
}

/* A branch that fails: returns or stores a negative constant. */
static enum CXChildVisitResult find_error(CXCursor c, CXCursor parent,
					  CXClientData data)
{
	bool *found = data;
	unsigned long long v;
	CXCursor value;

	if (clang_getCursorKind(c) == CXCursor_ReturnStmt ||
	    clang_getCursorKind(c) == CXCursor_BinaryOperator) {
		value = cursor_child(c, clang_getCursorKind(c) ==
					 CXCursor_ReturnStmt ? 0 : 1);
		if (!cursor_is_null(value) &&
		    cursor_eval_unsigned(cursor_strip(value), &v) &&
		    (long long)v < 0) {
			*found = true;
			return CXChildVisit_Break;
		}
	}
	return CXChildVisit_Recurse;
}

bool rule_branch_fails(CXCursor branch)
{
	bool found = false;

	if (cursor_is_null(branch))
		return false;
	find_error(branch, clang_getNullCursor(), &found);
	if (!found)
		clang_visitChildren(branch, find_error, &found);
	return found;
}

/* A comparison of two instances, one remembered in a structure. */
static bool compares_instances(CXCursor cmp, char **op)
{
	CXCursor lhs, rhs;

	*op = NULL;
	if (clang_getCursorKind(cmp) != CXCursor_BinaryOperator)
		return false;
	lhs = cursor_strip(cursor_child(cmp, 0));
	rhs = cursor_strip(cursor_child(cmp, 1));
	if (!is_instance_pointer(clang_getCursorType(lhs)) ||
	    !is_instance_pointer(clang_getCursorType(rhs)))
		return false;
	if (clang_getCursorKind(lhs) != CXCursor_MemberRefExpr &&
	    clang_getCursorKind(rhs) != CXCursor_MemberRefExpr)
		return false;
	*op = binary_operator(cmp);
	return *op && (!strcmp(*op, "!=") || !strcmp(*op, "=="));
}

struct guard_search {
	bool mismatch;		/* found "a != b" */
	bool match;		/* found "a == b" */
};

static enum CXChildVisitResult find_comparison(CXCursor c, CXCursor parent,
					       CXClientData data)
{
	struct guard_search *g = data;
	char *op;

	if (compares_instances(c, &op)) {
		if (!strcmp(op, "!="))
			g->mismatch = true;
		else
			g->match = true;
	}
	free(op);
	return CXChildVisit_Recurse;
}

/*
 * "if (dom->inst != inst) return -EINVAL;", also inside "&&" and "||"
 * ("if (dom->inst && dom->inst != inst)"), or "==" with a failing else.
 */
bool rule_instance_guard(CXCursor ifstmt)
{
	CXCursor cond = cursor_child(ifstmt, 0);
	unsigned int n = cursor_child_count(ifstmt);
	struct guard_search g = { 0 };

	find_comparison(cursor_strip(cond), clang_getNullCursor(), &g);
	clang_visitChildren(cond, find_comparison, &g);
	if (g.mismatch && rule_branch_fails(cursor_child(ifstmt, 1)))
		return true;
	return g.match && n > 2 && rule_branch_fails(cursor_child(ifstmt, 2));
}

static bool is_instance_member(CXCursor c, const struct attach_facts *f)
{
	CXCursor field;
	int i;

	if (clang_getCursorKind(c) != CXCursor_MemberRefExpr)
		return false;
	field = clang_getCursorReferenced(c);
	for (i = 0; i < f->nr_tainted; i++)
		if (clang_equalCursors(field, f->tainted[i]))
			return true;
	return record_embeds(clang_getCursorType(clang_getCursorSemanticParent(field)),
		      INSTANCE_MEMBER_STRUCT);
}

struct instance_read {
	const struct attach_facts *facts;
	bool found;
	int depth;
};

static enum CXChildVisitResult find_instance_read(CXCursor c, CXCursor parent,
						  CXClientData data)
{
	struct instance_read *r = data;
	CXCursor def;

	if (is_instance_member(c, r->facts)) {
		r->found = true;
		return CXChildVisit_Break;
	}
	/* A helper in this file that computes the value from an instance. */
	if (clang_getCursorKind(c) == CXCursor_CallExpr && r->depth < 2) {
		def = flow_followable_callee(c, clang_getNullCursor(),
					     r->depth);
		if (!cursor_is_null(def)) {
			r->depth++;
			clang_visitChildren(def, find_instance_read, r);
			r->depth--;
			if (r->found)
				return CXChildVisit_Break;
		}
	}
	return CXChildVisit_Recurse;
}

/* Does an expression read a member of an instance structure? */
static bool reads_instance(CXCursor expr, const struct attach_facts *f)
{
	struct instance_read r = { .facts = f };

	find_instance_read(cursor_strip(expr), clang_getNullCursor(), &r);
	if (!r.found)
		clang_visitChildren(expr, find_instance_read, &r);
	return r.found;
}

/*
 * Page-table format data (sizes, address widths, quirks) handed to
 * io-pgtable from an instance: an io_pgtable_cfg built from one.
 */
static bool is_instance_format_data(CXCursor c, const struct attach_facts *f)
{
	CXCursor lhs;

	if (clang_getCursorKind(c) == CXCursor_InitListExpr)
		return type_is_record(clang_getCursorType(c), PGTABLE_CFG_STRUCT) &&
		       reads_instance(c, f);
	if (clang_getCursorKind(c) != CXCursor_BinaryOperator &&
	    clang_getCursorKind(c) != CXCursor_CompoundAssignOperator)
		return false;
	lhs = cursor_strip(cursor_child(c, 0));
	if (clang_getCursorKind(lhs) != CXCursor_MemberRefExpr)
		return false;
	if (!type_is_record(clang_getCursorType(clang_getCursorSemanticParent(
			    clang_getCursorReferenced(lhs))), PGTABLE_CFG_STRUCT) &&
	    !member_of(lhs, DOMAIN_STRUCT, PGSIZE_MEMBER))
		return false;
	return reads_instance(cursor_child(c, 1), f);
}

/* "dom->level = f(inst)": remember dom->level as instance-derived. */
static void note_taint(CXCursor c, struct attach_facts *f)
{
	CXCursor lhs;

	if (clang_getCursorKind(c) != CXCursor_BinaryOperator ||
	    f->nr_tainted == MAX_TAINTED)
		return;
	lhs = cursor_strip(cursor_child(c, 0));
	if (clang_getCursorKind(lhs) == CXCursor_MemberRefExpr &&
	    is_domain_member(lhs) && reads_instance(cursor_child(c, 1), f))
		f->tainted[f->nr_tainted++] = clang_getCursorReferenced(lhs);
}

/* Does @c record a member of the domain (shared by design)? */
static void note_member(CXCursor c, const struct fact_search *s)
{
	struct attach_facts *f = s->facts;
	struct strbuf path = { 0 };
	CXCursor box;

	if (f->shared)
		return;
	box = membership_link(c, s->fn);
	if (cursor_is_null(box))
		return;
	call_path(s, &path);
	f->shared = true;
	f->shared_fn = cursor_spelling(s->fn);
	f->shared_path = strbuf_detach(&path);
	f->shared_field = membership_field_name(box);
}

static enum CXChildVisitResult find_facts(CXCursor c, CXCursor parent,
					  CXClientData data)
{
	struct fact_search *s = data;
	struct attach_facts *f = s->facts;
	CXCursor def;

	if (is_instance_format_data(c, f))
		f->instance_sizes = true;
	note_taint(c, f);
	switch (s->sizes_only ? CXCursor_InvalidCode : clang_getCursorKind(c)) {
	case CXCursor_IfStmt:
		if (!f->guard && rule_instance_guard(c)) {
			f->guard = true;
			f->guard_fn = cursor_spelling(s->fn);
		}
		break;
	case CXCursor_BinaryOperator:
		if (is_domain_instance_member(cursor_child(c, 0)))
			f->records = true;
		/* Also an instance put into the domain's slots. */
		note_member(c, s);
		break;
	case CXCursor_CallExpr:
		note_member(c, s);
		break;
	default:
		break;
	}
	if (clang_getCursorKind(c) == CXCursor_CallExpr) {
		def = flow_followable_callee(c, s->fn, s->depth);
		if (!cursor_is_null(def))
			gather(def, s, s->sizes_only, f);
	}
	return CXChildVisit_Recurse;
}

static void gather(CXCursor fn, const struct fact_search *caller,
		   bool sizes_only, struct attach_facts *facts)
{
	struct fact_search s = {
		.facts = facts, .fn = fn, .caller = caller,
		.depth = caller ? caller->depth + 1 : 0,
		.sizes_only = sizes_only,
	};

	clang_visitChildren(fn, find_facts, &s);
}

/* Run-time page sizes: set at probe from hardware, or -1 until then. */
static bool ops_sizes_from_instances(const struct ops_object *ops)
{
	return ops->has_pgsize &&
	       (!ops->pgsize_is_constant || ops->pgsize_value == ~0ULL);
}

static char *functions(const char *a, const char *b)
{
	struct strbuf sb = { 0 };

	names_join(&sb, a);
	names_join(&sb, b);
	return strbuf_detach(&sb);
}

void rule_attach_instance(struct ops_site *site)
{
	struct attach_facts f = { 0 };
	struct verdict *v;
	char *attach;
	size_t i;

	if (cursor_is_null(site->attach)) {
		v = rule_add(site, RULE_ATTACH_INSTANCE, OUTCOME_NA, VERDICT_OK);
		v->detail = xstrdup("no paging attach_dev");
		return;
	}
	attach = cursor_spelling(site->attach);
	gather(site->attach, NULL, false, &f);
	/* Sizes taken from an instance when the domain is allocated. */
	for (i = 0; i < site->allocs.nr; i++) {
		struct alloc_def *a = site->allocs.items[i];

		if (!cursor_is_null(a->def))
			gather(a->def, NULL, true, &f);
	}
	if (ops_sizes_from_instances(site->ops))
		f.instance_sizes = true;
	if (f.guard) {
		v = rule_add(site, RULE_ATTACH_INSTANCE, OUTCOME_BOUND, VERDICT_OK);
		v->detail = xasprintf("%s() rejects a device behind another instance (in %s())",
				      attach, f.guard_fn);
		v->where = functions(attach, f.guard_fn);
	} else if (f.shared) {
		v = rule_add(site, RULE_ATTACH_INSTANCE, OUTCOME_SHARED, VERDICT_OK);
		v->detail = xasprintf("the domain links its devices or instances into %s (%s()): shared across instances by design",
				      f.shared_field, f.shared_fn);
		/* Every function on the way: the reader follows the calls. */
		v->where = xstrdup(f.shared_path);
	} else {
		/* Unguarded: a finding only if the instance shapes the table. */
		v = rule_add(site, RULE_ATTACH_INSTANCE,
			       f.instance_sizes ? OUTCOME_UNGUARDED_INSTANCE :
			       OUTCOME_UNGUARDED_CONSTANT,
			       f.instance_sizes ? VERDICT_FINDING : VERDICT_INFO);
		rule_point_at(site, v, site->attach);
		v->detail = xasprintf(f.instance_sizes ?
			"%s() never checks which instance a device is behind, but the domain's page sizes or page-table format come from an instance" :
			"%s() does not check the instance; harmless while page sizes are the same constant everywhere",
			attach);
		v->subject = xasprintf("unguarded attach %s", attach);
		v->where = xstrdup(attach);
	}
	free(f.guard_fn);
	free(f.shared_fn);
	free(f.shared_path);
	free(f.shared_field);
	free(attach);
}
