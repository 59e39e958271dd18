// SPDX-License-Identifier: GPL-2.0
/*
 * Everything here is decided from resolved declarations: a member use
 * counts when the referenced FieldDecl belongs to the record in question,
 * whatever the object, pointer or macro it is reached through.
 */
#include <stdlib.h>
#include <string.h>

#include "ast/collect.h"
#include "ast/cursor.h"
#include "ast/disabled.h"
#include "ast/flow.h"
#include "ast/relevance.h"
#include "ast/summary.h"
#include "ast/types.h"
#include "lib/util.h"

#define MAX_DEPTH 512

struct frame {
	CXCursor cursor;
	unsigned int next_child;
	unsigned int index;	/* this cursor's index in its parent */
};

struct file_relevance {
	CXFile file;
	char *rel_path;		/* NULL: not below the root */
	bool relevant;
};

struct collect_ctx {
	CXTranslationUnit tu;
	const char *root;
	size_t root_len;
	struct inventory *inv;
	struct vec *sites;	/* struct ops_site */
	const char *function;
	const char *ops_name;
	const char *ops_file;
	struct frame stack[MAX_DEPTH];
	int depth;
	struct file_relevance *files;
	size_t nr_files;
	size_t last;		/* index of the last file looked up */
	const struct vec *only;	/* walk only these regions, if set */
};

static struct file_relevance *file_info(struct collect_ctx *ctx, CXFile file)
{
	struct file_relevance *info;
	const char *buf;
	size_t size, i;

	/* Consecutive declarations mostly come from the same file. */
	if (ctx->nr_files && clang_File_isEqual(ctx->files[ctx->last].file,
						 file))
		return &ctx->files[ctx->last];
	for (i = 0; i < ctx->nr_files; i++)
		if (clang_File_isEqual(ctx->files[i].file, file)) {
			ctx->last = i;
			return &ctx->files[i];
		}

	ctx->files = xrealloc(ctx->files,
			      (ctx->nr_files + 1) * sizeof(*ctx->files));
	ctx->last = ctx->nr_files;
	info = &ctx->files[ctx->nr_files++];
	memset(info, 0, sizeof(*info));
	info->file = file;

	info->rel_path = file_tree_path(file, ctx->root);
	if (!info->rel_path)
		return info;

	buf = clang_getFileContents(ctx->tu, file, &size);
	info->relevant = buf && mentions_relevant_token(buf, size);
	return info;
}

/* File, line and column of a location, relative to the root. */
static bool location_in_tree(struct collect_ctx *ctx, CXSourceLocation loc,
			     struct src_loc *out)
{
	struct file_relevance *info;
	unsigned int line, col;
	CXFile file;

	/* Inside a macro argument this is where the argument is written. */
	clang_getFileLocation(loc, &file, &line, &col, NULL);
	if (!file)
		return false;
	info = file_info(ctx, file);
	if (!info->rel_path)
		return false;
	src_loc_set(out, info->rel_path, line, col);
	return true;
}

static bool cursor_in_tree(struct collect_ctx *ctx, CXCursor c,
			   struct src_loc *out)
{
	return location_in_tree(ctx, clang_getCursorLocation(c), out);
}

static char *dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

/*
 * A member written inside a macro body expands at the invocation; find the
 * line in the #define where the member token is written, and the text of
 * the value that follows it, so that findings point at editable source.
 */
struct macro_member {
	char *macro;
	struct src_loc loc;
	char *value;		/* NULL when the value is a macro argument */
};

static bool token_is(CXTranslationUnit tu, CXToken tok, const char *s)
{
	CXString sp = clang_getTokenSpelling(tu, tok);
	bool eq = !strcmp(clang_getCString(sp), s);

	clang_disposeString(sp);
	return eq;
}

