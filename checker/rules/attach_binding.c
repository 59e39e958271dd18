// SPDX-License-Identifier: GPL-2.0
/*
 * attach-binding: does a domain record, the first time it is attached,
 * what belongs to that IOMMU instance (a pointer to it, an id from its
 * pool, memory mapped with its device, its registers), and then serve a
 * device behind another instance with that record? Decided from types and
 * data flow: an instance embeds struct iommu_device, a domain embeds
 * struct iommu_domain.
 */
#include <stdlib.h>
#include <string.h>

#include "ast/collect.h"
#include "ast/cursor.h"
#include "ast/flow.h"
#include "ast/types.h"
#include "rules/rules.h"

#define MAX_STATE 16

/* A domain field given instance state. */
struct state_set {
	CXCursor field;
	CXCursor set;		/* the assignment */
	CXCursor fn;		/* the function it is in */
	bool first_only;	/* under a "still unset" condition */
};

struct binding_walk {
	CXCursor fn;
	int depth;
	bool first_only;	/* code that runs only at the first attach */
	bool in_condition;	/* inside a first-time test */
	struct state_set sets[MAX_STATE];
	int nr_sets;
	CXCursor locals[MAX_STATE];	/* variables holding derived values */
	int nr_locals;
	CXCursor guard;		/* rejects a device on another instance */
	CXCursor guard_fn;
	CXCursor exclusive;	/* fails while the domain is still in use */
	CXCursor list_add;	/* links per-instance state to the domain */
	CXCursor list_fn;
	CXCursor use;		/* a record read outside the first attach */
	bool find_use;		/* second pass: look for @use */
};

static void walk(CXCursor c, struct binding_walk *w);

/* A field of the driver's domain struct (one embedding iommu_domain). */
static bool is_domain_field(CXCursor member_ref)
{
	CXCursor field, record;

	member_ref = cursor_strip(member_ref);
	if (clang_getCursorKind(member_ref) != CXCursor_MemberRefExpr)
		return false;
	field = clang_getCursorReferenced(member_ref);
	record = clang_getCursorSemanticParent(field);
	return clang_getCursorKind(field) == CXCursor_FieldDecl &&
	       record_embeds(clang_getCursorType(record), DOMAIN_STRUCT);
}

static bool is_local(CXCursor decl_ref, const struct binding_walk *w)
{
	CXCursor var = clang_getCursorReferenced(decl_ref);
	int i;

	for (i = 0; i < w->nr_locals; i++)
		if (clang_equalCursors(var, w->locals[i]))
			return true;
	return false;
}

struct instance_search {
	const struct binding_walk *w;
	bool found;
};

static enum CXChildVisitResult find_instance(CXCursor c, CXCursor parent,
					     CXClientData data)
{
	struct instance_search *s = data;
	CXCursor ref;

	switch (clang_getCursorKind(c)) {
	case CXCursor_DeclRefExpr:
		ref = clang_getCursorReferenced(c);
		if (clang_getCursorKind(ref) == CXCursor_VarDecl ||
		    clang_getCursorKind(ref) == CXCursor_ParmDecl)
			s->found = is_instance_pointer(clang_getCursorType(c)) ||
				   is_local(c, s->w);
		break;
	case CXCursor_MemberRefExpr:
		ref = clang_getCursorSemanticParent(clang_getCursorReferenced(c));
		s->found = record_embeds(clang_getCursorType(ref),
					 INSTANCE_MEMBER_STRUCT);
		break;
	default:
		break;
	}
	return s->found ? CXChildVisit_Break : CXChildVisit_Recurse;
}

static bool mentions_instance(CXCursor expr, const struct binding_walk *w)
{
	struct instance_search s = { .w = w };

	find_instance(expr, clang_getNullCursor(), &s);
	if (!s.found)
		clang_visitChildren(expr, find_instance, &s);
	return s.found;
}

/*
 * Instance state: the instance itself, what a call makes from it (an id
 * from its pool, memory mapped with its device) or an address into it (a
 * register base). Plain numbers copied from it are attributes, not state.
 */
