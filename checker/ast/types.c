// SPDX-License-Identifier: GPL-2.0
#include <string.h>

#include "ast/cursor.h"
#include "ast/types.h"

struct embed_search {
	const char *tag;
	bool found;
};

/*
 * A field of an anonymous struct or union is a member of the enclosing
 * struct ("union { struct iommu_domain domain; struct pt_iommu iommu; };").
 */
static bool is_anonymous_member(CXCursor field)
{
	CXCursor decl = clang_getTypeDeclaration(
		clang_getCanonicalType(clang_getCursorType(field)));

	return !cursor_is_null(decl) && clang_Cursor_isAnonymousRecordDecl(decl);
}

static enum CXVisitorResult find_embedded(CXCursor field, CXClientData data)
{
	struct embed_search *s = data;
	CXType t = clang_getCursorType(field);

	if (type_is_record(t, s->tag) ||
	    (is_anonymous_member(field) && record_embeds(t, s->tag))) {
		s->found = true;
		return CXVisit_Break;
	}
	return CXVisit_Continue;
}

bool record_embeds(CXType record, const char *tag)
{
	struct embed_search s = { .tag = tag };
	CXType canon = clang_getCanonicalType(record);

	if (canon.kind != CXType_Record)
		return false;
	clang_Type_visitFields(canon, find_embedded, &s);
	return s.found;
}

bool is_instance_pointer(CXType t)
{
	CXType canon = clang_getCanonicalType(t);

	return canon.kind == CXType_Pointer &&
	       record_embeds(clang_getPointeeType(canon),
			     INSTANCE_MEMBER_STRUCT);
}

static enum CXVisitorResult find_instance_pointer(CXCursor field,
						 CXClientData data)
{
	bool *found = data;
	CXType t = clang_getCursorType(field);

	*found = is_instance_pointer(t) ||
		 (is_anonymous_member(field) && record_has_instance_pointer(t));
	return *found ? CXVisit_Break : CXVisit_Continue;
}

bool record_has_instance_pointer(CXType record)
{
	CXType canon = clang_getCanonicalType(record);
	bool found = false;

	if (canon.kind == CXType_Record)
		clang_Type_visitFields(canon, find_instance_pointer, &found);
	return found;
}

struct field_search {
	const char *name;
	bool found;
};

static enum CXChildVisitResult find_annotation(CXCursor c, CXCursor parent,
					       CXClientData data)
{
	bool *found = data;
	CXString s;

	if (clang_getCursorKind(c) != CXCursor_AnnotateAttr)
		return CXChildVisit_Continue;
	s = clang_getCursorSpelling(c);
	*found = !strcmp(clang_getCString(s), ABSENT_FIELD_ANNOTATION);
	clang_disposeString(s);
	return *found ? CXChildVisit_Break : CXChildVisit_Continue;
}

bool field_is_stand_in(CXCursor field)
{
	bool found = false;

	if (clang_getCursorKind(field) == CXCursor_FieldDecl)
		clang_visitChildren(field, find_annotation, &found);
	return found;
}

static enum CXVisitorResult find_field(CXCursor field, CXClientData data)
{
	struct field_search *s = data;
	CXString name = clang_getCursorSpelling(field);

	s->found = !strcmp(clang_getCString(name), s->name) &&
		   !field_is_stand_in(field);
	clang_disposeString(name);
	return s->found ? CXVisit_Break : CXVisit_Continue;
}

bool record_has_field(CXType record, const char *name)
{
	struct field_search s = { .name = name };
	CXType canon = clang_getCanonicalType(record);

	if (canon.kind != CXType_Record)
		return false;
	clang_Type_visitFields(canon, find_field, &s);
	return s.found;
}

/* @record embeds @tag, or a struct that does, up to a few levels. */
static bool embeds_deep(CXType record, const char *tag, int depth);

struct deep_search {
	const char *tag;
	int depth;
	bool found;
};

static enum CXVisitorResult find_deep(CXCursor field, CXClientData data)
{
	struct deep_search *s = data;

	s->found = embeds_deep(clang_getCursorType(field), s->tag, s->depth);
	return s->found ? CXVisit_Break : CXVisit_Continue;
}

static bool embeds_deep(CXType record, const char *tag, int depth)
{
	struct deep_search s = { .tag = tag, .depth = depth + 1 };
	CXType canon = clang_getCanonicalType(record);

	if (canon.kind != CXType_Record)
		return false;
	if (type_is_record(canon, tag))
		return true;
	if (depth >= 4)
		return false;
	clang_Type_visitFields(canon, find_deep, &s);
	return s.found;
}

bool type_reaches_record(CXType t, const char *tag)
{
	CXType canon = clang_getCanonicalType(t);

	return canon.kind == CXType_Pointer &&
	       embeds_deep(clang_getPointeeType(canon), tag, 0);
}
