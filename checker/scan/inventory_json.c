// SPDX-License-Identifier: GPL-2.0
/*
 * Each record is described once, as a table of its fields, and the same
 * table writes and reads it: a field added to the model and to its table
 * cannot be written but not read.
 */
#include <limits.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "scan/inventory_json.h"
#include "rules/rules.h"

enum field_type {
	F_STR,		/* char * */
	F_BOOL,
	F_UINT,		/* unsigned int, or an enum */
	F_ULL,
	F_LOC,		/* struct src_loc */
	F_STRS,		/* struct vec of char * */
	F_RULE,		/* const char *, one of the rule table's ids */
	F_RECORDS,	/* struct vec of another record */
	F_RECORD,	/* a pointer to another record, or NULL */
};

struct record;

struct field {
	const char *name;
	enum field_type type;
	size_t offset;
	const struct record *of;	/* F_RECORDS, F_RECORD */
	unsigned int limit;		/* an enum's: values are below it */
};

struct record {
	size_t size;
	const struct field *fields;
};

#define FIELD(s, m, t)		{ #m, t, offsetof(struct s, m), NULL, 0 }
#define NESTED(s, m, t, r)	{ #m, t, offsetof(struct s, m), r, 0 }
#define ENUM(s, m, n)		{ #m, F_UINT, offsetof(struct s, m), NULL, n }

static const struct field callback_fields[] = {
	FIELD(callback, via, F_STR),
	FIELD(callback, function, F_STR),
	FIELD(callback, loc, F_LOC),
	FIELD(callback, paging, F_BOOL),
	FIELD(callback, sets_sizes, F_BOOL),
	{ 0 }
};

static const struct record callback_record = {
	sizeof(struct callback), callback_fields
};

static const struct field verdict_fields[] = {
	FIELD(verdict, rule, F_RULE),
	ENUM(verdict, verdict, NR_OUTCOMES),
	ENUM(verdict, level, VERDICT_UNKNOWN + 1),
	FIELD(verdict, where, F_STR),
	FIELD(verdict, field, F_STR),
	FIELD(verdict, detail, F_STR),
	FIELD(verdict, subject, F_STR),
	FIELD(verdict, loc, F_LOC),
	FIELD(verdict, needs, F_STRS),
	FIELD(verdict, needs_where, F_STR),
	{ 0 }
};

static const struct record verdict_record = {
	sizeof(struct verdict), verdict_fields
};

static const struct field instance_fields[] = {
	FIELD(instance_path, allocator, F_STR),
	FIELD(instance_path, wrap, F_BOOL),
	FIELD(instance_path, anchor_type, F_STR),
	FIELD(instance_path, anchor, F_STR),
	FIELD(instance_path, anchor_init, F_STR),
	FIELD(instance_path, sizes, F_STR),
	FIELD(instance_path, reason, F_STR),
	{ 0 }
};

static const struct record instance_record = {
	sizeof(struct instance_path), instance_fields
};

static const struct field ops_fields[] = {
	FIELD(ops_object, name, F_STR),
	FIELD(ops_object, loc, F_LOC),
	FIELD(ops_object, is_const, F_BOOL),
	FIELD(ops_object, is_static, F_BOOL),
	FIELD(ops_object, macro, F_STR),
	FIELD(ops_object, ops_member, F_BOOL),
	FIELD(ops_object, has_pgsize, F_BOOL),
	FIELD(ops_object, pgsize_loc, F_LOC),
	FIELD(ops_object, pgsize_expr, F_STR),
	FIELD(ops_object, pgsize_is_constant, F_BOOL),
	FIELD(ops_object, pgsize_value, F_ULL),
	NESTED(ops_object, alloc, F_RECORDS, &callback_record),
	NESTED(ops_object, attach, F_RECORDS, &callback_record),
	NESTED(ops_object, verdicts, F_RECORDS, &verdict_record),
	FIELD(ops_object, pgtable_format, F_STR),
	FIELD(ops_object, format_keeps_known, F_BOOL),
	FIELD(ops_object, format_keeps, F_ULL),
	NESTED(ops_object, instance, F_RECORD, &instance_record),
	{ 0 }
};

