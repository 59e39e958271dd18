// SPDX-License-Identifier: GPL-2.0
#include <stdlib.h>
#include <string.h>

#include "ast/collect.h"
#include "ast/cursor.h"
#include "ast/flow.h"
#include "ast/summary.h"

static int param_index(CXCursor fn, CXCursor parm)
{
	int i, n = clang_Cursor_getNumArguments(fn);

	for (i = 0; i < n; i++)
		if (clang_equalCursors(clang_Cursor_getArgument(fn, i), parm))
			return i;
	return -1;
}

/* The expression a local variable is initialised with, or null. */
static CXCursor initializer(CXCursor var)
{
	unsigned int n = cursor_child_count(var);
	CXCursor last;

	if (!n)
		return clang_getNullCursor();
	last = cursor_child(var, n - 1);
	return clang_isExpression(clang_getCursorKind(last)) ? last :
	       clang_getNullCursor();
}

/* The parameter @e is reached from: p, p->a.b, &p->a, (T *)p, a local. */
static int root_param(CXCursor fn, CXCursor e, int depth)
{
	CXCursor c = cursor_strip(e);
	CXCursor decl;

	if (cursor_is_null(c) || depth > SUMMARY_MAX_DEPTH)
		return -1;

	switch (clang_getCursorKind(c)) {
	case CXCursor_MemberRefExpr:
	case CXCursor_UnaryOperator:
	case CXCursor_ParenExpr:
	case CXCursor_CStyleCastExpr:
		/* The expression shrinks: only locals count as steps. */
		return root_param(fn, cursor_child(c, 0), depth);
	case CXCursor_DeclRefExpr:
		decl = clang_getCursorReferenced(c);
		if (clang_getCursorKind(decl) == CXCursor_ParmDecl)
			return param_index(fn, decl);
		if (clang_getCursorKind(decl) == CXCursor_VarDecl)
			return root_param(fn, initializer(decl), depth + 1);
		return -1;
	default:
		return -1;
	}
}

static int domain_param(CXCursor fn, int depth);

struct summary_search {
	CXCursor fn;
	int depth;
	int param;
};

/* The parameter a call hands a domain through to a storing callee. */
static int call_param(struct summary_search *s, CXCursor call)
{
	CXCursor def = function_definition(call);
	int k;

	if (cursor_is_null(def) || clang_equalCursors(def, s->fn) ||
	    s->depth >= SUMMARY_MAX_DEPTH)
		return -1;
	k = domain_param(def, s->depth + 1);
	if (k < 0 || k >= clang_Cursor_getNumArguments(call))
		return -1;
	return root_param(s->fn, clang_Cursor_getArgument(call, k), 0);
}

static enum CXChildVisitResult find_store(CXCursor c, CXCursor parent,
					  CXClientData data)
{
	struct summary_search *s = data;
	CXCursor lhs;
	char *op;

	if (clang_getCursorKind(c) == CXCursor_CallExpr) {
		s->param = call_param(s, c);
	} else if (clang_getCursorKind(c) == CXCursor_BinaryOperator) {
		lhs = cursor_strip(cursor_child(c, 0));
		op = binary_operator(c);
		/* "=" gives the sizes; "|=" only adds to some already there. */
		if (op && !strcmp(op, "=") &&
		    clang_getCursorKind(lhs) == CXCursor_MemberRefExpr &&
		    member_of(lhs, DOMAIN_STRUCT, PGSIZE_MEMBER))
			s->param = root_param(s->fn, cursor_child(lhs, 0), 0);
		free(op);
	}
	return s->param >= 0 ? CXChildVisit_Break : CXChildVisit_Recurse;
}

static int domain_param(CXCursor fn, int depth)
{
	struct summary_search s = { .fn = fn, .depth = depth, .param = -1 };

	clang_visitChildren(fn, find_store, &s);
	return s.param;
}

int summary_domain_param(CXCursor fn)
{
	return domain_param(fn, 0);
}
