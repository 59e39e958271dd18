// SPDX-License-Identifier: GPL-2.0
#include <stdlib.h>
#include <string.h>

#include "ast/collect.h"
#include "ast/cursor.h"
#include "ast/flow.h"
#include "ast/types.h"
#include "lib/util.h"

#define MAX_LABELS 64

struct state {
	bool reachable;
	bool set;
};

struct label_state {
	char *name;
	struct state st;
};

struct flow {
	CXCursor fn;
	int depth;
	bool pointer_result;
	struct flow_result *res;
	struct label_state labels[MAX_LABELS];
	int nr_labels;
	/* Where break and continue go: the innermost switch or loop. */
	struct state *brk;
	struct state *cont;
	/* The innermost switch: its state on entry, and a default label. */
	struct state *switch_entry;
	bool *switch_default;
};

static struct state walk(struct flow *fl, CXCursor s, struct state st);
static void flow_analyse_depth(CXCursor fn, struct flow_result *res,
			       int depth);

static struct state merge(struct state a, struct state b)
{
	if (!a.reachable)
		return b;
	if (!b.reachable)
		return a;
	return (struct state){ .reachable = true, .set = a.set && b.set };
}

CXCursor function_definition(CXCursor expr)
{
	CXCursor c = cursor_strip(expr);
	CXCursor decl;

	if (clang_getCursorKind(c) == CXCursor_UnaryOperator)
		c = cursor_strip(cursor_child(c, 0));
	decl = clang_getCursorReferenced(c);
	if (clang_getCursorKind(decl) != CXCursor_FunctionDecl)
		return clang_getNullCursor();
	return clang_getCursorDefinition(decl);
}

CXCursor flow_followable_callee(CXCursor call, CXCursor self, int depth)
{
	CXCursor def;

	if (depth >= FLOW_MAX_DEPTH)
		return clang_getNullCursor();
	def = function_definition(call);
	if (cursor_is_null(def) ||
	    !clang_Location_isFromMainFile(clang_getCursorLocation(def)) ||
	    clang_equalCursors(def, self))
		return clang_getNullCursor();
	return def;
}

static bool is_domain_pgsize(CXCursor c)
{
	c = cursor_strip(c);
	return clang_getCursorKind(c) == CXCursor_MemberRefExpr &&
	       member_of(c, DOMAIN_STRUCT, PGSIZE_MEMBER);
}

static bool callee_sets(struct flow *fl, CXCursor call);

/* Is @name one of the comma-separated @list? */
static bool listed(const char *list, const char *name)
{
	size_t len = strlen(name);
	const char *p = list;

	while (p && *p) {
		if (!strncmp(p, name, len) && (p[len] == ',' || !p[len]))
			return true;
		p = strchr(p, ',');
		p = p ? p + 1 : NULL;
	}
	return false;
}

/* Add the comma-separated @names to the setters, each once. */
static void add_setters(struct flow_result *res, const char *names)
{
	struct strbuf sb = { 0 };
	const char *p = names;
	char *name;
	size_t len;

	if (!names)
		return;
	strbuf_addstr(&sb, res->setter ? res->setter : "");
	while (*p) {
		len = strcspn(p, ",");
		name = xstrndup(p, len);
		if (len && !listed(sb.buf, name)) {
			if (sb.len)
				strbuf_addstr(&sb, ",");
			strbuf_addstr(&sb, name);
		}
		free(name);
		p += len + (p[len] == ',');
	}
	free(res->setter);
	res->setter = strbuf_detach(&sb);
}

/*
 * "domain->pgsize_bitmap = x" or "|= x": the domain gets sizes here.
 * "&= x" only narrows sizes something else gave it.
 */