static const struct field use_fields[] = {
	FIELD(ops_use, loc, F_LOC),
	ENUM(ops_use, kind, USE_READ + 1),
	FIELD(ops_use, function, F_STR),
	FIELD(ops_use, ops_name, F_STR),
	FIELD(ops_use, ops_file, F_STR),
	FIELD(ops_use, member_file, F_STR),
	FIELD(ops_use, expr, F_STR),
	FIELD(ops_use, copies_cfg, F_BOOL),
	FIELD(ops_use, is_constant, F_BOOL),
	FIELD(ops_use, value, F_ULL),
	FIELD(ops_use, member_absent, F_BOOL),
	{ 0 }
};

static const struct field domain_set_fields[] = {
	FIELD(domain_pgsize, loc, F_LOC),
	FIELD(domain_pgsize, function, F_STR),
	FIELD(domain_pgsize, op, F_STR),
	FIELD(domain_pgsize, expr, F_STR),
	ENUM(domain_pgsize, prov, PROV_EXPRESSION + 1),
	FIELD(domain_pgsize, value, F_ULL),
	FIELD(domain_pgsize, source, F_STR),
	{ 0 }
};

static const struct field parsed_fields[] = {
	FIELD(parse_result, file, F_STR),
	FIELD(parse_result, errors, F_UINT),
	FIELD(parse_result, first_error, F_STR),
	FIELD(parse_result, diagnostics, F_STR),
	FIELD(parse_result, arch, F_STR),
	FIELD(parse_result, failed, F_BOOL),
	FIELD(parse_result, disabled_regions, F_UINT),
	FIELD(parse_result, stuck_regions, F_UINT),
	FIELD(parse_result, forced_symbols, F_STR),
	{ 0 }
};

static const struct field summary_fields[] = {
	FIELD(store_summary, function, F_STR),
	FIELD(store_summary, file, F_STR),
	FIELD(store_summary, param, F_UINT),
	{ 0 }
};

static const struct record ops_record = {
	sizeof(struct ops_object), ops_fields
};
static const struct record use_record = {
	sizeof(struct ops_use), use_fields
};
static const struct record domain_set_record = {
	sizeof(struct domain_pgsize), domain_set_fields
};
static const struct record parsed_record = {
	sizeof(struct parse_result), parsed_fields
};
static const struct record summary_record = {
	sizeof(struct store_summary), summary_fields
};

static const struct field inventory_fields[] = {
	NESTED(inventory, ops, F_RECORDS, &ops_record),
	NESTED(inventory, uses, F_RECORDS, &use_record),
	NESTED(inventory, domain_sets, F_RECORDS, &domain_set_record),
	NESTED(inventory, parsed, F_RECORDS, &parsed_record),
	NESTED(inventory, summaries, F_RECORDS, &summary_record),
	FIELD(inventory, files_scanned, F_UINT),
	FIELD(inventory, files_skipped, F_UINT),
	{ 0 }
};

static json_t *str_json(const char *s)
{
	return s ? json_string(s) : json_null();
}

static json_t *record_json(const void *rec, const struct field *fields);

static json_t *field_json(const void *rec, const struct field *f)
{
	const char *at = (const char *)rec + f->offset;
	const struct vec *v = (const struct vec *)at;
	const struct src_loc *loc = (const struct src_loc *)at;
	json_t *arr;
	size_t i;

	switch (f->type) {
	case F_STR:
	case F_RULE:
		return str_json(*(char *const *)at);
	case F_BOOL:
		return json_boolean(*(const bool *)at);
	case F_UINT:
		return json_integer(*(const unsigned int *)at);
	case F_ULL:
		/* Bit for bit: JSON integers are signed. */
		return json_integer((json_int_t)*(const unsigned long long *)at);
	case F_LOC:
		return json_pack("[o,I,I]", str_json(loc->file),
				 (json_int_t)loc->line, (json_int_t)loc->col);
	case F_STRS:
	case F_RECORDS:
		arr = json_array();
		for (i = 0; i < v->nr; i++)
			json_array_append_new(arr, f->type == F_STRS ?
				str_json(v->items[i]) :
				record_json(v->items[i], f->of->fields));
		return arr;
	case F_RECORD:
		if (!*(void *const *)at)
			return json_null();
		return record_json(*(void *const *)at, f->of->fields);
	}
	return json_null();
}