static bool derived_from_instance(CXCursor value, const struct binding_walk *w)
{
	CXType t;

	value = cursor_strip(value);
	t = clang_getCursorType(value);
	if (is_instance_pointer(t))
		return true;
	if (clang_getCursorKind(value) == CXCursor_DeclRefExpr)
		return is_local(value, w);
	if (clang_getCursorKind(value) == CXCursor_CallExpr ||
	    clang_getCanonicalType(t).kind == CXType_Pointer)
		return mentions_instance(value, w);
	return false;
}

static void note_local(CXCursor var, CXCursor value, struct binding_walk *w)
{
	if (w->nr_locals < MAX_STATE && !cursor_is_null(value) &&
	    clang_getCursorKind(cursor_strip(value)) == CXCursor_CallExpr &&
	    derived_from_instance(value, w))
		w->locals[w->nr_locals++] = var;
}

static void add_set(CXCursor field_ref, CXCursor set, struct binding_walk *w)
{
	if (w->nr_sets == MAX_STATE)
		return;
	w->sets[w->nr_sets].field = clang_getCursorReferenced(field_ref);
	w->sets[w->nr_sets].set = set;
	w->sets[w->nr_sets].fn = w->fn;
	w->sets[w->nr_sets].first_only = w->first_only;
	w->nr_sets++;
}

static void note_assignment(CXCursor c, struct binding_walk *w)
{
	CXCursor lhs = cursor_strip(cursor_child(c, 0));
	CXCursor rhs = cursor_child(c, 1);
	char *op = binary_operator(c);
	bool assign = op && !strcmp(op, "=");

	free(op);
	if (!assign)
		return;
	if (clang_getCursorKind(lhs) == CXCursor_DeclRefExpr) {
		note_local(clang_getCursorReferenced(lhs), rhs, w);
		return;
	}
	/* A field that points to an instance holds one, whatever the cast. */
	if (is_domain_field(lhs) &&
	    (is_instance_pointer(clang_getCursorType(lhs)) ||
	     derived_from_instance(rhs, w)))
		add_set(lhs, c, w);
}

static bool is_set_field(CXCursor c, const struct binding_walk *w)
{
	CXCursor field;
	int i;

	c = cursor_strip(c);
	if (!is_domain_field(c))
		return false;
	field = clang_getCursorReferenced(c);
	for (i = 0; i < w->nr_sets; i++)
		if (clang_equalCursors(field, w->sets[i].field))
			return true;
	return false;
}

/* "d->f != <the same, from this instance>", also inside "&&" and "||". */
static bool compares_record(CXCursor cond, const struct binding_walk *w)
{
	CXCursor a, b;
	char *op;
	bool ne, logic;

	cond = cursor_strip(cond);
	if (clang_getCursorKind(cond) != CXCursor_BinaryOperator)
		return false;
	op = binary_operator(cond);
	ne = op && !strcmp(op, "!=");
	logic = op && (!strcmp(op, "&&") || !strcmp(op, "||"));
	free(op);
	a = cursor_child(cond, 0);
	b = cursor_child(cond, 1);
	if (logic)
		return compares_record(a, w) || compares_record(b, w);
	return ne && ((is_set_field(a, w) && derived_from_instance(b, w)) ||
		      (is_set_field(b, w) && derived_from_instance(a, w)));
}

/* An if that fails when the record is another instance's. */
static bool is_guard(CXCursor ifstmt, const struct binding_walk *w)
{
	return rule_instance_guard(ifstmt) ||
	       (compares_record(cursor_child(ifstmt, 0), w) &&
		rule_branch_fails(cursor_child(ifstmt, 1)));
}

/* "f(inst->dev, ..., &d->handle)": the call fills in a domain field. */
static void note_out_parameters(CXCursor call, struct binding_walk *w)
{
	unsigned int i, n = clang_Cursor_getNumArguments(call);
	CXCursor arg, field;
	bool from_instance = false;

	for (i = 0; i < n && !from_instance; i++)
		from_instance = mentions_instance(clang_Cursor_getArgument(call, i), w);
	for (i = 0; i < n && from_instance; i++) {
		arg = cursor_strip(clang_Cursor_getArgument(call, i));
		if (clang_getCursorKind(arg) != CXCursor_UnaryOperator)
			continue;
		field = cursor_strip(cursor_child(arg, 0));
		/* A struct (xarray, refcount) passed by address is looked up. */
		if (is_domain_field(field) &&
		    clang_getCanonicalType(clang_getCursorType(field)).kind !=
		    CXType_Record)
			add_set(field, call, w);
	}
}