static bool is_domain_store(CXCursor c)
{
	enum CXCursorKind kind = clang_getCursorKind(c);
	bool store = false;
	char *op;

	if ((kind != CXCursor_BinaryOperator &&
	     kind != CXCursor_CompoundAssignOperator) ||
	    !is_domain_pgsize(cursor_child(c, 0)))
		return false;
	op = binary_operator(c);
	store = op && (kind == CXCursor_BinaryOperator ? !strcmp(op, "=") :
		       strcmp(op, "&="));
	free(op);
	return store;
}

struct effects {
	struct flow *fl;
	bool set;
};

/* Does evaluating this expression store a domain's page sizes? */
static enum CXChildVisitResult find_effects(CXCursor c, CXCursor parent,
					    CXClientData data)
{
	struct effects *e = data;
	enum CXCursorKind kind = clang_getCursorKind(c);

	if (is_domain_store(c)) {
		char *fn = cursor_spelling(e->fl->fn);

		e->set = true;
		add_setters(e->fl->res, fn);
		free(fn);
	} else if (kind == CXCursor_CallExpr && callee_sets(e->fl, c)) {
		e->set = true;
	}
	if (e->set)
		return CXChildVisit_Break;
	/* Bodies of nested statements are walked as statements. */
	if (kind == CXCursor_StmtExpr)
		return CXChildVisit_Continue;
	return CXChildVisit_Recurse;
}

static bool expression_sets(struct flow *fl, CXCursor expr)
{
	struct effects e = { .fl = fl };

	find_effects(expr, clang_getNullCursor(), &e);
	if (!e.set)
		clang_visitChildren(expr, find_effects, &e);
	if (e.set)
		fl->res->any_set = true;
	return e.set;
}

/*
 * A function defined in another translation unit, given a pointer that
 * reaches a domain: assumed to store its sizes, noted for confirmation.
 */
static bool external_sets(struct flow *fl, CXCursor call)
{
	CXCursor callee = clang_getCursorReferenced(call);
	int i, n = clang_Cursor_getNumArguments(call);
	char *name;

	if (!fl->res->assumed ||
	    clang_getCursorKind(callee) != CXCursor_FunctionDecl ||
	    !cursor_is_null(clang_getCursorDefinition(callee)))
		return false;
	for (i = 0; i < n; i++) {
		CXType t = clang_getCursorType(clang_Cursor_getArgument(call, i));
		char *need;

		if (!type_reaches_record(t, DOMAIN_STRUCT))
			continue;
		name = cursor_spelling(callee);
		need = xasprintf("%s:%d", name, i);
		free(name);
		if (vec_contains_str(fl->res->assumed, need))
			free(need);
		else
			vec_push(fl->res->assumed, need);
		return true;
	}
	return false;
}

/* A callee in this file that stores the sizes on all its success paths. */
static bool callee_sets(struct flow *fl, CXCursor call)
{
	/* Recursion is bounded by the depth alone here. */
	CXCursor def = flow_followable_callee(call, clang_getNullCursor(),
					      fl->depth);
	struct flow_result sub = { 0 };
	struct vec assumed = { 0 };
	bool sets;
	char *name;
	size_t i;

	if (cursor_is_null(def))
		return external_sets(fl, call);
	/* The callee's assumptions count only if it sets on every path. */
	sub.assumed = fl->res->assumed ? &assumed : NULL;
	flow_analyse_depth(def, &sub, fl->depth + 1);
	sets = sub.all_set && sub.any_set;
	if (sets) {
		/* The helper gives sizes, and so does what it calls. */
		name = cursor_spelling(def);
		add_setters(fl->res, name);
		add_setters(fl->res, sub.setter);
		free(name);
		for (i = 0; i < assumed.nr; i++) {
			if (vec_contains_str(fl->res->assumed, assumed.items[i]))
				continue;
			vec_push(fl->res->assumed, assumed.items[i]);
			assumed.items[i] = NULL;
		}
	}
	vec_free(&assumed, free);
	flow_result_release(&sub);
	return sets;
}

static struct label_state *label(struct flow *fl, const char *name)
{
	int i;

