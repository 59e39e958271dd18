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
#include "ast/membership.h"
#include "ast/types.h"
#include "rules/rules.h"

#define MAX_STATE 16
#define DEVICE_STRUCT	"device"

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
	CXCursor list_field;	/* the domain's list, xarray, ... */
	struct state_set replaced; /* a new object stored at every attach */
	CXCursor record;	/* the field chosen to name the binding */
	CXCursor use;		/* a record read outside the first attach */
	CXCursor use_record;	/* the same, of @record itself */
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

/*
 * A type that holds an instance: a pointer to one, or a pointer to or an
 * array of structs that point to one.
 */
static bool is_state_type(CXType t)
{
	CXType canon = clang_getCanonicalType(t);

	if (canon.kind == CXType_ConstantArray)
		return membership_is_slot_record(clang_getArrayElementType(canon));
	return is_instance_pointer(canon) ||
	       (canon.kind == CXType_Pointer &&
		membership_is_slot_record(clang_getPointeeType(canon)));
}

/* The field that records the instance itself, as a guard compares it. */
static bool is_record_field(CXCursor field)
{
	return is_state_type(clang_getCursorType(field));
}

/* "inst->dom": an instance's slot for the one domain it has. */
static bool is_instance_slot(CXCursor member_ref)
{
	CXCursor field;
	CXType t;

	member_ref = cursor_strip(member_ref);
	if (clang_getCursorKind(member_ref) != CXCursor_MemberRefExpr)
		return false;
	field = clang_getCursorReferenced(member_ref);
	t = clang_getCanonicalType(clang_getCursorType(field));
	return clang_getCursorKind(field) == CXCursor_FieldDecl &&
	       record_embeds(clang_getCursorType(clang_getCursorSemanticParent(field)),
			     INSTANCE_MEMBER_STRUCT) &&
	       t.kind == CXType_Pointer &&
	       record_embeds(clang_getPointeeType(t), DOMAIN_STRUCT);
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
 * A getter: a function of this translation unit whose body only returns
 * one of its parameters' fields or a constant (dev_to_node()). What it
 * returns is a copy, like a field read in place.
 */
static bool is_getter(CXCursor call)
{
	CXCursor def = function_definition(call);
	CXCursor body, ret, value;
	unsigned long long n;

	if (cursor_is_null(def))
		return false;
	body = cursor_child(def, cursor_child_count(def) - 1);
	if (clang_getCursorKind(body) != CXCursor_CompoundStmt ||
	    cursor_child_count(body) != 1)
		return false;
	ret = cursor_child(body, 0);
	if (clang_getCursorKind(ret) != CXCursor_ReturnStmt ||
	    cursor_child_count(ret) != 1)
		return false;
	value = cursor_strip(cursor_child(ret, 0));
	return clang_getCursorKind(value) == CXCursor_MemberRefExpr ||
	       cursor_eval_unsigned(value, &n);
}

/*
 * Instance state: the instance itself, what a call makes from it (an id
 * from its pool, memory mapped with its device) or an address into it (a
 * register base). Plain numbers copied from it, in place or through a
 * getter, are attributes, not state.
 */
static bool derived_from_instance(CXCursor value, const struct binding_walk *w)
{
	CXType t;

	value = cursor_strip(value);
	t = clang_getCursorType(value);
	if (is_instance_pointer(t))
		return true;
	if (clang_getCursorKind(value) == CXCursor_CallExpr && is_getter(value))
		return false;
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
	CXCursor slots;
	char *op = binary_operator(c);
	bool assign = op && !strcmp(op, "=");

	free(op);
	if (!assign)
		return;
	if (clang_getCursorKind(lhs) == CXCursor_DeclRefExpr) {
		note_local(clang_getCursorReferenced(lhs), rhs, w);
		return;
	}
	/* "d->slots[i].inst = ...": the domain's array of instance slots. */
	slots = membership_slot_array(lhs, w->fn, NULL);
	if (!cursor_is_null(slots)) {
		add_set(slots, c, w);
		return;
	}
	if (!is_domain_field(lhs))
		return;
	/* A field that points to an instance holds one, whatever the cast. */
	if (is_state_type(clang_getCursorType(lhs)) ||
	    derived_from_instance(rhs, w)) {
		add_set(lhs, c, w);
		return;
	}
	/* A new object (a page table) made at every attach. */
	rhs = cursor_strip(rhs);
	if (!w->first_only && cursor_is_null(w->replaced.set) &&
	    clang_getCursorKind(rhs) == CXCursor_CallExpr &&
	    clang_getCanonicalType(clang_getCursorType(rhs)).kind ==
	    CXType_Pointer) {
		w->replaced.field = clang_getCursorReferenced(lhs);
		w->replaced.set = c;
		w->replaced.fn = w->fn;
	}
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

/* A domain field, or the slot of the instance for its one domain. */
static bool unset_subject(CXCursor c)
{
	return is_domain_field(c) || is_instance_slot(c);
}

/*
 * "!d->f", "d->f == NULL", "d->f == 0": the domain field is still unset;
 * "!inst->dom": the instance has no domain yet, this is its first.
 */
static bool tests_unset(CXCursor cond)
{
	CXCursor a, b;
	unsigned long long v;
	char *op;
	bool eq, yes = false;

	cond = cursor_strip(cond);
	switch (clang_getCursorKind(cond)) {
	case CXCursor_UnaryOperator:
		if (!is_domain_field(cursor_child(cond, 0)) &&
		    !is_instance_slot(cursor_child(cond, 0)))
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
		return (unset_subject(a) && cursor_eval_unsigned(b, &v) && !v) ||
		       (unset_subject(b) && cursor_eval_unsigned(a, &v) && !v);
	default:
		return false;
	}
}

/* "d->f", "d->f != NULL", "d->users > 0": the domain field is already set. */
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
	ne = op && (!strcmp(op, "!=") || !strcmp(op, ">"));
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

/*
 * Statements in order: after "if (d->f) return 0;" comes the first attach.
 * "if (d->f) return -EBUSY;" instead makes the domain exclusive (walk_if).
 */
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
		    tests_set(cursor_child(s, 0)) && leaves(cursor_child(s, 1)) &&
		    !rule_branch_fails(cursor_child(s, 1)))
			w->first_only = true;
	}
	w->first_only = saved;
}

