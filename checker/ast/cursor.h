/* SPDX-License-Identifier: GPL-2.0 */
/* libclang helpers: locations, source text, types and expression shapes. */
#ifndef IOMMU_PGSIZE_CURSOR_H
#define IOMMU_PGSIZE_CURSOR_H

#include <stdbool.h>
#include <clang-c/Index.h>

/* Where a cursor is, as file name, line and column (expansion location). */
struct cursor_pos {
	CXFile file;
	char *path;		/* absolute file name, or NULL */
	unsigned int line;
	unsigned int col;
};

bool cursor_pos_get(CXCursor c, struct cursor_pos *pos);
void cursor_pos_release(struct cursor_pos *pos);

char *cursor_spelling(CXCursor c);
char *type_spelling(CXType t);
/* A diagnostic as clang prints it, with file, line and column. */
char *diagnostic_text(CXDiagnostic d);

/* A file's path relative to @root (ending in '/'), or NULL outside it. */
char *file_tree_path(CXFile file, const char *root);
bool cursor_is_null(CXCursor c);

/* The n-th child, or a null cursor. */
CXCursor cursor_child(CXCursor c, unsigned int n);
unsigned int cursor_child_count(CXCursor c);

/* Skip implicit casts, parentheses and explicit casts around an expression. */
CXCursor cursor_strip(CXCursor c);

/* The tag name of a struct type, through typedefs and qualifiers. */
char *record_tag(CXType type);
bool type_is_record(CXType type, const char *tag);
bool type_is_pointer_to_record(CXType type, const char *tag);
bool type_is_function_returning_record_pointer(CXType type, const char *tag);

/* A function's first parameter that points to a struct @tag, or null. */
CXCursor pointer_parameter(CXCursor fn, const char *tag);

/* For a member reference: the tag of the struct the member belongs to. */
bool member_of(CXCursor member_ref, const char *tag, const char *field);

/* The operator token of a BinaryOperator or CompoundAssignOperator. */
char *binary_operator(CXCursor c);

/*
 * Source text of a cursor's extent with whitespace runs collapsed and
 * comments dropped; tokens joined by spaces when the extent is not plain
 * text in one file.
 */
char *cursor_text(CXCursor c);
char *collapse_source(const char *text, size_t len);

/* A constant integer value of an expression, if it has one. */
bool cursor_eval_unsigned(CXCursor c, unsigned long long *value);

/*
 * Resolve a pointer-valued initializer (&named_object, &(T){...}) to the
 * initializer list it points at.
 */
CXCursor resolve_init_list(CXCursor value);
/* The value given to member @field in an initializer list of @tag. */
CXCursor init_list_member(CXCursor list, const char *tag, const char *field);
/* The constant value of member @field in an initializer list of @tag. */
bool init_list_member_value(CXCursor list, const char *tag, const char *field,
			    unsigned long long *value);

/* The function a callback initializer names, or NULL. */
char *callback_function(CXCursor value);

#endif