static bool written_at(struct collect_ctx *ctx, CXCursor c, const char *name)
{
	CXSourceLocation loc = clang_getCursorLocation(c);
	CXSourceRange range;
	CXToken *tok;
	bool found = false;

	tok = clang_getToken(ctx->tu, loc);
	if (!tok)
		return false;
	range = clang_getTokenExtent(ctx->tu, *tok);
	found = token_is(ctx->tu, *tok, name) &&
		clang_equalLocations(clang_getRangeStart(range), loc);
	clang_disposeTokens(ctx->tu, tok, 1);
	return found;
}

/* The index of @tok among a function-like macro's parameters, or -1. */
static int macro_param_index(CXTranslationUnit tu, CXToken *toks,
			     unsigned int n, CXToken tok)
{
	CXString s = clang_getTokenSpelling(tu, tok);
	const char *name = clang_getCString(s);
	int index = -1, k = 0;
	unsigned int i;

	/* toks: NAME ( p1 , p2 ) body... */
	if (n > 2 && token_is(tu, toks[1], "("))
		for (i = 2; i < n && !token_is(tu, toks[i], ")"); i++) {
			if (token_is(tu, toks[i], ","))
				k++;
			else if (index < 0 && token_is(tu, toks[i], name))
				index = k;
		}
	clang_disposeString(s);
	return index;
}

/* Source text between two tokens of the same file, inclusive. */
static char *token_span_text(CXTranslationUnit tu, CXToken first,
			     CXToken last)
{
	unsigned int start, end;
	const char *buf;
	size_t size;
	CXFile file;

	clang_getFileLocation(clang_getRangeStart(clang_getTokenExtent(tu,
								       first)),
			      &file, NULL, NULL, &start);
	clang_getFileLocation(clang_getRangeEnd(clang_getTokenExtent(tu, last)),
			      NULL, NULL, NULL, &end);
	buf = file ? clang_getFileContents(tu, file, &size) : NULL;
	if (!buf || end > size || end <= start)
		return NULL;
	return collapse_source(buf + start, end - start);
}

/*
 * The last token of the comma-separated item starting at @first: the one
 * before a ',', ';' or unmatched closing bracket at nesting depth 0.
 */
static unsigned int item_end(CXTranslationUnit tu, CXToken *toks,
			     unsigned int n, unsigned int first)
{
	unsigned int i, last = first, depth = 0;

	for (i = first; i < n; i++) {
		CXString s = clang_getTokenSpelling(tu, toks[i]);
		const char *t = clang_getCString(s);
		bool open = !strcmp(t, "(") || !strcmp(t, "{") ||
			    !strcmp(t, "[");
		bool close = !strcmp(t, ")") || !strcmp(t, "}") ||
			     !strcmp(t, "]");
		bool stop = !depth && (close || !strcmp(t, ",") ||
				       !strcmp(t, ";"));

		clang_disposeString(s);
		if (stop)
			break;
		depth += open;
		depth -= close;
		last = i;
	}
	return last;
}

/* The text of argument @index of a macro invocation. */
static char *macro_argument_text(CXTranslationUnit tu, CXCursor expansion,
				 int index)
{
	CXToken *toks;
	unsigned int n, i = 2, last;
	char *text = NULL;
	int k;

	clang_tokenize(tu, clang_getCursorExtent(expansion), &toks, &n);
	/* toks: NAME ( a0 , a1 ) */
	for (k = 0; n > 2 && i < n; k++) {
		last = item_end(tu, toks, n, i);
		if (k == index) {
			text = token_span_text(tu, toks[i], toks[last]);
			break;
		}
		i = last + 2;
	}
	clang_disposeTokens(tu, toks, n);
	return text;
}

/* The value written after '=' in a macro body, or the argument it names. */
static char *macro_value(CXTranslationUnit tu, CXCursor expansion,
			 CXToken *toks, unsigned int n, unsigned int first)
{
	unsigned int last = item_end(tu, toks, n, first);
	int param = last == first ?
		    macro_param_index(tu, toks, n, toks[first]) : -1;

	if (param >= 0)
		return macro_argument_text(tu, expansion, param);
	return token_span_text(tu, toks[first], toks[last]);
}

