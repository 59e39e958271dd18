// SPDX-License-Identifier: GPL-2.0
/*
 * Follow the attach path from its device parameter to the store of the
 * domain's page sizes, through calls, parameters and local variables, and
 * write the instance those sizes come from as C again. One local variable
 * is kept where the driver converts a pointer (dev_iommu_priv_get() gives
 * a void *); everything else is written out in full.
 */
#include <stdlib.h>
#include <string.h>

#include "ast/collect.h"
#include "ast/cursor.h"
#include "ast/derive.h"
#include "ast/flow.h"
#include "ast/types.h"

#define PGTABLE_CFG_STRUCT	"io_pgtable_cfg"
#define DEVICE_STRUCT		"device"
#define DOMAIN_TYPE_PREFIX	"IOMMU_DOMAIN_"
#define PAGING_ALLOCATOR	"domain_alloc_paging"

static bool refers_to(CXCursor e, CXCursor decl)
{
	e = cursor_strip(e);
	return clang_getCursorKind(e) == CXCursor_DeclRefExpr &&
	       clang_equalCursors(clang_getCursorReferenced(e), decl);
}

/* The one assignment "var = x" (or "var.field = x") in a function. */
struct assignment_search {
	CXCursor var;
	const char *field;	/* NULL: the variable itself */
	CXCursor value;
	unsigned int count;
};

static enum CXChildVisitResult find_assignment(CXCursor c, CXCursor parent,
					       CXClientData data)
{
	struct assignment_search *s = data;
	CXCursor lhs = cursor_child(c, 0);
	char *op;
	bool hit;

	if (clang_getCursorKind(c) != CXCursor_BinaryOperator)
		return CXChildVisit_Recurse;
	op = binary_operator(c);
	hit = op && !strcmp(op, "=");
	free(op);
	if (hit && s->field) {
		hit = member_of(cursor_strip(lhs), PGTABLE_CFG_STRUCT,
				s->field) &&
		      refers_to(cursor_child(cursor_strip(lhs), 0), s->var);
	} else if (hit) {
		hit = refers_to(lhs, s->var);
	}
	if (hit) {
		s->value = cursor_child(c, 1);
		s->count++;
	}
	return CXChildVisit_Recurse;
}

static CXCursor var_initializer(CXCursor var)
{
	unsigned int i, n = cursor_child_count(var);

	for (i = n; i > 0; i--) {
		CXCursor c = cursor_child(var, i - 1);

		if (clang_isExpression(clang_getCursorKind(c)))
			return c;
	}
	return clang_getNullCursor();
}

/*
 * A local variable's only value: its initializer or its one assignment;
 * with @field, the one assignment to that member.
 */
static CXCursor var_value(CXCursor var, const char *field)
{
	struct assignment_search s = { .var = var, .field = field };
	CXCursor fn = clang_getCursorSemanticParent(var);
	CXCursor init = var_initializer(var);

	clang_visitChildren(fn, find_assignment, &s);
	if (field)
		return s.count == 1 ? s.value : clang_getNullCursor();
	if (!cursor_is_null(init) && !s.count)
		return init;
	if (cursor_is_null(init) && s.count == 1)
		return s.value;
	return clang_getNullCursor();
}

/* The value an io_pgtable_cfg variable's page sizes are given. */
static CXCursor cfg_sizes_value(CXCursor var)
{
	CXCursor v = var_value(var, PGSIZE_MEMBER);

	if (!cursor_is_null(v))
		return cursor_strip(v);
	v = cursor_strip(var_value(var, NULL));
	if (clang_getCursorKind(v) == CXCursor_CompoundLiteralExpr)
		v = cursor_child(v, cursor_child_count(v) - 1);
	if (clang_getCursorKind(v) != CXCursor_InitListExpr)
		return clang_getNullCursor();
	return init_list_member(v, PGTABLE_CFG_STRUCT, PGSIZE_MEMBER);
}

/*
 * The instance's member the stored sizes come from ("smmu->pgsize_bitmap"),
 * through local variables and an io_pgtable_cfg the sizes pass.
 */