	for (i = 0; i < fl->nr_labels; i++)
		if (!strcmp(fl->labels[i].name, name))
			return &fl->labels[i];
	if (fl->nr_labels == MAX_LABELS)
		return NULL;
	fl->labels[fl->nr_labels].name = xstrdup(name);
	fl->labels[fl->nr_labels].st = (struct state){ 0 };
	return &fl->labels[fl->nr_labels++];
}

struct type_search {
	bool non_paging;	/* a store says: not a paging domain */
	bool paging;		/* a store of domain ops that map */
	bool ops_stored;	/* any store of domain ops */
	int depth;		/* of the helper searched */
};

/*
 * "d->ops = &ops": paging if those domain ops map (map_pages; before 6.2
 * .map alone) or translate through a function of another file
 * (iova_to_phys of a page-table library, which maps through its own ops:
 * 7.x generic page-table domains).
 */
static void note_ops_store(struct type_search *s, CXCursor value)
{
	static const char *const members[] = {
		DOMAIN_MAP_MEMBER, DOMAIN_OLD_MAP_MEMBER,
		DOMAIN_TRANSLATE_MEMBER,
	};
	CXCursor list = resolve_init_list(value);
	CXCursor member;
	size_t i;

	if (cursor_is_null(list))
		return;
	for (i = 0; i < ARRAY_SIZE(members); i++) {
		member = init_list_member(list, DOMAIN_OPS_STRUCT, members[i]);
		if (cursor_is_null(member))
			continue;
		/*
		 * A driver's own iova_to_phys without map_pages translates a
		 * table it cannot map (not paging); a library's maps too.
		 */
		if (strcmp(members[i], DOMAIN_TRANSLATE_MEMBER) ||
		    cursor_is_null(function_definition(member))) {
			s->paging = true;
			return;
		}
	}
	s->non_paging = true;
}

bool flow_domain_ops_map(CXCursor value)
{
	struct type_search s = { 0 };

	note_ops_store(&s, value);
	return s.paging;
}

/*
 * "d->type = IOMMU_DOMAIN_NESTED": a constant without the paging bit;
 * "d->ops = &nested_ops": domain ops that neither map nor translate.
 */
static enum CXChildVisitResult find_type_store(CXCursor c, CXCursor parent,
					       CXClientData data)
{
	struct type_search *s = data;
	unsigned long long type;
	CXCursor lhs, rhs, def;

	if (clang_getCursorKind(c) == CXCursor_CallExpr) {
		/*
		 * A helper of this file that returns a domain, or the struct
		 * embedding one, made it: what it stores counts.
		 */
		def = flow_followable_callee(c, clang_getNullCursor(),
					     s->depth);
		if (!cursor_is_null(def) &&
		    type_reaches_record(clang_getCursorResultType(def),
					DOMAIN_STRUCT)) {
			s->depth++;
			clang_visitChildren(def, find_type_store, s);
			s->depth--;
		}
		return CXChildVisit_Recurse;
	}
	if (clang_getCursorKind(c) != CXCursor_BinaryOperator)
		return CXChildVisit_Recurse;
	lhs = cursor_strip(cursor_child(c, 0));
	rhs = cursor_strip(cursor_child(c, 1));
	if (clang_getCursorKind(lhs) != CXCursor_MemberRefExpr)
		return CXChildVisit_Recurse;
	if (member_of(lhs, DOMAIN_STRUCT, DOMAIN_TYPE_MEMBER) &&
	    cursor_eval_unsigned(rhs, &type) && !(type & DOMAIN_PAGING_BIT))
		s->non_paging = true;
	else if (member_of(lhs, DOMAIN_STRUCT, DOMAIN_OPS_MEMBER)) {
		s->ops_stored = true;
		note_ops_store(s, rhs);
	}
	return CXChildVisit_Recurse;
}