static bool find_in_macro(struct collect_ctx *ctx, CXCursor c,
			  const char *member, struct macro_member *out)
{
	CXCursor expansion, def;
	CXToken *toks;
	unsigned int n, i;
	bool found = false;

	memset(out, 0, sizeof(*out));
	if (written_at(ctx, c, member))
		return false;
	expansion = clang_getCursor(ctx->tu, clang_getCursorLocation(c));
	if (clang_getCursorKind(expansion) != CXCursor_MacroExpansion)
		return false;
	def = clang_getCursorReferenced(expansion);
	if (clang_getCursorKind(def) != CXCursor_MacroDefinition)
		return false;
	clang_tokenize(ctx->tu, clang_getCursorExtent(def), &toks, &n);
	for (i = 0; i < n && !found; i++) {
		if (!token_is(ctx->tu, toks[i], member))
			continue;
		if (!location_in_tree(ctx, clang_getTokenLocation(ctx->tu,
								  toks[i]),
				      &out->loc))
			break;
		found = true;
		if (i + 2 < n && token_is(ctx->tu, toks[i + 1], "="))
			out->value = macro_value(ctx->tu, expansion, toks, n,
						 i + 2);
	}
	clang_disposeTokens(ctx->tu, toks, n);
	if (found)
		out->macro = cursor_spelling(expansion);
	return found;
}

/* The parent of the current cursor, looking through implicit nodes. */
static CXCursor effective_parent(struct collect_ctx *ctx, unsigned int idx,
				 unsigned int *child_index)
{
	int d = ctx->depth;

	while (d > 0) {
		enum CXCursorKind kind = clang_getCursorKind(ctx->stack[d].cursor);

		if (kind != CXCursor_UnexposedExpr && kind != CXCursor_ParenExpr)
			break;
		idx = ctx->stack[d].index;
		d--;
	}
	*child_index = idx;
	return ctx->stack[d].cursor;
}

static bool is_comparison(const char *op)
{
	static const char *const ops[] = { "==", "!=", "<", ">", "<=", ">=" };
	size_t i;

	for (i = 0; i < ARRAY_SIZE(ops); i++)
		if (!strcmp(op, ops[i]))
			return true;
	return false;
}

/* How an expression is used by its parent; *op gets the operator. */
static enum use_kind classify(struct collect_ctx *ctx, unsigned int idx,
			      CXCursor *assign, char **op)
{
	unsigned int child;
	CXCursor parent = effective_parent(ctx, idx, &child);
	enum CXCursorKind kind = clang_getCursorKind(parent);
	enum use_kind use = USE_READ;

	*op = NULL;
	*assign = parent;
	if (kind != CXCursor_BinaryOperator &&
	    kind != CXCursor_CompoundAssignOperator)
		return USE_READ;
	*op = binary_operator(parent);
	if (!*op)
		return USE_READ;
	if (kind == CXCursor_CompoundAssignOperator && child == 0)
		use = USE_COMPOUND;
	else if (!strcmp(*op, "=") && child == 0)
		use = USE_WRITE;
	else if (is_comparison(*op))
		use = USE_COMPARE;
	return use;
}

/* The named ops object a member expression is applied to, if any. */
static char *named_ops_object(CXCursor member_expr, char **file,
			      struct collect_ctx *ctx)
{
	CXCursor base = cursor_strip(cursor_child(member_expr, 0));
	CXCursor decl;
	struct src_loc loc;

	*file = NULL;
	if (clang_getCursorKind(base) != CXCursor_DeclRefExpr)
		return NULL;
	decl = clang_getCursorReferenced(base);
	if (clang_getCursorKind(decl) != CXCursor_VarDecl ||
	    !type_is_record(clang_getCursorType(decl), OPS_STRUCT))
		return NULL;
	decl = clang_getCursorDefinition(decl);
	if (!cursor_is_null(decl) && cursor_in_tree(ctx, decl, &loc))
		*file = loc.file;
	return cursor_spelling(base);
}