/* "!d->f", "d->f == NULL", "d->f == 0": the domain field is still unset. */
static bool tests_unset(CXCursor cond)
{
	CXCursor a, b;
	unsigned long long v;
	char *op;
	bool eq, yes = false;

	cond = cursor_strip(cond);
	switch (clang_getCursorKind(cond)) {
	case CXCursor_UnaryOperator:
		if (!is_domain_field(cursor_child(cond, 0)))
			return false;
		op = cursor_text(cond);
		yes = op && op[0] == '!';
		free(op);
		return yes;
	case CXCursor_BinaryOperator:
		op = binary_operator(cond);
		eq = op && !strcmp(op, "==");
		if (op && !strcmp(op, "&&"))
			yes = tests_unset(cursor_child(cond, 0)) ||
			      tests_unset(cursor_child(cond, 1));
		free(op);
		if (!eq)
			return yes;
		a = cursor_strip(cursor_child(cond, 0));
		b = cursor_strip(cursor_child(cond, 1));
		return (is_domain_field(a) && cursor_eval_unsigned(b, &v) && !v) ||
		       (is_domain_field(b) && cursor_eval_unsigned(a, &v) && !v);
	default:
		return false;
	}
}

/* "d->f", "d->f != NULL": the domain field is already set. */
static bool tests_set(CXCursor cond)
{
	unsigned long long v;
	char *op;
	bool ne;

	cond = cursor_strip(cond);
	if (is_domain_field(cond))
		return true;
	if (clang_getCursorKind(cond) != CXCursor_BinaryOperator)
		return false;
	op = binary_operator(cond);
	ne = op && !strcmp(op, "!=");
	free(op);
	return ne && is_domain_field(cursor_child(cond, 0)) &&
	       cursor_eval_unsigned(cursor_strip(cursor_child(cond, 1)), &v) &&
	       !v;
}

/* A test that a domain field is set, alone or inside "&&". */
static bool tests_set_any(CXCursor cond)
{
	char *op;
	bool and;

	cond = cursor_strip(cond);
	if (tests_set(cond))
		return true;
	if (clang_getCursorKind(cond) != CXCursor_BinaryOperator)
		return false;
	op = binary_operator(cond);
	and = op && !strcmp(op, "&&");
	free(op);
	return and && (tests_set_any(cursor_child(cond, 0)) ||
		       tests_set_any(cursor_child(cond, 1)));
}

/* A branch that leaves: return or goto as its last statement. */
static bool leaves(CXCursor branch)
{
	unsigned int n;

	branch = cursor_strip(branch);
	if (clang_getCursorKind(branch) == CXCursor_CompoundStmt) {
		n = cursor_child_count(branch);
		return n && leaves(cursor_child(branch, n - 1));
	}
	return clang_getCursorKind(branch) == CXCursor_ReturnStmt ||
	       clang_getCursorKind(branch) == CXCursor_GotoStmt;
}

static void walk_under(CXCursor c, bool first_only, struct binding_walk *w)
{
	bool saved = w->first_only;

	w->first_only = saved || first_only;
	walk(c, w);
	w->first_only = saved;
}

static void walk_if(CXCursor c, struct binding_walk *w)
{
	CXCursor cond = cursor_child(c, 0);
	unsigned int n = cursor_child_count(c);
	bool unset = tests_unset(cond), set = !unset && tests_set(cond);

	if (cursor_is_null(w->guard) && is_guard(c, w)) {
		w->guard = c;
		w->guard_fn = w->fn;
	}
	if (cursor_is_null(w->exclusive) && tests_set_any(cond) &&
	    rule_branch_fails(cursor_child(c, 1)))
		w->exclusive = c;
	w->in_condition = unset || set;
	walk(cond, w);
	w->in_condition = false;
	walk_under(cursor_child(c, 1), unset, w);
	if (n > 2)
		walk_under(cursor_child(c, 2), set, w);
}