bool flow_allocates_non_paging(CXCursor def)
{
	struct type_search s = { 0 };

	if (cursor_is_null(def))
		return false;
	clang_visitChildren(def, find_type_store, &s);
	return s.non_paging && !s.paging;
}

bool flow_domain_ops_translate_only(CXCursor value)
{
	CXCursor list = resolve_init_list(value);
	CXCursor translate;

	if (cursor_is_null(list) ||
	    !cursor_is_null(init_list_member(list, DOMAIN_OPS_STRUCT,
					     DOMAIN_MAP_MEMBER)) ||
	    !cursor_is_null(init_list_member(list, DOMAIN_OPS_STRUCT,
					     DOMAIN_OLD_MAP_MEMBER)))
		return false;
	translate = init_list_member(list, DOMAIN_OPS_STRUCT,
				     DOMAIN_TRANSLATE_MEMBER);
	return !cursor_is_null(translate) &&
	       !cursor_is_null(function_definition(translate));
}

bool flow_stores_domain_ops(CXCursor def)
{
	struct type_search s = { 0 };

	if (cursor_is_null(def))
		return false;
	clang_visitChildren(def, find_type_store, &s);
	return s.ops_stored;
}

/* A same-file allocator of nested, identity or blocked domains. */
static bool allocates_non_paging(CXCursor call)
{
	return flow_allocates_non_paging(function_definition(call));
}

/*
 * A domain another translation unit allocates and hands back as it is
 * (e.g. a nested domain): judged where it is made, not here.
 */
static bool allocated_elsewhere(CXCursor call)
{
	CXCursor callee = clang_getCursorReferenced(call);

	return !cursor_is_null(callee) &&
	       cursor_is_null(clang_getCursorDefinition(callee)) &&
	       clang_getCursorKind(callee) == CXCursor_FunctionDecl;
}

/*
 * Is this returned value a failure, not a paging domain at all, or not
 * this file's to judge?
 */
static bool failure_value(struct flow *fl, CXCursor value)
{
	CXCursor v = cursor_strip(value);
	unsigned long long n;
	char *callee;
	bool fail;

	if (cursor_eval_unsigned(v, &n))
		return fl->pointer_result ? n == 0 : n != 0;
	switch (clang_getCursorKind(v)) {
	case CXCursor_CallExpr:
		/* ERR_PTR(), ERR_CAST() and friends wrap an error code. */
		callee = cursor_spelling(v);
		fail = starts_with(callee, "ERR_");
		free(callee);
		return fail || allocates_non_paging(v) ||
		       allocated_elsewhere(v);
	case CXCursor_UnaryOperator: {
		/* &static_domain (or &static_x.domain): identity, blocked. */
		CXCursor target = cursor_strip(cursor_child(v, 0));
		CXCursor decl;

		while (clang_getCursorKind(target) == CXCursor_MemberRefExpr &&
		       cursor_child_count(target) == 1)
			target = cursor_strip(cursor_child(target, 0));
		decl = clang_getCursorReferenced(target);

		return clang_getCursorKind(target) == CXCursor_DeclRefExpr &&
		       clang_getCursorKind(decl) == CXCursor_VarDecl &&
		       clang_getCursorKind(clang_getCursorSemanticParent(decl)) ==
		       CXCursor_TranslationUnit;
	}
	case CXCursor_DeclRefExpr:
		/* "return ret;" from an int helper: assume an error code. */
		return !fl->pointer_result;
	default:
		return false;
	}
}

static void note_return(struct flow *fl, CXCursor ret, struct state st)
{
	CXCursor value = cursor_child(ret, 0);

	if (!cursor_is_null(value) && failure_value(fl, value))
		return;
	if (!st.set) {
		fl->res->all_set = false;
		if (!fl->res->has_unset) {
			fl->res->has_unset = true;
			fl->res->unset_return = ret;
		}
	}
}

static struct state walk_children(struct flow *fl, CXCursor s,
				  struct state st)
{
	unsigned int i, n = cursor_child_count(s);

