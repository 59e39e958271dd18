// SPDX-License-Identifier: GPL-2.0
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "ast/cursor.h"
#include "lib/util.h"

static char *take_string(CXString s)
{
	const char *cs = clang_getCString(s);
	char *r = xstrdup(cs ? cs : "");

	clang_disposeString(s);
	return r;
}

bool cursor_pos_get(CXCursor c, struct cursor_pos *pos)
{
	CXSourceLocation loc = clang_getCursorLocation(c);

	memset(pos, 0, sizeof(*pos));
	clang_getExpansionLocation(loc, &pos->file, &pos->line, &pos->col,
				   NULL);
	if (!pos->file)
		return false;
	pos->path = take_string(clang_getFileName(pos->file));
	return true;
}

void cursor_pos_release(struct cursor_pos *pos)
{
	free(pos->path);
	pos->path = NULL;
}

char *file_tree_path(CXFile file, const char *root)
{
	CXString name = clang_File_tryGetRealPathName(file);
	const char *path = clang_getCString(name);
	size_t len = strlen(root);
	char *rel = NULL;

	if (!path || !*path) {
		clang_disposeString(name);
		name = clang_getFileName(file);
		path = clang_getCString(name);
	}
	if (path && !strncmp(path, root, len))
		rel = xstrdup(path + len);
	clang_disposeString(name);
	return rel;
}

char *diagnostic_text(CXDiagnostic d)
{
	return take_string(clang_formatDiagnostic(d,
		CXDiagnostic_DisplaySourceLocation |
		CXDiagnostic_DisplayColumn));
}

char *type_spelling(CXType t)
{
	return take_string(clang_getTypeSpelling(t));
}

char *cursor_spelling(CXCursor c)
{
	return take_string(clang_getCursorSpelling(c));
}

bool cursor_is_null(CXCursor c)
{
	return clang_Cursor_isNull(c);
}

struct child_search {
	unsigned int want;
	unsigned int seen;
	CXCursor found;
};

static enum CXChildVisitResult find_child(CXCursor c, CXCursor parent,
					  CXClientData data)
{
	struct child_search *s = data;

	if (s->seen++ == s->want) {
		s->found = c;
		return CXChildVisit_Break;
	}
	return CXChildVisit_Continue;
}

CXCursor cursor_child(CXCursor c, unsigned int n)
{
	struct child_search s = { .want = n, .found = clang_getNullCursor() };

	clang_visitChildren(c, find_child, &s);
	return s.found;
}

unsigned int cursor_child_count(CXCursor c)
{
	struct child_search s = { .want = ~0u, .found = clang_getNullCursor() };

	clang_visitChildren(c, find_child, &s);
	return s.seen;
}

CXCursor cursor_strip(CXCursor c)
{
	for (;;) {
		enum CXCursorKind kind = clang_getCursorKind(c);
		unsigned int n;

		if (kind == CXCursor_ParenExpr) {
			c = cursor_child(c, 0);
			continue;
		}
		if (kind == CXCursor_CStyleCastExpr) {
			/* The cast's type is a TypeRef child before the value. */
			n = cursor_child_count(c);
			c = cursor_child(c, n - 1);
			continue;
		}
		if (kind == CXCursor_UnexposedExpr &&
		    cursor_child_count(c) == 1) {
			CXCursor inner = cursor_child(c, 0);

			/* Designated initializers are unexposed too. */
			if (clang_getCursorKind(inner) == CXCursor_MemberRef)
				return c;
			c = inner;
			continue;
		}
		return c;
	}
}

char *record_tag(CXType type)
{
	CXType canon = clang_getCanonicalType(type);
	CXCursor decl;

	if (canon.kind != CXType_Record)
		return NULL;
	decl = clang_getTypeDeclaration(canon);
	if (clang_getCursorKind(decl) != CXCursor_StructDecl &&
	    clang_getCursorKind(decl) != CXCursor_UnionDecl)
		return NULL;
	return cursor_spelling(decl);
}

bool type_is_record(CXType type, const char *tag)
{
	char *name = record_tag(type);
	bool match = name && !strcmp(name, tag);

	free(name);
	return match;
}

bool type_is_pointer_to_record(CXType type, const char *tag)
{
	CXType canon = clang_getCanonicalType(type);

	return canon.kind == CXType_Pointer &&
	       type_is_record(clang_getPointeeType(canon), tag);
}