static CXCursor instance_sizes(CXCursor value)
{
	int hops;

	for (hops = 0; hops < 8; hops++) {
		CXCursor ref, base;

		value = cursor_strip(value);
		switch (clang_getCursorKind(value)) {
		case CXCursor_MemberRefExpr:
			base = cursor_strip(cursor_child(value, 0));
			if (is_instance_pointer(clang_getCursorType(base)))
				return value;
			if (!type_is_record(clang_getCursorType(base),
					    PGTABLE_CFG_STRUCT) ||
			    clang_getCursorKind(base) != CXCursor_DeclRefExpr)
				return clang_getNullCursor();
			value = cfg_sizes_value(clang_getCursorReferenced(base));
			break;
		case CXCursor_DeclRefExpr:
			ref = clang_getCursorReferenced(value);
			if (clang_getCursorKind(ref) != CXCursor_VarDecl)
				return clang_getNullCursor();
			value = var_value(ref, NULL);
			break;
		default:
			return clang_getNullCursor();
		}
		if (cursor_is_null(value))
			return value;
	}
	return clang_getNullCursor();
}

struct render {
	const struct store_chain *ch;
	const char *dev;	/* the allocator's device parameter */
	struct instance_path *out;
	bool reached_dev;
};

static char *render(struct render *r, CXCursor e, int level);

static int param_index(CXCursor fn, CXCursor param)
{
	int i, n = clang_Cursor_getNumArguments(fn);

	for (i = 0; i < n; i++)
		if (clang_equalCursors(clang_Cursor_getArgument(fn, i), param))
			return i;
	return -1;
}

static char *fail(struct render *r, CXCursor e, const char *what)
{
	char *text = cursor_text(e);

	if (!r->out->reason)
		r->out->reason = xasprintf("%s %s", what, text);
	free(text);
	return NULL;
}

static char *render_param(struct render *r, CXCursor e, CXCursor param,
			  int level)
{
	int i = param_index(r->ch->fn[level], param);

	if (i < 0)
		return fail(r, e, "the instance comes from");
	if (level > 0)
		return render(r, clang_Cursor_getArgument(r->ch->call[level - 1],
							i), level - 1);
	if (!type_is_pointer_to_record(clang_getCursorType(param),
				       DEVICE_STRUCT))
		return fail(r, e, "the instance comes from attach's parameter");
	r->reached_dev = true;
	return xstrdup(r->dev);
}

/* A converting variable is kept as the anchor; others are inlined. */
static char *render_var(struct render *r, CXCursor e, CXCursor var,
			int level)
{
	CXCursor value = var_value(var, NULL);
	CXType have, want = clang_getCanonicalType(clang_getCursorType(var));
	struct instance_path *out = r->out;

	if (!clang_equalCursors(clang_getCursorSemanticParent(var),
				r->ch->fn[level]) || cursor_is_null(value))
		return fail(r, e, "the instance comes from");
	have = clang_getCanonicalType(clang_getCursorType(cursor_strip(value)));
	if (clang_equalTypes(have, want))
		return render(r, value, level);
	if (out->anchor)
		return fail(r, e, "more than one pointer conversion on the way to");
	out->anchor = cursor_spelling(var);
	out->anchor_type = type_spelling(clang_getCursorType(var));
	out->anchor_init = render(r, value, level);
	if (!out->anchor_init)
		return NULL;
	return xstrdup(out->anchor);
}

static char *render_call(struct render *r, CXCursor e, int level)
{
	struct strbuf sb = { 0 };
	int i, n = clang_Cursor_getNumArguments(e);
	char *name = cursor_spelling(e);

	strbuf_addf(&sb, "%s(", name);
	free(name);
	for (i = 0; i < n; i++) {
		char *arg = render(r, clang_Cursor_getArgument(e, i), level);

		if (!arg) {
			strbuf_release(&sb);
			return NULL;
		}
		strbuf_addf(&sb, "%s%s", i ? ", " : "", arg);
		free(arg);
	}
	strbuf_addstr(&sb, ")");
	return strbuf_detach(&sb);
}