static json_t *record_json(const void *rec, const struct field *fields)
{
	json_t *o = json_object();
	const struct field *f;

	for (f = fields; f->name; f++)
		json_object_set_new(o, f->name, field_json(rec, f));
	return o;
}

json_t *inventory_to_json(const struct inventory *inv)
{
	return record_json(inv, inventory_fields);
}

static int str_from(const json_t *j, char **out)
{
	if (json_is_null(j)) {
		*out = NULL;
		return 0;
	}
	if (!json_is_string(j))
		return -1;
	*out = xstrdup(json_string_value(j));
	return 0;
}

static int record_from(const json_t *j, const struct record *r, void *rec);

static int records_from(const json_t *j, const struct field *f, void *at)
{
	struct vec *v = at;
	const json_t *item;
	size_t i;

	if (!json_is_array(j))
		return -1;
	json_array_foreach(j, i, item) {
		void *p;

		if (f->type == F_STRS) {
			if (str_from(item, (char **)&p))
				return -1;
			vec_push(v, p);
			continue;
		}
		p = xcalloc(1, f->of->size);
		/* Pushed first: a half-read record is freed with the rest. */
		vec_push(v, p);
		if (record_from(item, f->of, p))
			return -1;
	}
	return 0;
}

static int field_from(const json_t *j, const struct field *f, void *rec)
{
	char *at = (char *)rec + f->offset;
	struct src_loc *loc = (struct src_loc *)at;
	const struct rule *rule;
	json_int_t line, col;
	json_t *file;

	switch (f->type) {
	case F_STR:
		return str_from(j, (char **)at);
	case F_RULE:
		rule = json_is_string(j) ? rule_find(json_string_value(j)) :
					   NULL;
		*(const char **)at = rule ? rule->id : NULL;
		return rule ? 0 : -1;
	case F_BOOL:
		if (!json_is_boolean(j))
			return -1;
		*(bool *)at = json_is_true(j);
		return 0;
	case F_UINT:
		/* An entry is only a file: names of enums index tables. */
		if (!json_is_integer(j) || json_integer_value(j) < 0 ||
		    json_integer_value(j) > UINT_MAX ||
		    (f->limit && json_integer_value(j) >= f->limit))
			return -1;
		*(unsigned int *)at = json_integer_value(j);
		return 0;
	case F_ULL:
		if (!json_is_integer(j))
			return -1;
		*(unsigned long long *)at = json_integer_value(j);
		return 0;
	case F_LOC:
		if (json_unpack((json_t *)j, "[o,I,I]", &file, &line, &col) ||
		    str_from(file, &loc->file))
			return -1;
		loc->line = line;
		loc->col = col;
		return 0;
	case F_STRS:
	case F_RECORDS:
		return records_from(j, f, at);
	case F_RECORD:
		if (json_is_null(j))
			return 0;
		*(void **)at = xcalloc(1, f->of->size);
		return record_from(j, f->of, *(void **)at);
	}
	return -1;
}

static int record_from(const json_t *j, const struct record *r, void *rec)
{
	const struct field *f;

	if (!json_is_object(j))
		return -1;
	for (f = r->fields; f->name; f++)
		if (field_from(json_object_get(j, f->name), f, rec))
			return -1;
	return 0;
}

int inventory_from_json(const json_t *j, struct inventory *inv)
{
	static const struct record whole = {
		sizeof(struct inventory), inventory_fields
	};
	struct inventory part = { 0 };

	if (record_from(j, &whole, &part)) {
		inventory_release(&part);
		return -1;
	}
	inventory_merge(inv, &part);
	return 0;
}