/* The header that declares the member @c refers to. */
static char *member_file(struct collect_ctx *ctx, CXCursor c)
{
	struct src_loc loc;

	return cursor_in_tree(ctx, clang_getCursorReferenced(c), &loc) ?
		loc.file : NULL;
}

static struct ops_use *new_use(struct collect_ctx *ctx, CXCursor c,
			       enum use_kind kind)
{
	struct ops_use *use = xcalloc(1, sizeof(*use));

	use->kind = kind;
	use->member_file = member_file(ctx, c);
	use->member_absent = field_is_stand_in(clang_getCursorReferenced(c));
	use->function = dup_or_null(ctx->function);
	if (!cursor_in_tree(ctx, c, &use->loc))
		src_loc_set(&use->loc, "<unknown>", 0, 0);
	return use;
}

static void record_ops_member_expr(struct collect_ctx *ctx, CXCursor c,
				   unsigned int idx)
{
	struct macro_member mm;
	struct ops_use *use;
	CXCursor assign;
	char *op;
	enum use_kind kind = classify(ctx, idx, &assign, &op);

	use = new_use(ctx, c, kind);
	if (find_in_macro(ctx, c, PGSIZE_MEMBER, &mm)) {
		free(use->loc.file);
		use->loc = mm.loc;
		free(mm.value);
		free(mm.macro);
	}
	use->ops_name = named_ops_object(c, &use->ops_file, ctx);
	use->expr = cursor_text(kind == USE_READ ? c : assign);
	use->copies_cfg = kind == USE_WRITE &&
		member_of(cursor_strip(cursor_child(assign, 1)),
			  PGTABLE_CFG_STRUCT, PGSIZE_MEMBER);
	free(op);
	vec_push(&ctx->inv->uses, use);
}

static void classify_provenance(struct domain_pgsize *set, CXCursor value)
{
	CXCursor v = cursor_strip(value);
	CXCursor field;

	if (cursor_eval_unsigned(v, &set->value)) {
		set->prov = PROV_CONSTANT;
		return;
	}
	switch (clang_getCursorKind(v)) {
	case CXCursor_MemberRefExpr:
		field = clang_getCursorReferenced(v);
		if (member_of(v, OPS_STRUCT, PGSIZE_MEMBER)) {
			set->prov = PROV_OPS;
		} else {
			char *tag = record_tag(clang_getCursorType(
				clang_getCursorSemanticParent(field)));
			char *name = cursor_spelling(field);

			set->prov = PROV_FIELD;
			set->source = xasprintf("%s.%s", tag ? tag : "?", name);
			free(tag);
			free(name);
		}
		return;
	case CXCursor_CallExpr:
		set->prov = PROV_CALL;
		set->source = cursor_spelling(v);
		return;
	case CXCursor_DeclRefExpr:
		set->prov = PROV_VARIABLE;
		set->source = cursor_spelling(v);
		return;
	default:
		set->prov = PROV_EXPRESSION;
	}
}

static void record_domain_member_expr(struct collect_ctx *ctx, CXCursor c,
				      unsigned int idx)
{
	struct domain_pgsize *set;
	CXCursor assign;
	char *op;
	enum use_kind kind = classify(ctx, idx, &assign, &op);

	if (kind != USE_WRITE && kind != USE_COMPOUND) {
		free(op);
		return;
	}
	set = xcalloc(1, sizeof(*set));
	if (!cursor_in_tree(ctx, c, &set->loc))
		src_loc_set(&set->loc, "<unknown>", 0, 0);
	set->function = dup_or_null(ctx->function);
	set->op = op;
	set->expr = cursor_text(cursor_child(assign, 1));
	classify_provenance(set, cursor_child(assign, 1));
	vec_push(&ctx->inv->domain_sets, set);
}