/* "&d->f" where f is a struct (a list_head, an xarray): the field. */
static CXCursor domain_container(CXCursor arg)
{
	arg = cursor_strip(arg);
	if (clang_getCursorKind(arg) != CXCursor_UnaryOperator)
		return clang_getNullCursor();
	arg = cursor_strip(cursor_child(arg, 0));
	if (!is_domain_field(arg) ||
	    clang_getCanonicalType(clang_getCursorType(arg)).kind !=
	    CXType_Record)
		return clang_getNullCursor();
	return arg;
}

struct var_use {
	CXCursor var;
	bool found;
};

static enum CXChildVisitResult find_var(CXCursor c, CXCursor parent,
					CXClientData data)
{
	struct var_use *u = data;

	if (clang_getCursorKind(c) == CXCursor_DeclRefExpr &&
	    clang_equalCursors(clang_getCursorReferenced(c), u->var)) {
		u->found = true;
		return CXChildVisit_Break;
	}
	return CXChildVisit_Recurse;
}

/* Does @expr (an expression or a declaration) read the variable @var? */
static bool reads_var(CXCursor expr, CXCursor var)
{
	struct var_use u = { .var = var };

	find_var(expr, clang_getNullCursor(), &u);
	if (!u.found)
		clang_visitChildren(expr, find_var, &u);
	return u.found;
}

/* The entry's device and the variable it was given, as @fn links it. */
struct device_entry {
	CXCursor entry;		/* the entry variable ("e") */
	CXCursor device;	/* what "e->dev = dev" gives it: dev */
	bool instance;		/* @fn also finds an instance from dev */
};