/* Statements in order: after "if (d->f) return ...;" comes the first attach. */
static void walk_block(CXCursor block, struct binding_walk *w)
{
	unsigned int i, n = cursor_child_count(block);
	bool saved = w->first_only;
	CXCursor s;

	for (i = 0; i < n; i++) {
		s = cursor_child(block, i);
		walk(s, w);
		if (clang_getCursorKind(s) == CXCursor_IfStmt &&
		    cursor_child_count(s) == 2 &&
		    tests_set(cursor_child(s, 0)) && leaves(cursor_child(s, 1)))
			w->first_only = true;
	}
	w->first_only = saved;
}

/* The list_head of a domain given an entry that points to an instance. */
static bool links_instance_entry(CXCursor call)
{
	CXCursor entry, list, field;
	unsigned int n = clang_Cursor_getNumArguments(call);
	CXType t;

	if (n < 2)
		return false;
	entry = cursor_strip(clang_Cursor_getArgument(call, 0));
	list = cursor_strip(clang_Cursor_getArgument(call, 1));
	if (clang_getCursorKind(entry) == CXCursor_UnaryOperator)
		entry = cursor_strip(cursor_child(entry, 0));
	if (clang_getCursorKind(list) == CXCursor_UnaryOperator)
		list = cursor_strip(cursor_child(list, 0));
	if (!is_domain_field(list) ||
	    !type_is_record(clang_getCursorType(list), "list_head") ||
	    clang_getCursorKind(entry) != CXCursor_MemberRefExpr)
		return false;
	field = clang_getCursorReferenced(entry);
	t = clang_getCursorType(clang_getCursorSemanticParent(field));
	/* The entry is, or points to, an instance: state per instance. */
	return record_has_instance_pointer(t) ||
	       record_embeds(t, INSTANCE_MEMBER_STRUCT);
}

static bool is_state_field(CXCursor member_ref, const struct binding_walk *w)
{
	CXCursor field = clang_getCursorReferenced(member_ref);
	int i;

	for (i = 0; i < w->nr_sets; i++)
		if (w->sets[i].first_only &&
		    clang_equalCursors(field, w->sets[i].field))
			return true;
	return false;
}

static void walk_call(CXCursor c, struct binding_walk *w)
{
	CXCursor def, saved_fn = w->fn;

	if (!w->find_use && cursor_is_null(w->list_add) &&
	    links_instance_entry(c)) {
		w->list_add = c;
		w->list_fn = w->fn;
	}
	if (!w->find_use)
		note_out_parameters(c, w);
	def = flow_followable_callee(c, w->fn, w->depth);
	if (cursor_is_null(def))
		return;
	w->fn = def;
	w->depth++;
	walk(def, w);
	w->depth--;
	w->fn = saved_fn;
}

static enum CXChildVisitResult walk_child(CXCursor c, CXCursor parent,
					  CXClientData data)
{
	walk(c, data);
	return CXChildVisit_Continue;
}

static void walk(CXCursor c, struct binding_walk *w)
{
	switch (clang_getCursorKind(c)) {
	case CXCursor_IfStmt:
		walk_if(c, w);
		return;
	case CXCursor_CompoundStmt:
		walk_block(c, w);
		return;
	case CXCursor_VarDecl:
		if (!w->find_use)
			note_local(c, cursor_child(c, cursor_child_count(c) - 1),
				   w);
		break;
	case CXCursor_BinaryOperator:
		if (!w->find_use)
			note_assignment(c, w);
		break;
	case CXCursor_MemberRefExpr:
		if (w->find_use && !w->first_only && !w->in_condition &&
		    cursor_is_null(w->use) && is_state_field(c, w))
			w->use = c;
		break;
	case CXCursor_CallExpr:
		clang_visitChildren(c, walk_child, w);
		walk_call(c, w);
		return;
	default:
		break;
	}
	clang_visitChildren(c, walk_child, w);
}