static char *render(struct render *r, CXCursor e, int level)
{
	CXCursor ref, base;
	char *text, *field, *s;

	e = cursor_strip(e);
	switch (clang_getCursorKind(e)) {
	case CXCursor_DeclRefExpr:
		ref = clang_getCursorReferenced(e);
		if (clang_getCursorKind(ref) == CXCursor_ParmDecl)
			return render_param(r, e, ref, level);
		if (clang_getCursorKind(ref) == CXCursor_VarDecl)
			return render_var(r, e, ref, level);
		return fail(r, e, "the instance comes from");
	case CXCursor_MemberRefExpr:
		base = cursor_child(e, 0);
		text = render(r, base, level);
		if (!text)
			return NULL;
		field = cursor_spelling(e);
		s = xasprintf("%s%s%s", text,
			      clang_getCanonicalType(clang_getCursorType(base)).kind ==
			      CXType_Pointer ? "->" : ".", field);
		free(text);
		free(field);
		return s;
	case CXCursor_CallExpr:
		return render_call(r, e, level);
	default:
		return fail(r, e, "cannot follow");
	}
}

/* Is @name a parameter or local variable of @fn? */
struct name_search {
	const char *name;
	bool found;
};

static enum CXChildVisitResult find_name(CXCursor c, CXCursor parent,
					 CXClientData data)
{
	struct name_search *s = data;
	enum CXCursorKind kind = clang_getCursorKind(c);
	char *name;

	if (kind != CXCursor_VarDecl && kind != CXCursor_ParmDecl)
		return CXChildVisit_Recurse;
	name = cursor_spelling(c);
	s->found |= !strcmp(name, s->name);
	free(name);
	return CXChildVisit_Recurse;
}

static bool declares(CXCursor fn, const char *name)
{
	struct name_search s = { .name = name };

	clang_visitChildren(fn, find_name, &s);
	return s.found;
}

/*
 * Does a legacy domain_alloc(type) treat every paging type alike? Each
 * use of @type must sit in an if condition that comes out the same for
 * IOMMU_DOMAIN_DMA and IOMMU_DOMAIN_UNMANAGED.
 */
struct type_uses {
	CXCursor param;
	unsigned int uses;
	unsigned int judged;
	bool differ;
};

static enum CXChildVisitResult count_uses(CXCursor c, CXCursor parent,
					  CXClientData data)
{
	struct type_uses *t = data;

	if (refers_to(c, t->param))
		t->uses++;
	return CXChildVisit_Recurse;
}

/* 1 true, 0 false, -1 unknown, for @type equal to the constant @sym. */
static int eval_type_test(CXCursor c, CXCursor param, const char *sym)
{
	char *op, *text;
	int a, b, r = -1;
	CXCursor lhs, rhs;

	c = cursor_strip(c);
	if (clang_getCursorKind(c) != CXCursor_BinaryOperator)
		return -1;
	op = binary_operator(c);
	lhs = cursor_child(c, 0);
	rhs = cursor_child(c, 1);
	if (op && (!strcmp(op, "&&") || !strcmp(op, "||"))) {
		bool and = !strcmp(op, "&&");

		a = eval_type_test(lhs, param, sym);
		b = eval_type_test(rhs, param, sym);
		if (a == !and || b == !and)
			r = !and;
		else if (a >= 0 && b >= 0)
			r = and;
	} else if (op && (!strcmp(op, "==") || !strcmp(op, "!="))) {
		if (refers_to(rhs, param))
			rhs = lhs;
		else if (!refers_to(lhs, param))
			rhs = clang_getNullCursor();
		text = cursor_is_null(rhs) ? NULL : cursor_text(rhs);
		if (text && !strncmp(text, DOMAIN_TYPE_PREFIX,
				     strlen(DOMAIN_TYPE_PREFIX)) &&
		    !strpbrk(text, " |&()"))
			r = !strcmp(text, sym) == !strcmp(op, "==");
		free(text);
	}
	free(op);
	return r;
}

static enum CXChildVisitResult judge_ifs(CXCursor c, CXCursor parent,
					 CXClientData data)
{
	struct type_uses *t = data;
	struct type_uses cond = { .param = t->param };
	CXCursor test;

	if (clang_getCursorKind(c) != CXCursor_IfStmt)
		return CXChildVisit_Recurse;
	test = cursor_child(c, 0);
	clang_visitChildren(test, count_uses, &cond);
	if (!cond.uses)
		return CXChildVisit_Recurse;
	t->judged += cond.uses;
	if (eval_type_test(test, t->param, DOMAIN_TYPE_PREFIX "DMA") < 0 ||
	    eval_type_test(test, t->param, DOMAIN_TYPE_PREFIX "DMA") !=
	    eval_type_test(test, t->param, DOMAIN_TYPE_PREFIX "UNMANAGED"))
		t->differ = true;
	return CXChildVisit_Recurse;
}