	for (i = 0; i < n; i++)
		st = walk(fl, cursor_child(s, i), st);
	return st;
}

static struct state walk_if(struct flow *fl, CXCursor s, struct state st)
{
	unsigned int n = cursor_child_count(s);
	struct state then_st, else_st;

	/* IfStmt: condition, then, optional else. */
	if (expression_sets(fl, cursor_child(s, 0)))
		st.set = true;
	then_st = walk(fl, cursor_child(s, 1), st);
	else_st = n > 2 ? walk(fl, cursor_child(s, 2), st) : st;
	return merge(then_st, else_st);
}

/* A loop body may run zero times; break and continue may leave it. */
static struct state walk_loop(struct flow *fl, CXCursor s, struct state st)
{
	struct state out = { 0 }, *brk = fl->brk, *cont = fl->cont;
	struct state body;

	fl->brk = &out;
	fl->cont = &out;
	body = walk_children(fl, s, st);
	fl->brk = brk;
	fl->cont = cont;
	return merge(merge(st, body), out);
}

/*
 * A switch runs its body from a case label, or skips it when no label
 * matches and there is no default; break leaves it.
 */
static struct state walk_switch(struct flow *fl, CXCursor s, struct state st)
{
	struct state out = { 0 }, *brk = fl->brk, *entry = fl->switch_entry;
	struct state body = { 0 };	/* only a case label enters it */
	bool has_default = false, *had_default = fl->switch_default;
	unsigned int i, n = cursor_child_count(s);

	/* The condition (and its variable), then the body. */
	for (i = 0; i + 1 < n; i++)
		st = walk(fl, cursor_child(s, i), st);
	if (!n)
		return st;
	fl->brk = &out;
	fl->switch_entry = &st;
	fl->switch_default = &has_default;
	body = walk(fl, cursor_child(s, n - 1), body);
	out = merge(out, body);
	fl->brk = brk;
	fl->switch_entry = entry;
	fl->switch_default = had_default;
	return has_default ? out : merge(out, st);
}

static struct state walk(struct flow *fl, CXCursor s, struct state st)
{
	struct label_state *ls;
	unsigned int n;
	char *name;

	switch (clang_getCursorKind(s)) {
	case CXCursor_CompoundStmt:
		return walk_children(fl, s, st);
	case CXCursor_IfStmt:
		return walk_if(fl, s, st);
	case CXCursor_ReturnStmt:
		if (st.reachable) {
			CXCursor value = cursor_child(s, 0);

			if (!cursor_is_null(value) && expression_sets(fl, value))
				st.set = true;
			note_return(fl, s, st);
		}
		st.reachable = false;
		return st;
	case CXCursor_GotoStmt:
		name = cursor_spelling(clang_getCursorReferenced(s));
		ls = label(fl, name);
		if (ls && st.reachable)
			ls->st = merge(ls->st, st);
		free(name);
		st.reachable = false;
		return st;
	case CXCursor_LabelStmt:
		name = cursor_spelling(s);
		ls = label(fl, name);
		if (ls)
			st = merge(st, ls->st);
		free(name);
		return walk_children(fl, s, st);
	case CXCursor_WhileStmt:
	case CXCursor_ForStmt:
	case CXCursor_DoStmt:
		return walk_loop(fl, s, st);
	case CXCursor_SwitchStmt:
		return walk_switch(fl, s, st);
	case CXCursor_CaseStmt:
	case CXCursor_DefaultStmt:
		/* Entered from the switch, or falling through. */
		if (fl->switch_entry) {
			st = merge(st, *fl->switch_entry);
			if (clang_getCursorKind(s) == CXCursor_DefaultStmt)
				*fl->switch_default = true;
		}
		n = cursor_child_count(s);
		return n ? walk(fl, cursor_child(s, n - 1), st) : st;
	case CXCursor_BreakStmt:
		if (fl->brk && st.reachable)
			*fl->brk = merge(*fl->brk, st);
		st.reachable = false;
		return st;
	case CXCursor_ContinueStmt:
		/* Back to the loop's test, which may leave it. */
		if (fl->cont && st.reachable)
			*fl->cont = merge(*fl->cont, st);
		st.reachable = false;
		return st;
	default:
		if (st.reachable && expression_sets(fl, s))
			st.set = true;
		return st;
	}
}