bool type_is_function_returning_record_pointer(CXType type, const char *tag)
{
	CXType canon = clang_getCanonicalType(type);
	CXType fn;

	if (canon.kind != CXType_Pointer)
		return false;
	fn = clang_getCanonicalType(clang_getPointeeType(canon));
	if (fn.kind != CXType_FunctionProto && fn.kind != CXType_FunctionNoProto)
		return false;
	return type_is_pointer_to_record(clang_getResultType(fn), tag);
}

CXCursor pointer_parameter(CXCursor fn, const char *tag)
{
	int i, n = clang_Cursor_getNumArguments(fn);

	for (i = 0; i < n; i++) {
		CXCursor p = clang_Cursor_getArgument(fn, i);

		if (type_is_pointer_to_record(clang_getCursorType(p), tag))
			return p;
	}
	return clang_getNullCursor();
}

bool member_of(CXCursor member_ref, const char *tag, const char *field)
{
	CXCursor decl = clang_getCursorReferenced(member_ref);
	CXCursor parent;
	char *name;
	bool match;

	if (clang_getCursorKind(decl) != CXCursor_FieldDecl)
		return false;
	name = cursor_spelling(decl);
	match = !strcmp(name, field);
	free(name);
	if (!match)
		return false;
	parent = clang_getCursorSemanticParent(decl);
	return type_is_record(clang_getCursorType(parent), tag);
}

static bool location_before(CXSourceLocation a, CXSourceLocation b)
{
	unsigned int oa, ob;
	CXFile fa, fb;

	clang_getFileLocation(a, &fa, NULL, NULL, &oa);
	clang_getFileLocation(b, &fb, NULL, NULL, &ob);
	return clang_File_isEqual(fa, fb) && oa < ob;
}

char *binary_operator(CXCursor c)
{
	CXTranslationUnit tu = clang_Cursor_getTranslationUnit(c);
	CXCursor lhs = cursor_child(c, 0);
	CXSourceLocation lhs_end;
	CXToken *tokens;
	unsigned int n, i;
	char *op = NULL;

	if (cursor_is_null(lhs))
		return NULL;
	lhs_end = clang_getRangeEnd(clang_getCursorExtent(lhs));
	clang_tokenize(tu, clang_getCursorExtent(c), &tokens, &n);
	for (i = 0; i < n; i++) {
		CXSourceLocation at = clang_getTokenLocation(tu, tokens[i]);

		if (clang_getTokenKind(tokens[i]) != CXToken_Punctuation)
			continue;
		if (location_before(at, lhs_end))
			continue;
		op = take_string(clang_getTokenSpelling(tu, tokens[i]));
		break;
	}
	clang_disposeTokens(tu, tokens, n);
	return op;
}

char *collapse_source(const char *text, size_t len)
{
	struct strbuf sb = { 0 };
	bool space = false;
	size_t i;

	for (i = 0; i < len; i++) {
		char ch = text[i];

		if (ch == '/' && i + 1 < len && text[i + 1] == '*') {
			const char *end = strstr(text + i + 2, "*/");

			i = end && end < text + len ? (size_t)(end - text) + 1 : len;
			space = true;
			continue;
		}
		if (ch == '/' && i + 1 < len && text[i + 1] == '/') {
			while (i < len && text[i] != '\n')
				i++;
			space = true;
			continue;
		}
		if (ch == '\\' && i + 1 < len && text[i + 1] == '\n') {
			i++;
			space = true;
			continue;
		}
		if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
			space = true;
			continue;
		}
		if (space && sb.len)
			strbuf_add(&sb, " ", 1);
		space = false;
		strbuf_add(&sb, &ch, 1);
	}
	return strbuf_detach(&sb);
}

static char *tokens_text(CXTranslationUnit tu, CXSourceRange range)
{
	struct strbuf sb = { 0 };
	CXToken *tokens;
	unsigned int n, i;

	clang_tokenize(tu, range, &tokens, &n);
	for (i = 0; i < n; i++) {
		CXString s = clang_getTokenSpelling(tu, tokens[i]);

		if (i)
			strbuf_add(&sb, " ", 1);
		strbuf_addstr(&sb, clang_getCString(s));
		clang_disposeString(s);
	}
	clang_disposeTokens(tu, tokens, n);
	return strbuf_detach(&sb);
}

static bool is_ident_char(char ch)
{
	return isalnum((unsigned char)ch) || ch == '_';
}

/*
 * Inside macro arguments libclang may end a range at the start of its last
 * token instead of after it. An expression never ends just before an
 * identifier or number, so extend over one when that is where it stops.
 */
