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

bool membership_is_slot_record(CXType t)
{
	return !record_embeds(t, DOMAIN_STRUCT) &&
	       record_has_instance_pointer(t);
}

/* A domain field that is an array of, or points to, instance slots. */
static bool is_slot_array(CXCursor field)
{
	CXType t = clang_getCanonicalType(clang_getCursorType(field));

	if (!is_domain_field(field))
		return false;
	if (t.kind == CXType_ConstantArray)
		return membership_is_slot_record(clang_getArrayElementType(t));
	return t.kind == CXType_Pointer &&
	       membership_is_slot_record(clang_getPointeeType(t));
}

/* A domain field that is a list head. */
static bool is_domain_list(CXCursor field)
{
	return is_domain_field(field) &&
	       type_is_record(clang_getCursorType(field), LIST_STRUCT);
}

struct mention {
	CXCursor var;		/* the local pointer */
	bool (*is_box)(CXCursor field);
	CXCursor box;		/* a domain container field it mentions */
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
		 cursor_is_null(m->box) && m->is_box(ref))
		m->box = ref;
	return CXChildVisit_Recurse;
}

struct walker {
	CXCursor var;
	bool (*is_box)(CXCursor field);
	CXCursor list;		/* the domain container the pointer walks */
	bool foreign;		/* it is also given something else */
	bool steps;		/* "p++", "p -= n": it moves along */
};

/* What one value given to the pointer is made of. */
static void note_value(struct walker *w, CXCursor value)
{
	struct mention m = {
		.var = w->var, .is_box = w->is_box,
		.box = clang_getNullCursor(),
	};

	find_mention(value, clang_getNullCursor(), &m);
	clang_visitChildren(value, find_mention, &m);
	if (!cursor_is_null(m.box)) {
		if (cursor_is_null(w->list))
			w->list = m.box;
		else if (!clang_equalCursors(w->list, m.box))
			w->foreign = true;
	} else if (!m.self) {
		w->foreign = true;
	}
}

static bool is_var(CXCursor expr, CXCursor var)
{
	expr = cursor_strip(expr);
	return clang_getCursorKind(expr) == CXCursor_DeclRefExpr &&
	       clang_equalCursors(clang_getCursorReferenced(expr), var);
}

static bool increments(CXCursor unary)
{
	switch (clang_getCursorUnaryOperatorKind(unary)) {
	case CXUnaryOperator_PostInc:
	case CXUnaryOperator_PostDec:
	case CXUnaryOperator_PreInc:
	case CXUnaryOperator_PreDec:
		return true;
	default:
		return false;
	}
}

static enum CXChildVisitResult find_values(CXCursor c, CXCursor parent,
					   CXClientData data)
{
	struct walker *w = data;

	if (clang_getCursorKind(c) == CXCursor_VarDecl &&
	    clang_equalCursors(c, w->var)) {
		unsigned int n = cursor_child_count(c);

		if (n && clang_isExpression(clang_getCursorKind(
				cursor_child(c, n - 1))))
			note_value(w, cursor_child(c, n - 1));
		return CXChildVisit_Continue;
	}
	if (clang_getCursorKind(c) == CXCursor_UnaryOperator &&
	    is_var(cursor_child(c, 0), w->var))
		w->steps = w->steps || increments(c);
	if (clang_getCursorKind(c) == CXCursor_CompoundAssignOperator &&
	    is_var(cursor_child(c, 0), w->var))
		w->steps = true;
	/* Not binary_operator(): the walk is often a macro's expansion. */
	if (clang_getCursorBinaryOperatorKind(c) != CXBinaryOperator_Assign)
		return CXChildVisit_Recurse;
	if (is_var(cursor_child(c, 0), w->var))
		note_value(w, cursor_child(c, 1));
	return CXChildVisit_Recurse;
}

/*
 * A local pointer @arg of @fn given only values made from one domain
 * field that @is_box accepts, or from itself: that field. *steps tells
 * whether it also moves along ("p++").
 */
static CXCursor walked_box(CXCursor arg, CXCursor fn,
			   bool (*is_box)(CXCursor field), bool *steps)
{
	struct walker w = {
		.is_box = is_box, .list = clang_getNullCursor(),
	};

	arg = cursor_strip(arg);
	if (clang_getCursorKind(arg) != CXCursor_DeclRefExpr ||
	    cursor_is_null(fn))
		return clang_getNullCursor();
	w.var = clang_getCursorReferenced(arg);
	if (clang_getCursorKind(w.var) != CXCursor_VarDecl ||
	    !clang_equalCursors(clang_getCursorSemanticParent(w.var), fn))
		return clang_getNullCursor();
	clang_visitChildren(fn, find_values, &w);
	if (steps)
		*steps = w.steps;
	return w.foreign ? clang_getNullCursor() : w.list;
}

/*
 * A local "struct list_head *pos" of @fn given only positions in one
 * domain list ("pos = (&d->list)->next", "pos = pos->next"): that list.
 */
static CXCursor walked_list(CXCursor arg, CXCursor fn)
{
	if (!type_is_pointer_to_record(clang_getCursorType(cursor_strip(arg)),
				       LIST_STRUCT))
		return clang_getNullCursor();
	return walked_box(arg, fn, is_domain_list, NULL);
}

CXCursor membership_slot_array(CXCursor lhs, CXCursor fn, bool *walks)
{
	CXCursor base, array;
	unsigned long long n;
	bool steps = false;

	lhs = cursor_strip(lhs);
	if (clang_getCursorKind(lhs) != CXCursor_MemberRefExpr ||
	    !is_instance_pointer(clang_getCursorType(lhs)))
		return clang_getNullCursor();
	base = cursor_strip(cursor_child(lhs, 0));
	if (clang_getCursorKind(base) == CXCursor_ArraySubscriptExpr) {
		array = cursor_strip(cursor_child(base, 0));
		if (clang_getCursorKind(array) != CXCursor_MemberRefExpr ||
		    !is_slot_array(clang_getCursorReferenced(array)))
			return clang_getNullCursor();
		/* "d->slots[0]" is one slot; "d->slots[i]" one per instance. */
		if (walks)
			*walks = !cursor_eval_unsigned(
				cursor_strip(cursor_child(base, 1)), &n);
		return clang_getCursorReferenced(array);
	}
	array = walked_box(base, fn, is_slot_array, &steps);
	if (walks)
		*walks = steps;
	return array;
}

/* "slot->inst = iommu": an instance put into one of the domain's slots. */
static CXCursor fills_slot(CXCursor assign, CXCursor fn)
{
	CXCursor array, value;
	unsigned long long n;
	bool walks = false;

	if (clang_getCursorBinaryOperatorKind(assign) != CXBinaryOperator_Assign)
		return clang_getNullCursor();
	array = membership_slot_array(cursor_child(assign, 0), fn, &walks);
	value = cursor_strip(cursor_child(assign, 1));
	if (!walks || cursor_eval_unsigned(value, &n))
		return clang_getNullCursor();
	return array;
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

CXCursor membership_link(CXCursor c, CXCursor fn)
{
	CXCursor box;

	if (clang_getCursorKind(c) == CXCursor_BinaryOperator)
		return fills_slot(c, fn);
	if (clang_getCursorKind(c) != CXCursor_CallExpr)
		return clang_getNullCursor();
	box = links_list(c, fn);
	return cursor_is_null(box) ? stores_xarray(c) : box;
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