static bool is_var_ref(CXCursor expr, CXCursor var)
{
	expr = cursor_strip(expr);
	return clang_getCursorKind(expr) == CXCursor_DeclRefExpr &&
	       clang_equalCursors(clang_getCursorReferenced(expr), var);
}

static enum CXChildVisitResult find_entry_device(CXCursor c, CXCursor parent,
						 CXClientData data)
{
	struct device_entry *d = data;
	CXCursor lhs, rhs;

	if (clang_getCursorBinaryOperatorKind(c) != CXBinaryOperator_Assign)
		return CXChildVisit_Recurse;
	lhs = cursor_strip(cursor_child(c, 0));
	rhs = cursor_strip(cursor_child(c, 1));
	if (clang_getCursorKind(lhs) == CXCursor_MemberRefExpr &&
	    type_is_pointer_to_record(clang_getCursorType(lhs), DEVICE_STRUCT) &&
	    is_var_ref(cursor_child(lhs, 0), d->entry) &&
	    clang_getCursorKind(rhs) == CXCursor_DeclRefExpr)
		d->device = clang_getCursorReferenced(rhs);
	return CXChildVisit_Recurse;
}

/* "iommu = dev_to_iommu(dev)": an instance found from the device. */
static enum CXChildVisitResult find_device_instance(CXCursor c, CXCursor parent,
						    CXClientData data)
{
	struct device_entry *d = data;
	CXCursor value = clang_getNullCursor();
	unsigned int n;

	if (clang_getCursorKind(c) == CXCursor_VarDecl &&
	    is_instance_pointer(clang_getCursorType(c))) {
		n = cursor_child_count(c);
		value = n ? cursor_child(c, n - 1) : value;
	} else if (clang_getCursorBinaryOperatorKind(c) ==
		   CXBinaryOperator_Assign &&
		   is_instance_pointer(clang_getCursorType(cursor_child(c, 0)))) {
		value = cursor_child(c, 1);
	}
	if (!cursor_is_null(value) &&
	    clang_isExpression(clang_getCursorKind(value)) &&
	    reads_var(value, d->device)) {
		d->instance = true;
		return CXChildVisit_Break;
	}
	return CXChildVisit_Recurse;
}

/*
 * "e->dev = dev" and "iommu = dev_to_iommu(dev)" in @fn: the entry @base
 * ("e") points to the device through which its instance is found, so it
 * stands for that instance as much as a pointer to it would.
 */
static bool entry_leads_to_instance(CXCursor base, CXCursor fn)
{
	struct device_entry d = { .device = clang_getNullCursor() };

	base = cursor_strip(base);
	if (clang_getCursorKind(base) != CXCursor_DeclRefExpr ||
	    cursor_is_null(fn))
		return false;
	d.entry = clang_getCursorReferenced(base);
	clang_visitChildren(fn, find_entry_device, &d);
	if (cursor_is_null(d.device))
		return false;
	clang_visitChildren(fn, find_device_instance, &d);
	return d.instance;
}

/*
 * "list_add(&e->node, &d->list)" in @fn: e is, or points to, an instance,
 * or to the device that @fn finds an instance from.
 */
static bool links_list_entry(CXCursor call, CXCursor fn)
{
	CXCursor entry = cursor_strip(clang_Cursor_getArgument(call, 0));
	CXType t;

	/* list_add() and its kin return nothing; tests such as
	 * list_is_head() take the same arguments and link nothing.
	 */
	if (clang_getCursorType(call).kind != CXType_Void)
		return false;
	if (clang_getCursorKind(entry) == CXCursor_UnaryOperator)
		entry = cursor_strip(cursor_child(entry, 0));
	if (clang_getCursorKind(entry) != CXCursor_MemberRefExpr)
		return false;
	t = clang_getCursorType(clang_getCursorSemanticParent(
			clang_getCursorReferenced(entry)));
	return record_has_instance_pointer(t) ||
	       record_embeds(t, INSTANCE_MEMBER_STRUCT) ||
	       entry_leads_to_instance(cursor_child(entry, 0), fn);
}