void flow_analyse(CXCursor fn, struct flow_result *res)
{
	res->assumed = NULL;
	flow_analyse_depth(fn, res, 0);
}

void flow_analyse_assuming(CXCursor fn, struct flow_result *res,
			   struct vec *assumed)
{
	res->assumed = assumed;
	flow_analyse_depth(fn, res, 0);
	res->assumed = NULL;
}

static void flow_analyse_depth(CXCursor fn, struct flow_result *res,
			       int depth)
{
	struct flow fl = { .fn = fn, .depth = depth, .res = res };
	CXType result = clang_getCursorResultType(fn);
	unsigned int i, n = cursor_child_count(fn);
	struct state st = { .reachable = true };
	struct vec *assumed = res->assumed;
	int k;

	memset(res, 0, sizeof(*res));
	res->assumed = assumed;
	res->all_set = true;
	fl.pointer_result = clang_getCanonicalType(result).kind ==
			    CXType_Pointer;
	for (i = 0; i < n; i++) {
		CXCursor body = cursor_child(fn, i);

		if (clang_getCursorKind(body) != CXCursor_CompoundStmt)
			continue;
		st = walk(&fl, body, st);
		/* Falling off the end of a void function succeeds. */
		if (st.reachable && !fl.pointer_result && !st.set)
			res->all_set = false;
	}
	for (k = 0; k < fl.nr_labels; k++)
		free(fl.labels[k].name);
}

void flow_result_release(struct flow_result *res)
{
	free(res->setter);
	res->setter = NULL;
}

/* "domain->pgsize_bitmap = x": sizes given, not merely added to. */
static bool is_domain_assignment(CXCursor c)
{
	return clang_getCursorKind(c) == CXCursor_BinaryOperator &&
	       is_domain_store(c);
}

struct chain_search {
	struct store_chain *ch;
	int depth;
	bool found;
};

static bool find_chain(struct store_chain *ch, int depth);

static enum CXChildVisitResult find_chain_step(CXCursor c, CXCursor parent,
					       CXClientData data)
{
	struct chain_search *s = data;
	CXCursor def;

	if (is_domain_assignment(c)) {
		s->ch->store = c;
		s->ch->depth = s->depth;
		s->found = true;
		return CXChildVisit_Break;
	}
	if (clang_getCursorKind(c) != CXCursor_CallExpr)
		return CXChildVisit_Recurse;
	def = flow_followable_callee(c, s->ch->fn[s->depth], s->depth);
	if (cursor_is_null(def))
		return CXChildVisit_Recurse;
	s->ch->call[s->depth] = c;
	s->ch->fn[s->depth + 1] = def;
	if (find_chain(s->ch, s->depth + 1)) {
		s->found = true;
		return CXChildVisit_Break;
	}
	return CXChildVisit_Recurse;
}

static bool find_chain(struct store_chain *ch, int depth)
{
	struct chain_search s = { .ch = ch, .depth = depth };

	clang_visitChildren(ch->fn[depth], find_chain_step, &s);
	return s.found;
}

bool flow_store_chain(CXCursor fn, struct store_chain *chain)
{
	memset(chain, 0, sizeof(*chain));
	chain->fn[0] = fn;
	return find_chain(chain, 0);
}

bool flow_reaches_store(CXCursor fn, char **setter)
{
	struct store_chain ch;

	*setter = NULL;
	if (!flow_store_chain(fn, &ch))
		return false;
	*setter = cursor_spelling(ch.fn[ch.depth]);
	return true;
}