static const struct state_set *first_binding(const struct binding_walk *w)
{
	int i;

	for (i = 0; i < w->nr_sets; i++)
		if (w->sets[i].first_only)
			return &w->sets[i];
	return NULL;
}

struct field_read {
	CXCursor field;
	CXCursor read;
};

static enum CXChildVisitResult find_read(CXCursor c, CXCursor parent,
					 CXClientData data)
{
	struct field_read *r = data;
	char *op;
	bool store;

	if (!clang_Location_isFromMainFile(clang_getCursorLocation(c)))
		return CXChildVisit_Continue;
	if (clang_getCursorKind(c) != CXCursor_MemberRefExpr ||
	    !clang_equalCursors(clang_getCursorReferenced(c), r->field))
		return CXChildVisit_Recurse;
	op = clang_getCursorKind(parent) == CXCursor_BinaryOperator ?
	     binary_operator(parent) : NULL;
	store = op && !strcmp(op, "=") &&
		clang_equalRanges(clang_getCursorExtent(cursor_child(parent, 0)),
				  clang_getCursorExtent(c));
	free(op);
	if (store)
		return CXChildVisit_Continue;
	r->read = c;
	return CXChildVisit_Break;
}

/* Where the file reads a domain field, other than to store it. */
static CXCursor field_read(CXCursor anywhere, CXCursor field)
{
	CXTranslationUnit tu = clang_Cursor_getTranslationUnit(anywhere);
	struct field_read r = { .field = field, .read = clang_getNullCursor() };

	clang_visitChildren(clang_getTranslationUnitCursor(tu), find_read, &r);
	return r.read;
}

/* A rebound field someone reads: the record serves earlier devices. */
static const struct state_set *stranding(const struct binding_walk *w,
					 CXCursor anywhere, CXCursor *read)
{
	int i;

	for (i = 0; i < w->nr_sets; i++) {
		*read = field_read(anywhere, w->sets[i].field);
		if (!cursor_is_null(*read))
			return &w->sets[i];
	}
	return NULL;
}

static const struct state_set *binding_of(const struct binding_walk *w,
					  CXCursor field)
{
	int i;

	for (i = 0; i < w->nr_sets; i++)
		if (w->sets[i].first_only &&
		    clang_equalCursors(field, w->sets[i].field))
			return &w->sets[i];
	return first_binding(w);
}

static unsigned int line_of(CXCursor c)
{
	unsigned int line = 0;

	clang_getSpellingLocation(clang_getCursorLocation(c), NULL, &line,
				  NULL, NULL);
	return line;
}

/* The last statement of attach: its success return. */
static CXCursor attach_end(CXCursor attach)
{
	CXCursor body = cursor_child(attach, cursor_child_count(attach) - 1);
	unsigned int n = cursor_child_count(body);

	return n ? cursor_child(body, n - 1) : attach;
}

static void judge_bound(struct ops_site *site, struct binding_walk *w,
			const struct state_set *b, const char *attach)
{
	CXCursor use;
	char *field, *fn;
	struct verdict *v;

	w->use = clang_getNullCursor();
	w->find_use = true;
	w->fn = site->attach;
	w->depth = 0;
	walk(site->attach, w);
	if (!cursor_is_null(w->use))
		b = binding_of(w, clang_getCursorReferenced(w->use));
	field = cursor_spelling(b->field);
	use = cursor_is_null(w->use) ? attach_end(site->attach) : w->use;
	v = rule_add(site, RULE_ATTACH_BINDING, OUTCOME_BOUND, VERDICT_FINDING);
	rule_point_at(site, v, b->set);
	fn = cursor_spelling(b->fn);
	v->detail = xasprintf(cursor_is_null(w->use) ?
		"the domain's %s is bound to the first instance that attaches it (%s() line %u), and %s() attaches a device behind another instance without checking and returns success (line %u)" :
		"the domain's %s is bound to the first instance that attaches it (%s() line %u), and %s() uses that instance's record for a device behind another instance (line %u)",
		field, fn, line_of(b->set), attach, line_of(use));
	free(fn);
	v->subject = xasprintf("bound %s %s", attach, field);
	v->where = xstrdup(attach);
	free(field);
}