/*
 * The domain's container (list, xarray) given an entry of an instance:
 * a list node inside one, or a pointer to an entry that points to one.
 * A lookup passes no entry. The list may also be reached through a local
 * pointer that walks it, as membership_link() finds.
 */
static CXCursor links_instance(CXCursor call, CXCursor fn)
{
	unsigned int i, n = clang_Cursor_getNumArguments(call);
	CXCursor box = clang_getNullCursor(), arg;
	CXType t;

	for (i = 0; i < n && cursor_is_null(box); i++)
		box = domain_container(clang_Cursor_getArgument(call, i));
	if (cursor_is_null(box))
		box = membership_link(call, fn);
	if (cursor_is_null(box) || n < 2)
		return clang_getNullCursor();
	if (type_is_record(clang_getCursorType(box), "list_head"))
		return links_list_entry(call, fn) ? box : clang_getNullCursor();
	/* An entry that points to an instance; the instance alone is a cookie. */
	for (i = 0; i < n; i++) {
		arg = cursor_strip(clang_Cursor_getArgument(call, i));
		t = clang_getCanonicalType(clang_getCursorType(arg));
		if (t.kind == CXType_Pointer &&
		    membership_is_slot_record(clang_getPointeeType(t)))
			return box;
	}
	return clang_getNullCursor();
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

	if (!w->find_use && cursor_is_null(w->list_add)) {
		w->list_field = links_instance(c, w->fn);
		if (!cursor_is_null(w->list_field)) {
			w->list_add = c;
			w->list_fn = w->fn;
		}
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

static bool is_store_to_field(CXCursor c)
{
	char *op = binary_operator(c);
	bool store = op && !strcmp(op, "=") &&
		     clang_getCursorKind(cursor_strip(cursor_child(c, 0))) ==
		     CXCursor_MemberRefExpr;

	free(op);
	return store;
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
		if (!w->find_use) {
			note_assignment(c, w);
			break;
		}
		/* "d->f = ...": a store, not a use of the record. */
		if (is_store_to_field(c)) {
			clang_visitChildren(cursor_strip(cursor_child(c, 0)),
					    walk_child, w);
			walk(cursor_child(c, 1), w);
			return;
		}
		break;
	case CXCursor_MemberRefExpr:
		if (!w->find_use || w->first_only || w->in_condition ||
		    !is_state_field(c, w))
			break;
		if (cursor_is_null(w->use))
			w->use = c;
		if (cursor_is_null(w->use_record) &&
		    clang_equalCursors(clang_getCursorReferenced(c), w->record))
			w->use_record = c;
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

/*
 * The set that names the state (first-only ones when @first_only): the
 * field recording the instance itself if there is one (the pointer, the
 * bank), else the first set.
 */
static const struct state_set *choose_set(const struct binding_walk *w,
					  bool first_only)
{
	const struct state_set *first = NULL;
	int i;

	for (i = 0; i < w->nr_sets; i++) {
		if (first_only && !w->sets[i].first_only)
			continue;
		if (is_record_field(w->sets[i].field))
			return &w->sets[i];
		if (!first)
			first = &w->sets[i];
	}
	return first;
}

/* The first-only set of @field (there is one: the use matched it). */
static const struct state_set *first_set_of(const struct binding_walk *w,
					    CXCursor field)
{
	int i;

	for (i = 0; i < w->nr_sets; i++)
		if (w->sets[i].first_only &&
		    clang_equalCursors(field, w->sets[i].field))
			return &w->sets[i];
	return NULL;
}

struct field_read {
	CXCursor field;
	CXCursor skip[2];	/* functions whose reads do not count */
	CXCursor fn;		/* the function being visited */
	CXCursor read;
};

static enum CXChildVisitResult find_read(CXCursor c, CXCursor parent,
					 CXClientData data)
{
	struct field_read *r = data;
	char *op;
	bool store;

	if (!clang_Location_isFromMainFile(clang_getCursorLocation(c)) ||
	    clang_equalCursors(c, r->skip[0]) ||
	    clang_equalCursors(c, r->skip[1]))
		return CXChildVisit_Continue;
	if (clang_getCursorKind(c) == CXCursor_FunctionDecl)
		r->fn = c;
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

/*
 * Where the file reads a domain field, other than to store it or in the
 * functions @skip, @skip2; @fn (if given) gets the reading function.
 */
static CXCursor field_read_in(CXCursor anywhere, CXCursor field,
			      CXCursor skip, CXCursor skip2, CXCursor *fn)
{
	CXTranslationUnit tu = clang_Cursor_getTranslationUnit(anywhere);
	struct field_read r = {
		.field = field, .skip = { skip, skip2 },
		.fn = clang_getNullCursor(), .read = clang_getNullCursor(),
	};

	clang_visitChildren(clang_getTranslationUnitCursor(tu), find_read, &r);
	if (fn)
		*fn = r.fn;
	return r.read;
}

static CXCursor field_read(CXCursor anywhere, CXCursor field, CXCursor skip)
{
	return field_read_in(anywhere, field, skip, clang_getNullCursor(),
			     NULL);
}

/* A rebound field someone reads: the record serves earlier devices. */
static const struct state_set *stranding(const struct binding_walk *w,
					 CXCursor anywhere, CXCursor *read)
{
	int i;

	for (i = 0; i < w->nr_sets; i++) {
		*read = field_read(anywhere, w->sets[i].field,
				   clang_getNullCursor());
		if (!cursor_is_null(*read))
			return &w->sets[i];
	}
	return NULL;
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
	CXCursor use, later, later_fn;
	char *field, *fn, *reader;
	struct verdict *v;

	w->use = w->use_record = clang_getNullCursor();
	w->record = b->field;
	w->find_use = true;
	w->fn = site->attach;
	w->depth = 0;
	walk(site->attach, w);
	/*
	 * Name the instance's record and cite a read of it if there is one;
	 * without a record field, name the state that is read.
	 */
	if (!cursor_is_null(w->use_record))
		w->use = w->use_record;
	else if (!is_record_field(b->field) && !cursor_is_null(w->use))
		b = first_set_of(w, clang_getCursorReferenced(w->use));
	field = cursor_spelling(b->field);
	use = cursor_is_null(w->use) ? attach_end(site->attach) : w->use;
	v = rule_add(site, RULE_ATTACH_BINDING, OUTCOME_BOUND, VERDICT_FINDING);
	rule_point_at(site, v, b->set);
	v->field = membership_field_name(b->field);
	fn = cursor_spelling(b->fn);
	if (!cursor_is_null(w->use)) {
		v->detail = xasprintf("the domain's %s is bound to the first instance that attaches it (%s() line %u), and %s() uses that instance's record for a device behind another instance (line %u)",
				      field, fn, line_of(b->set), attach,
				      line_of(use));
		goto done;
	}
	/* Attach says nothing more: who reads the record for that device? */
	later = field_read_in(site->attach, b->field, site->attach, b->fn,
			      &later_fn);
	reader = cursor_is_null(later) ? NULL : cursor_spelling(later_fn);
	v->detail = reader ?
		xasprintf("the domain's %s is bound to the first instance that attaches it (%s() line %u), and %s() attaches a device behind another instance without checking and returns success (line %u); %s() then uses that instance's record for it (line %u)",
			  field, fn, line_of(b->set), attach, line_of(use),
			  reader, line_of(later)) :
		xasprintf("the domain's %s is bound to the first instance that attaches it (%s() line %u), and %s() attaches a device behind another instance without checking and returns success (line %u)",
			  field, fn, line_of(b->set), attach, line_of(use));
	free(reader);
done:
	free(fn);
	v->subject = xasprintf("bound %s %s", attach, field);
	v->where = cursor_spelling(b->fn);
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
		v = rule_add(site, RULE_ATTACH_BINDING, OUTCOME_REBINDS,
			     VERDICT_FINDING);
		rule_point_at(site, v, b->set);
		v->detail = xasprintf("every attach rebinds the domain's %s to the attaching instance (line %u), never waiting for devices behind the earlier instance to let go, and line %u uses the record on their behalf",
				      field, line_of(b->set), line_of(read));
		v->subject = xasprintf("rebinds %s %s", attach, field);
	} else {
		b = choose_set(w, false);
		field = cursor_spelling(b->field);
		v = rule_add(site, RULE_ATTACH_BINDING, OUTCOME_REBINDS, VERDICT_OK);
		v->detail = cursor_is_null(w->exclusive) ?
			xasprintf("every attach sets the domain's %s again (line %u); nothing reads it for earlier devices",
				  field, line_of(b->set)) :
			xasprintf("every attach sets the domain's %s again (line %u), after the earlier device let go (line %u)",
				  field, line_of(b->set),
				  line_of(w->exclusive));
	}
	v->field = membership_field_name(b->field);
	v->where = cursor_spelling(b->fn);
	free(field);
}

/*
 * Instances stay linked to the domain, but each attach replaces an object
 * (the page table) that they keep using: the earlier ones are stranded
 * on the old one. NULL when nothing else reads it.
 */
static struct verdict *judge_replaced(struct ops_site *site,
				      const struct binding_walk *w)
{
	const struct state_set *r = &w->replaced;
	struct verdict *v;
	char *field, *fn;
	CXCursor read;

	if (cursor_is_null(r->set) || !cursor_is_null(w->exclusive))
		return NULL;
	/* Not the store's own check: a user such as map or flush. */
	read = field_read(site->attach, r->field, r->fn);
	if (cursor_is_null(read))
		return NULL;
	field = cursor_spelling(r->field);
	fn = cursor_spelling(r->fn);
	v = rule_add(site, RULE_ATTACH_BINDING, OUTCOME_REBINDS,
		     VERDICT_FINDING);
	rule_point_at(site, v, r->set);
	v->detail = xasprintf("every attach replaces the domain's %s (%s() line %u) while instances attached earlier stay linked to the domain (line %u) with the old one, which line %u still reads",
			      field, fn, line_of(r->set), line_of(w->list_add),
			      line_of(read));
	v->subject = xasprintf("replaces %s", field);
	v->field = membership_field_name(r->field);
	v->where = fn;
	free(field);
	return v;
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
	w.list_add = w.list_field = clang_getNullCursor();
	w.replaced.set = clang_getNullCursor();
	w.use = w.use_record = w.record = clang_getNullCursor();
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
	b = choose_set(&w, true);
	if (!w.nr_sets && cursor_is_null(w.list_add)) {
		v = rule_add(site, RULE_ATTACH_BINDING, OUTCOME_NA, VERDICT_OK);
		v->detail = xstrdup("the domain keeps no instance state");
	} else if (!cursor_is_null(w.guard)) {
		v = rule_add(site, RULE_ATTACH_BINDING, OUTCOME_CHECKED, VERDICT_OK);
		fn = cursor_spelling(w.guard_fn);
		v->detail = xasprintf("%s() rejects a device behind another instance (line %u)",
				      fn, line_of(w.guard));
		v->where = fn;
		b = b ? b : choose_set(&w, false);
		if (b)
			v->field = membership_field_name(b->field);
	} else if (!cursor_is_null(w.list_add)) {
		if (judge_replaced(site, &w))
			goto out;
		v = rule_add(site, RULE_ATTACH_BINDING, OUTCOME_PER_INSTANCE,
			     VERDICT_OK);
		fn = cursor_spelling(w.list_fn);
		v->detail = xasprintf("%s() links state of each instance to the domain (line %u)",
				      fn, line_of(w.list_add));
		v->where = fn;
		v->field = membership_field_name(clang_getCursorReferenced(w.list_field));
	} else if (b) {
		judge_bound(site, &w, b, attach);
	} else {
		judge_rebind(site, &w, attach);
	}
out:
	free(attach);
}