/* The value of a designated initializer is its last child. */
static CXCursor designator_value(CXCursor designated)
{
	unsigned int n = cursor_child_count(designated);

	return n ? cursor_child(designated, n - 1) : clang_getNullCursor();
}

static void describe_pgsize_init(struct collect_ctx *ctx, CXCursor member,
				 CXCursor value, struct src_loc *loc,
				 char **expr, bool *is_constant,
				 unsigned long long *v)
{
	struct macro_member mm;

	if (find_in_macro(ctx, member, PGSIZE_MEMBER, &mm)) {
		*loc = mm.loc;
		*expr = mm.value ? mm.value : cursor_text(value);
		free(mm.macro);
	} else {
		if (!cursor_in_tree(ctx, member, loc))
			src_loc_set(loc, "<unknown>", 0, 0);
		*expr = cursor_text(value);
	}
	*is_constant = cursor_eval_unsigned(cursor_strip(value), v);
}

static void record_ops_designator(struct collect_ctx *ctx, CXCursor c)
{
	struct ops_use *use = xcalloc(1, sizeof(*use));
	CXCursor value = designator_value(ctx->stack[ctx->depth].cursor);

	use->kind = USE_INIT;
	use->member_file = member_file(ctx, c);
	use->member_absent = field_is_stand_in(clang_getCursorReferenced(c));
	use->function = dup_or_null(ctx->function);
	use->ops_name = dup_or_null(ctx->ops_name);
	use->ops_file = dup_or_null(ctx->ops_file);
	describe_pgsize_init(ctx, c, value, &use->loc, &use->expr,
			     &use->is_constant, &use->value);
	vec_push(&ctx->inv->uses, use);
}

static void add_callback(struct vec *list, const char *via, char *function,
			 const struct src_loc *loc)
{
	struct callback *cb = xcalloc(1, sizeof(*cb));

	cb->via = xstrdup(via);
	cb->function = function;
	src_loc_set(&cb->loc, loc->file, loc->line, loc->col);
	vec_push(list, cb);
}

/* What to call for each designated member of an initializer list. */
struct designator_visitor {
	void (*fn)(CXCursor member, CXCursor value, void *data);
	void *data;
};

static void visit_designators(CXCursor init_list,
				const struct designator_visitor *v)
{
	unsigned int i, n = cursor_child_count(init_list);

	for (i = 0; i < n; i++) {
		CXCursor d = cursor_child(init_list, i);
		unsigned int k = cursor_child_count(d);
		CXCursor member;

		if (clang_getCursorKind(d) != CXCursor_UnexposedExpr || k < 2)
			continue;
		member = cursor_child(d, k - 2);
		if (clang_getCursorKind(member) != CXCursor_MemberRef)
			continue;
		v->fn(member, cursor_child(d, k - 1), v->data);
	}
}

struct attach_search {
	struct collect_ctx *ctx;
	struct vec *out;
	const char *via;
	int depth;
	CXCursor *paging_attach;	/* set for default_domain_ops */
};

static void find_attach(CXCursor member, CXCursor value, void *data);

static void follow_domain_ops(struct attach_search *s, CXCursor value)
{
	CXCursor list = resolve_init_list(value);

	if (!cursor_is_null(list) && s->depth < 4) {
		s->depth++;
		visit_designators(list, &(struct designator_visitor){
			.fn = find_attach, .data = s });
		s->depth--;
	}
}

/* Looks through domain objects and domain ops for attach_dev. */
static void find_attach(CXCursor member, CXCursor value, void *data)
{
	struct attach_search *s = data;
	CXCursor field = clang_getCursorReferenced(member);
	CXType type = clang_getCursorType(field);
	struct src_loc loc;
	char *fn;

	if (member_of(member, DOMAIN_OPS_STRUCT, ATTACH_MEMBER)) {
		fn = callback_function(value);
		if (!fn)
			return;
		if (!cursor_in_tree(s->ctx, member, &loc))
			src_loc_set(&loc, "<unknown>", 0, 0);
		add_callback(s->out, s->via, fn, &loc);
		free(loc.file);
		if (s->paging_attach)
			*s->paging_attach = function_definition(value);
		return;
	}
	if (type_is_pointer_to_record(type, DOMAIN_OPS_STRUCT))
		follow_domain_ops(s, value);
}