/* Every attach sets the state again: who still relies on the old one? */
static void judge_rebind(struct ops_site *site, struct binding_walk *w,
			 const char *attach)
{
	const struct state_set *b = NULL;
	struct verdict *v;
	CXCursor read;
	char *field;

	if (cursor_is_null(w->exclusive))
		b = stranding(w, site->attach, &read);
	if (b) {
		field = cursor_spelling(b->field);
		v = rule_add(site, RULE_ATTACH_BINDING, OUTCOME_BOUND,
			     VERDICT_FINDING);
		rule_point_at(site, v, b->set);
		v->detail = xasprintf("every attach rebinds the domain's %s to the attaching instance (line %u), never waiting for devices behind the earlier instance to let go, and line %u uses the record on their behalf",
				      field, line_of(b->set), line_of(read));
		v->subject = xasprintf("rebinds %s %s", attach, field);
	} else {
		field = cursor_spelling(w->sets[0].field);
		v = rule_add(site, RULE_ATTACH_BINDING, OUTCOME_REBINDS, VERDICT_OK);
		v->detail = cursor_is_null(w->exclusive) ?
			xasprintf("every attach sets the domain's %s again (line %u); nothing reads it for earlier devices",
				  field, line_of(w->sets[0].set)) :
			xasprintf("every attach sets the domain's %s again (line %u), after the earlier device let go (line %u)",
				  field, line_of(w->sets[0].set),
				  line_of(w->exclusive));
	}
	v->where = xstrdup(attach);
	free(field);
}

void rule_attach_binding(struct ops_site *site)
{
	struct binding_walk w = { 0 };
	const struct state_set *b;
	struct verdict *v;
	char *attach, *fn;
	size_t i;

	if (cursor_is_null(site->attach)) {
		v = rule_add(site, RULE_ATTACH_BINDING, OUTCOME_NA, VERDICT_OK);
		v->detail = xstrdup("no paging attach_dev");
		return;
	}
	w.guard = clang_getNullCursor();
	w.exclusive = clang_getNullCursor();
	w.guard_fn = w.list_fn = clang_getNullCursor();
	w.list_add = clang_getNullCursor();
	w.use = clang_getNullCursor();
	w.fn = site->attach;
	walk(site->attach, &w);
	/* A domain given its instance when allocated is bound from the start. */
	w.first_only = true;
	for (i = 0; i < site->allocs.nr; i++) {
		struct alloc_def *a = site->allocs.items[i];

		if (cursor_is_null(a->def))
			continue;
		w.fn = a->def;
		w.depth = 0;
		walk(a->def, &w);
	}
	w.first_only = false;
	attach = cursor_spelling(site->attach);
	b = first_binding(&w);
	if (!w.nr_sets && cursor_is_null(w.list_add)) {
		v = rule_add(site, RULE_ATTACH_BINDING, OUTCOME_NA, VERDICT_OK);
		v->detail = xstrdup("the domain keeps no instance state");
	} else if (!cursor_is_null(w.guard)) {
		v = rule_add(site, RULE_ATTACH_BINDING, OUTCOME_CHECKED, VERDICT_OK);
		fn = cursor_spelling(w.guard_fn);
		v->detail = xasprintf("%s() rejects a device behind another instance (line %u)",
				      fn, line_of(w.guard));
		free(fn);
		v->where = xstrdup(attach);
	} else if (!cursor_is_null(w.list_add)) {
		v = rule_add(site, RULE_ATTACH_BINDING, OUTCOME_PER_INSTANCE,
			     VERDICT_OK);
		fn = cursor_spelling(w.list_fn);
		v->detail = xasprintf("%s() links state of each instance to the domain (line %u)",
				      fn, line_of(w.list_add));
		free(fn);
		v->where = xstrdup(attach);
	} else if (b) {
		judge_bound(site, &w, b, attach);
	} else {
		judge_rebind(site, &w, attach);
	}
	free(attach);
}