static unsigned int extend_over_last_token(const char *buf, size_t size,
					   unsigned int start,
					   unsigned int end)
{
	if (end >= size || !is_ident_char(buf[end]))
		return end;
	if (end > start && is_ident_char(buf[end - 1]))
		return end;
	while (end < size && is_ident_char(buf[end]))
		end++;
	return end;
}

char *cursor_text(CXCursor c)
{
	CXTranslationUnit tu = clang_Cursor_getTranslationUnit(c);
	CXSourceRange range = clang_getCursorExtent(c);
	unsigned int start, end;
	CXFile fs, fe;
	const char *buf;
	size_t size;

	clang_getFileLocation(clang_getRangeStart(range), &fs, NULL, NULL,
			      &start);
	clang_getFileLocation(clang_getRangeEnd(range), &fe, NULL, NULL, &end);
	if (!fs || !clang_File_isEqual(fs, fe) || end <= start)
		return tokens_text(tu, range);
	buf = clang_getFileContents(tu, fs, &size);
	if (!buf || end > size)
		return tokens_text(tu, range);
	end = extend_over_last_token(buf, size, start, end);
	return collapse_source(buf + start, end - start);
}

bool cursor_eval_unsigned(CXCursor c, unsigned long long *value)
{
	CXEvalResult res = clang_Cursor_Evaluate(c);
	bool ok = false;

	if (!res)
		return false;
	if (clang_EvalResult_getKind(res) == CXEval_Int) {
		if (clang_EvalResult_isUnsignedInt(res))
			*value = clang_EvalResult_getAsUnsigned(res);
		else
			*value = (unsigned long long)
				clang_EvalResult_getAsLongLong(res);
		ok = true;
	}
	clang_EvalResult_dispose(res);
	return ok;
}

static CXCursor first_child_of_kind(CXCursor c, enum CXCursorKind kind)
{
	unsigned int i, n = cursor_child_count(c);

	for (i = 0; i < n; i++) {
		CXCursor child = cursor_child(c, i);

		if (clang_getCursorKind(child) == kind)
			return child;
	}
	return clang_getNullCursor();
}

CXCursor resolve_init_list(CXCursor value)
{
	CXCursor c = cursor_strip(value);

	if (clang_getCursorKind(c) == CXCursor_UnaryOperator)
		c = cursor_strip(cursor_child(c, 0));
	switch (clang_getCursorKind(c)) {
	case CXCursor_CompoundLiteralExpr:
		return first_child_of_kind(c, CXCursor_InitListExpr);
	case CXCursor_DeclRefExpr:
		c = clang_getCursorDefinition(clang_getCursorReferenced(c));
		if (clang_getCursorKind(c) != CXCursor_VarDecl)
			break;
		return first_child_of_kind(c, CXCursor_InitListExpr);
	case CXCursor_InitListExpr:
		return c;
	default:
		break;
	}
	return clang_getNullCursor();
}

static bool is_identifier(const char *s)
{
	if (!*s || isdigit((unsigned char)*s))
		return false;
	for (; *s; s++)
		if (!is_ident_char(*s))
			return false;
	return true;
}

char *callback_function(CXCursor value)
{
	CXCursor c = cursor_strip(value);
	CXCursor decl;
	char *text;

	if (clang_getCursorKind(c) == CXCursor_UnaryOperator)
		c = cursor_strip(cursor_child(c, 0));
	if (clang_getCursorKind(c) == CXCursor_DeclRefExpr) {
		decl = clang_getCursorReferenced(c);
		if (clang_getCursorKind(decl) == CXCursor_FunctionDecl)
			return cursor_spelling(decl);
	}
	/*
	 * A callback the configuration compiles out is often a macro that
	 * expands to NULL: the name written is still the callback.
	 */
	text = cursor_text(value);
	if (is_identifier(text) && strcmp(text, "NULL"))
		return text;
	free(text);
	return NULL;
}

CXCursor init_list_member(CXCursor list, const char *tag, const char *field)
{
	unsigned int i, n = cursor_child_count(list);

	for (i = 0; i < n; i++) {
		CXCursor d = cursor_child(list, i);
		unsigned int k = cursor_child_count(d);

		if (k < 2 || clang_getCursorKind(d) != CXCursor_UnexposedExpr)
			continue;
		if (member_of(cursor_child(d, k - 2), tag, field))
			return cursor_strip(cursor_child(d, k - 1));
	}
	return clang_getNullCursor();
}

bool init_list_member_value(CXCursor list, const char *tag, const char *field,
			    unsigned long long *value)
{
	CXCursor c = init_list_member(list, tag, field);

	return !cursor_is_null(c) && cursor_eval_unsigned(c, value);
}