struct ops_search {
	struct collect_ctx *ctx;
	struct ops_object *ops;
	struct ops_site *site;
};

static void inspect_ops_member(CXCursor member, CXCursor value, void *data)
{
	struct ops_search *s = data;
	CXCursor field = clang_getCursorReferenced(member);
	CXType type = clang_getCursorType(field);
	char *name = cursor_spelling(field);
	struct attach_search as = {
		.ctx = s->ctx, .out = &s->ops->attach, .via = name,
	};
	struct src_loc loc;
	char *fn;

	if (member_of(member, OPS_STRUCT, PGSIZE_MEMBER)) {
		s->ops->has_pgsize = true;
		describe_pgsize_init(s->ctx, member, value, &s->ops->pgsize_loc,
				     &s->ops->pgsize_expr,
				     &s->ops->pgsize_is_constant,
				     &s->ops->pgsize_value);
	} else if (type_is_function_returning_record_pointer(type,
							     DOMAIN_STRUCT)) {
		fn = callback_function(value);
		if (fn) {
			struct alloc_def *a = xcalloc(1, sizeof(*a));

			if (!cursor_in_tree(s->ctx, member, &loc))
				src_loc_set(&loc, "<unknown>", 0, 0);
			add_callback(&s->ops->alloc, name, fn, &loc);
			free(loc.file);
			a->member = xstrdup(name);
			a->def = function_definition(value);
			vec_push(&s->site->allocs, a);
		}
	} else if (type_is_pointer_to_record(type, DOMAIN_OPS_STRUCT)) {
		/* The default domain ops are the paging domains' ops. */
		as.paging_attach = &s->site->attach;
		s->site->default_ops = value;
		follow_domain_ops(&as, value);
	} else if (type_is_pointer_to_record(type, DOMAIN_STRUCT)) {
		/* A static domain: its .ops leads to attach_dev. */
		CXCursor list = resolve_init_list(value);

		if (!cursor_is_null(list))
			visit_designators(list, &(struct designator_visitor){
				.fn = find_attach, .data = &as });
	}
	free(name);
}

struct ops_store_search {
	struct attach_search *as;
	int depth;
};

/*
 * "dom->ops = &paging_ops" in an allocator or a function of this file it
 * calls: the attach_dev of those ops attaches its paging domains.
 */
static enum CXChildVisitResult find_ops_store(CXCursor c, CXCursor parent,
					      CXClientData data)
{
	struct ops_store_search *s = data;
	CXCursor lhs, rhs, def;

	if (!cursor_is_null(*s->as->paging_attach))
		return CXChildVisit_Break;
	if (clang_getCursorKind(c) == CXCursor_CallExpr) {
		def = flow_followable_callee(c, clang_getNullCursor(), s->depth);
		if (!cursor_is_null(def)) {
			s->depth++;
			clang_visitChildren(def, find_ops_store, s);
			s->depth--;
		}
		return CXChildVisit_Recurse;
	}
	if (clang_getCursorKind(c) != CXCursor_BinaryOperator)
		return CXChildVisit_Recurse;
	lhs = cursor_strip(cursor_child(c, 0));
	rhs = cursor_strip(cursor_child(c, 1));
	if (clang_getCursorKind(lhs) == CXCursor_MemberRefExpr &&
	    member_of(lhs, DOMAIN_STRUCT, DOMAIN_OPS_MEMBER) &&
	    flow_domain_ops_map(rhs))
		follow_domain_ops(s->as, rhs);
	return CXChildVisit_Recurse;
}

