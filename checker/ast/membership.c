// SPDX-License-Identifier: GPL-2.0
#include <stdlib.h>
#include <string.h>

#include "ast/collect.h"
#include "ast/cursor.h"
#include "ast/membership.h"
#include "ast/types.h"
#include "lib/util.h"

#define LIST_STRUCT	"list_head"
#define XARRAY_STRUCT	"xarray"

/* The named struct a field belongs to, through anonymous unions. */
static CXCursor field_record(CXCursor field)
{
	CXCursor record = clang_getCursorSemanticParent(field);

	while (clang_Cursor_isAnonymousRecordDecl(record))
		record = clang_getCursorSemanticParent(record);
	return record;
}

/* A field of the domain struct, also inside its anonymous unions. */
static bool is_domain_field(CXCursor field)
{
	return clang_getCursorKind(field) == CXCursor_FieldDecl &&
	       record_embeds(clang_getCursorType(field_record(field)),
			     DOMAIN_STRUCT);
}

/* "&d->f" or "&d.f": the field f, else a null cursor. */
static CXCursor address_of_member(CXCursor arg)
{
	arg = cursor_strip(arg);
	if (clang_getCursorKind(arg) != CXCursor_UnaryOperator ||
	    clang_getCanonicalType(clang_getCursorType(arg)).kind !=
	    CXType_Pointer)
		return clang_getNullCursor();
	arg = cursor_strip(cursor_child(arg, 0));
	if (clang_getCursorKind(arg) != CXCursor_MemberRefExpr)
		return clang_getNullCursor();
	return clang_getCursorReferenced(arg);
}

/* "&d->f" where f is a @tag member of a domain struct. */
static CXCursor domain_container(CXCursor arg, const char *tag)
{
	CXCursor field = address_of_member(arg);

	if (!is_domain_field(field) ||
	    !type_is_record(clang_getCursorType(field), tag))
		return clang_getNullCursor();
	return field;
}

struct mention {
	CXCursor var;		/* the local pointer */
	CXCursor list;		/* a domain list field it mentions */
	bool self;		/* it mentions the pointer itself */
};

static enum CXChildVisitResult find_mention(CXCursor c, CXCursor parent,
					    CXClientData data)
{
	struct mention *m = data;
	CXCursor ref = clang_getCursorReferenced(c);

	if (clang_getCursorKind(c) == CXCursor_DeclRefExpr &&
	    clang_equalCursors(ref, m->var))
		m->self = true;
	else if (clang_getCursorKind(c) == CXCursor_MemberRefExpr &&
		 cursor_is_null(m->list) && is_domain_field(ref) &&
		 type_is_record(clang_getCursorType(ref), LIST_STRUCT))
		m->list = ref;
	return CXChildVisit_Recurse;
}

struct walker {
	CXCursor var;
	CXCursor list;		/* the domain list the pointer walks */
	bool foreign;		/* it is also given something else */
};

/* What one value given to the pointer is made of. */
static void note_value(struct walker *w, CXCursor value)
{
	struct mention m = {
		.var = w->var, .list = clang_getNullCursor(),
	};

	find_mention(value, clang_getNullCursor(), &m);
	clang_visitChildren(value, find_mention, &m);
	if (!cursor_is_null(m.list)) {
		if (cursor_is_null(w->list))
			w->list = m.list;
		else if (!clang_equalCursors(w->list, m.list))
			w->foreign = true;
	} else if (!m.self) {
		w->foreign = true;
	}
}

static enum CXChildVisitResult find_values(CXCursor c, CXCursor parent,
					   CXClientData data)
{
	struct walker *w = data;
	CXCursor lhs;

	if (clang_getCursorKind(c) == CXCursor_VarDecl &&
	    clang_equalCursors(c, w->var)) {
		unsigned int n = cursor_child_count(c);

		if (n && clang_isExpression(clang_getCursorKind(
				cursor_child(c, n - 1))))
			note_value(w, cursor_child(c, n - 1));
		return CXChildVisit_Continue;
	}
	/* Not binary_operator(): the walk is often a macro's expansion. */
	if (clang_getCursorBinaryOperatorKind(c) != CXBinaryOperator_Assign)
		return CXChildVisit_Recurse;
	lhs = cursor_strip(cursor_child(c, 0));
	if (clang_getCursorKind(lhs) == CXCursor_DeclRefExpr &&
	    clang_equalCursors(clang_getCursorReferenced(lhs), w->var))
		note_value(w, cursor_child(c, 1));
	return CXChildVisit_Recurse;
}

