// SPDX-License-Identifier: GPL-2.0
#include "ast/cursor.h"
#include "ast/types.h"

struct embed_search {
	const char *tag;
	bool found;
};

static enum CXVisitorResult find_embedded(CXCursor field, CXClientData data)
{
	struct embed_search *s = data;

	if (type_is_record(clang_getCursorType(field), s->tag)) {
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

	*found = is_instance_pointer(clang_getCursorType(field));
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