/*
 * Ops without default_domain_ops whose paging allocators install the
 * domain ops themselves (7.x generic page-table drivers): their attach.
 */
static void find_allocator_attach(struct collect_ctx *ctx,
				  struct ops_site *site)
{
	struct vec scratch = { 0 };
	struct attach_search as = {
		.ctx = ctx, .out = &scratch, .via = "domain_alloc",
		.paging_attach = &site->attach,
	};
	struct ops_store_search s = { .as = &as };
	size_t i;

	for (i = 0; i < site->allocs.nr && cursor_is_null(site->attach); i++) {
		struct alloc_def *a = site->allocs.items[i];

		if (!cursor_is_null(a->def))
			clang_visitChildren(a->def, find_ops_store, &s);
	}
	vec_free(&scratch, callback_free);
}

static int cmp_callback(const void *a, const void *b)
{
	const struct callback *ca = *(const struct callback *const *)a;
	const struct callback *cb = *(const struct callback *const *)b;
	int c = strcmp(ca->via, cb->via);

	return c ? c : strcmp(ca->function, cb->function);
}

static CXCursor init_list_of(CXCursor var)
{
	unsigned int i, n = cursor_child_count(var);

	for (i = 0; i < n; i++) {
		CXCursor c = cursor_child(var, i);

		if (clang_getCursorKind(c) == CXCursor_InitListExpr)
			return c;
	}
	return clang_getNullCursor();
}

static struct ops_object *record_ops_object(struct collect_ctx *ctx,
					    CXCursor var, CXCursor list)
{
	struct ops_object *ops = xcalloc(1, sizeof(*ops));
	struct ops_site *site = xcalloc(1, sizeof(*site));
	struct ops_search s = { .ctx = ctx, .ops = ops, .site = site };
	CXType type = clang_getCursorType(var);
	CXCursor expansion;

	ops->name = cursor_spelling(var);
	if (!cursor_in_tree(ctx, var, &ops->loc))
		src_loc_set(&ops->loc, "<unknown>", 0, 0);
	ops->is_const = clang_isConstQualifiedType(type);
	/* Which side of the migration: the tree's own declaration says. */
	ops->ops_member = record_has_field(type, PGSIZE_MEMBER);
	ops->is_static = clang_Cursor_getStorageClass(var) == CX_SC_Static;
	/* A definition that starts inside a macro expansion came from it. */
	expansion = clang_getCursor(ctx->tu, clang_getRangeStart(
					    clang_getCursorExtent(var)));
	if (clang_getCursorKind(expansion) == CXCursor_MacroExpansion)
		ops->macro = cursor_spelling(expansion);
	site->root = ctx->root;
	site->ops = ops;
	site->attach = clang_getNullCursor();
	site->default_ops = clang_getNullCursor();
	site->ops_type = type;
	site->unset_alloc = clang_getNullCursor();
	visit_designators(list, &(struct designator_visitor){
		.fn = inspect_ops_member, .data = &s });
	if (cursor_is_null(site->attach))
		find_allocator_attach(ctx, site);
	vec_push(ctx->sites, site);
	vec_sort(&ops->alloc, cmp_callback);
	vec_sort(&ops->attach, cmp_callback);
	vec_push(&ctx->inv->ops, ops);
	return ops;
}

static void walk(struct collect_ctx *ctx, CXCursor c);

/* Another file may call it: what it stores through its parameters. */
static void record_summary(struct collect_ctx *ctx, CXCursor fn,
			   const char *name)
{
	struct store_summary *sum;
	struct src_loc loc;
	int param;

	if (clang_Cursor_getStorageClass(fn) == CX_SC_Static)
		return;
	param = summary_domain_param(fn);
	if (param < 0 || !cursor_in_tree(ctx, fn, &loc))
		return;
	sum = xcalloc(1, sizeof(*sum));
	sum->function = xstrdup(name);
	sum->file = loc.file;
	sum->param = param;
	vec_push(&ctx->inv->summaries, sum);
}