/*
 * A local "struct list_head *pos" of @fn given only positions in one
 * domain list ("pos = (&d->list)->next", "pos = pos->next"): that list.
 */
static CXCursor walked_list(CXCursor arg, CXCursor fn)
{
	struct walker w = { .list = clang_getNullCursor() };

	arg = cursor_strip(arg);
	if (clang_getCursorKind(arg) != CXCursor_DeclRefExpr ||
	    cursor_is_null(fn) ||
	    !type_is_pointer_to_record(clang_getCursorType(arg), LIST_STRUCT))
		return clang_getNullCursor();
	w.var = clang_getCursorReferenced(arg);
	if (clang_getCursorKind(w.var) != CXCursor_VarDecl ||
	    !clang_equalCursors(clang_getCursorSemanticParent(w.var), fn))
		return clang_getNullCursor();
	clang_visitChildren(fn, find_values, &w);
	return w.foreign ? clang_getNullCursor() : w.list;
}

/* "&e->node": a list node of a struct other than the domain. */
static bool is_entry_node(CXCursor arg)
{
	CXCursor field = address_of_member(arg);

	return clang_getCursorKind(field) == CXCursor_FieldDecl &&
	       type_is_record(clang_getCursorType(field), LIST_STRUCT) &&
	       !is_domain_field(field);
}

/* An entry given to an xarray: a pointer to a struct. */
static bool is_entry_pointer(CXCursor arg)
{
	CXType t = clang_getCanonicalType(clang_getCursorType(cursor_strip(arg)));

	return t.kind == CXType_Pointer &&
	       clang_getCanonicalType(clang_getPointeeType(t)).kind ==
	       CXType_Record &&
	       !type_is_pointer_to_record(t, XARRAY_STRUCT);
}

/*
 * list_add() and its kin return nothing; tests such as list_is_head()
 * take the same arguments and link nothing.
 */
static CXCursor links_list(CXCursor call, CXCursor fn)
{
	unsigned int i, j, n = clang_Cursor_getNumArguments(call);
	CXCursor list;

	if (clang_getCursorType(call).kind != CXType_Void)
		return clang_getNullCursor();
	for (i = 0; i < n; i++) {
		CXCursor arg = clang_Cursor_getArgument(call, i);

		list = domain_container(arg, LIST_STRUCT);
		if (cursor_is_null(list))
			list = walked_list(arg, fn);
		if (cursor_is_null(list))
			continue;
		for (j = 0; j < n; j++)
			if (j != i &&
			    is_entry_node(clang_Cursor_getArgument(call, j)))
				return list;
	}
	return clang_getNullCursor();
}

/* Stores and inserts pass an entry; loads, erases and walks do not. */
static CXCursor stores_xarray(CXCursor call)
{
	unsigned int i, j, n = clang_Cursor_getNumArguments(call);
	CXCursor xa;

	for (i = 0; i < n; i++) {
		xa = domain_container(clang_Cursor_getArgument(call, i),
				      XARRAY_STRUCT);
		if (cursor_is_null(xa))
			continue;
		for (j = 0; j < n; j++)
			if (j != i &&
			    is_entry_pointer(clang_Cursor_getArgument(call, j)))
				return xa;
	}
	return clang_getNullCursor();
}

CXCursor membership_link(CXCursor call, CXCursor fn)
{
	CXCursor box;

	if (clang_getCursorKind(call) != CXCursor_CallExpr)
		return clang_getNullCursor();
	box = links_list(call, fn);
	return cursor_is_null(box) ? stores_xarray(call) : box;
}

char *membership_field_name(CXCursor field)
{
	char *record = cursor_spelling(field_record(field));
	char *member = cursor_spelling(field);
	char *name = xasprintf("%s.%s", record, member);

	free(record);
	free(member);
	return name;
}