static char *paging_types_differ(CXCursor alloc)
{
	struct type_uses t = { 0 };

	if (clang_Cursor_getNumArguments(alloc) != 1)
		return xstrdup("it takes neither the device nor only the domain type");
	t.param = clang_Cursor_getArgument(alloc, 0);
	clang_visitChildren(alloc, count_uses, &t);
	clang_visitChildren(alloc, judge_ifs, &t);
	if (t.differ || t.judged != t.uses)
		return xstrdup("it may treat IOMMU_DOMAIN_DMA and IOMMU_DOMAIN_UNMANAGED differently, so no domain_alloc_paging() can stand in for it");
	return NULL;
}

/* The allocator's device parameter, or NULL for a legacy allocator. */
static char *device_parameter(CXCursor alloc)
{
	CXCursor p = pointer_parameter(alloc, DEVICE_STRUCT);

	return cursor_is_null(p) ? NULL : cursor_spelling(p);
}

/* No conversion on the way: the instance pointer itself is the anchor. */
static void anchor_instance(struct instance_path *out, CXCursor base,
			    char *rendered)
{
	base = cursor_strip(base);
	if (clang_getCursorKind(base) != CXCursor_DeclRefExpr) {
		out->reason = xasprintf("no variable holds the instance %s",
					rendered);
		free(rendered);
		return;
	}
	out->anchor = cursor_spelling(base);
	out->anchor_type = type_spelling(clang_getCursorType(base));
	out->anchor_init = rendered;
}

/* The new variable must not clash with the allocator's or the wrapper's. */
static bool name_taken(CXCursor alloc, const struct instance_path *out)
{
	if (out->wrap)
		return !strcmp(out->anchor, "dev") ||
		       !strcmp(out->anchor, "domain");
	return declares(alloc, out->anchor);
}

void derive_instance(CXCursor alloc, CXCursor attach, CXType ops_type,
		     struct instance_path *out)
{
	struct store_chain ch;
	struct render r = { .ch = &ch, .out = out };
	CXCursor sizes, base;
	char *dev = device_parameter(alloc), *text, *field;

	out->allocator = cursor_spelling(alloc);
	out->wrap = !dev;
	/* Only a core with domain_alloc_paging() hands allocators the device */
	if (!dev && clang_Type_getOffsetOf(clang_getCanonicalType(ops_type),
					   PAGING_ALLOCATOR) < 0)
		out->reason = xstrdup("it is given no device, and this kernel's struct iommu_ops has no " PAGING_ALLOCATOR "() that would be");
	else if (!dev)
		out->reason = paging_types_differ(alloc);
	r.dev = dev ? dev : "dev";
	if (!out->reason && !flow_store_chain(attach, &ch))
		out->reason = xstrdup("attach stores no page sizes");
	sizes = out->reason ? clang_getNullCursor() :
		instance_sizes(cursor_child(ch.store, 1));
	if (!out->reason && cursor_is_null(sizes))
		fail(&r, cursor_child(ch.store, 1),
		     "the sizes attach gives domains come from no instance:");
	if (out->reason)
		goto out;
	base = cursor_child(sizes, 0);
	text = render(&r, base, ch.depth);
	if (text && !r.reached_dev)
		fail(&r, base, "the instance is not found from the device:");
	if (out->reason) {
		free(text);
		goto out;
	}
	if (!out->anchor) {
		anchor_instance(out, base, text);
		text = out->reason ? NULL : xstrdup(out->anchor);
	}
	if (!out->reason && name_taken(alloc, out))
		out->reason = xasprintf("%s() already has a '%s'",
					out->allocator, out->anchor);
	field = cursor_spelling(sizes);
	if (!out->reason)
		out->sizes = xasprintf("%s->%s", text, field);
	free(field);
	free(text);
out:
	free(dev);
}