static enum CXChildVisitResult visit(CXCursor c, CXCursor parent,
				     CXClientData data)
{
	struct collect_ctx *ctx = data;

	walk(ctx, c);
	return CXChildVisit_Continue;
}

static void walk(struct collect_ctx *ctx, CXCursor c)
{
	unsigned int idx = ctx->stack[ctx->depth].next_child++;
	const char *saved_function = ctx->function;
	const char *saved_ops = ctx->ops_name;
	const char *saved_ops_file = ctx->ops_file;
	struct ops_object *ops = NULL;
	char *function = NULL;
	CXCursor list;

	switch (clang_getCursorKind(c)) {
	case CXCursor_FunctionDecl:
		if (!clang_isCursorDefinition(c))
			return;
		function = cursor_spelling(c);
		ctx->function = function;
		record_summary(ctx, c, function);
		break;
	case CXCursor_VarDecl:
		if (!type_is_record(clang_getCursorType(c), OPS_STRUCT))
			break;
		list = init_list_of(c);
		if (cursor_is_null(list))
			break;
		ops = record_ops_object(ctx, c, list);
		ctx->ops_name = ops->name;
		ctx->ops_file = ops->loc.file;
		break;
	case CXCursor_MemberRef:
		if (member_of(c, OPS_STRUCT, PGSIZE_MEMBER))
			record_ops_designator(ctx, c);
		return;
	case CXCursor_MemberRefExpr:
		if (member_of(c, OPS_STRUCT, PGSIZE_MEMBER))
			record_ops_member_expr(ctx, c, idx);
		else if (member_of(c, DOMAIN_STRUCT, PGSIZE_MEMBER))
			record_domain_member_expr(ctx, c, idx);
		break;
	default:
		break;
	}

	if (ctx->depth + 1 < MAX_DEPTH) {
		ctx->depth++;
		ctx->stack[ctx->depth].cursor = c;
		ctx->stack[ctx->depth].next_child = 0;
		ctx->stack[ctx->depth].index = idx;
		clang_visitChildren(c, visit, ctx);
		ctx->depth--;
	}
	ctx->function = saved_function;
	ctx->ops_name = saved_ops;
	ctx->ops_file = saved_ops_file;
	free(function);
}

static enum CXChildVisitResult visit_top(CXCursor c, CXCursor parent,
					 CXClientData data)
{
	struct collect_ctx *ctx = data;
	CXSourceLocation loc = clang_getCursorLocation(c);
	struct file_relevance *info;
	unsigned int line;
	CXFile file;

	clang_getExpansionLocation(loc, &file, &line, NULL, NULL);
	if (!file)
		return CXChildVisit_Continue;
	info = file_info(ctx, file);
	if (!info->rel_path || !info->relevant)
		return CXChildVisit_Continue;
	if (ctx->only && !regions_contain(ctx->only, info->rel_path, line))
		return CXChildVisit_Continue;
	walk(ctx, c);
	return CXChildVisit_Continue;
}

static void alloc_def_free(void *p)
{
	struct alloc_def *a = p;

	free(a->member);
	free(a);
}

void ops_site_free(void *p)
{
	struct ops_site *site = p;

	vec_free(&site->allocs, alloc_def_free);
	free(site);
}

void collect_translation_unit(CXTranslationUnit tu, const char *root,
			      const struct vec *only, struct inventory *inv,
			      struct vec *sites)
{
	struct collect_ctx ctx = {
		.tu = tu,
		.root = root,
		.root_len = strlen(root),
		.inv = inv,
		.sites = sites,
		.only = only,
	};
	size_t i;

	ctx.stack[0].cursor = clang_getTranslationUnitCursor(tu);
	clang_visitChildren(ctx.stack[0].cursor, visit_top, &ctx);
	for (i = 0; i < ctx.nr_files; i++)
		free(ctx.files[i].rel_path);
	free(ctx.files);
}
