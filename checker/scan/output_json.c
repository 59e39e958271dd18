// SPDX-License-Identifier: GPL-2.0
/* The JSON schema is documented in docs/scan-json.md; bump the version there. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "scan/drivers.h"
#include "scan/findings.h"
#include "scan/output.h"

json_t *jstr(const char *s)
{
	char *copy;
	size_t i;
	json_t *j;

	if (!s)
		return json_null();
	j = json_string(s);
	if (j)
		return j;
	copy = xstrdup(s);
	for (i = 0; copy[i]; i++)
		if ((unsigned char)copy[i] >= 0x80)
			copy[i] = '?';
	j = json_string(copy);
	free(copy);
	return j;
}

static json_t *jhex(unsigned long long v)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%#llx", v);
	return json_string(buf);
}

static void set_loc(json_t *obj, const struct src_loc *loc)
{
	json_object_set_new(obj, "file", jstr(loc->file));
	json_object_set_new(obj, "line", json_integer(loc->line));
	json_object_set_new(obj, "column", json_integer(loc->col));
}

static json_t *callbacks_json(const struct vec *list, const char *via_key)
{
	json_t *arr = json_array();
	size_t i;

	for (i = 0; i < list->nr; i++) {
		const struct callback *cb = list->items[i];
		json_t *o = json_object();

		json_object_set_new(o, via_key, jstr(cb->via));
		json_object_set_new(o, "function", jstr(cb->function));
		set_loc(o, &cb->loc);
		if (!strcmp(via_key, "member")) {
			json_object_set_new(o, "paging",
					    json_boolean(cb->paging));
			json_object_set_new(o, "sets_sizes",
					    json_boolean(cb->sets_sizes));
		}
		json_array_append_new(arr, o);
	}
	return arr;
}

static json_t *verdicts_json(const struct vec *list)
{
	json_t *arr = json_array();
	size_t i;

	for (i = 0; i < list->nr; i++) {
		const struct verdict *v = list->items[i];
		json_t *o = json_object();

		json_object_set_new(o, "rule", json_string(v->rule));
		json_object_set_new(o, "verdict",
				    jstr(outcome_name(v->verdict)));
		json_object_set_new(o, "level",
				    json_string(verdict_level_name(v->level)));
		json_object_set_new(o, "where", jstr(v->where));
		json_object_set_new(o, "detail", jstr(v->detail));
		set_loc(o, &v->loc);
		json_array_append_new(arr, o);
	}
	return arr;
}

/* How an attach-only allocator's domains could find their instance. */
static json_t *instance_json(const struct instance_path *ip)
{
	json_t *o;

	if (!ip)
		return json_null();
	o = json_object();
	json_object_set_new(o, "allocator", jstr(ip->allocator));
	json_object_set_new(o, "wrap", json_boolean(ip->wrap));
	json_object_set_new(o, "anchor_type", jstr(ip->anchor_type));
	json_object_set_new(o, "anchor", jstr(ip->anchor));
	json_object_set_new(o, "anchor_init", jstr(ip->anchor_init));
	json_object_set_new(o, "sizes", jstr(ip->sizes));
	json_object_set_new(o, "reason", jstr(ip->reason));
	return o;
}

static json_t *ops_json(const void *p)
{
	const struct ops_object *ops = p;
	json_t *o = json_object();
	json_t *pg = json_null();

	json_object_set_new(o, "name", jstr(ops->name));
	set_loc(o, &ops->loc);
	json_object_set_new(o, "const", json_boolean(ops->is_const));
	json_object_set_new(o, "static", json_boolean(ops->is_static));
	json_object_set_new(o, "macro", jstr(ops->macro));
	if (ops->has_pgsize) {
		pg = json_object();
		json_object_set_new(pg, "expr", jstr(ops->pgsize_expr));
		json_object_set_new(pg, "value", ops->pgsize_is_constant ?
				    jhex(ops->pgsize_value) : json_null());
		set_loc(pg, &ops->pgsize_loc);
	}
	json_object_set_new(o, "pgsize", pg);
	json_object_set_new(o, "domain_alloc",
			    callbacks_json(&ops->alloc, "member"));
	json_object_set_new(o, "attach_dev", callbacks_json(&ops->attach, "via"));
	json_object_set_new(o, "verdicts", verdicts_json(&ops->verdicts));
	json_object_set_new(o, "instance", instance_json(ops->instance));
	return o;
}

static json_t *use_json(const void *p)
{
	const struct ops_use *use = p;
	json_t *o = json_object();

	set_loc(o, &use->loc);
	json_object_set_new(o, "kind", json_string(use_kind_name(use->kind)));
	json_object_set_new(o, "function", jstr(use->function));
	json_object_set_new(o, "ops", jstr(use->ops_name));
	json_object_set_new(o, "ops_file", jstr(use->ops_file));
	json_object_set_new(o, "expr", jstr(use->expr));
	if (use->kind == USE_INIT)
		json_object_set_new(o, "value", use->is_constant ?
				    jhex(use->value) : json_null());
	return o;
}

static json_t *domain_set_json(const void *p)
{
	const struct domain_pgsize *set = p;
	json_t *o = json_object();

	set_loc(o, &set->loc);
	json_object_set_new(o, "function", jstr(set->function));
	json_object_set_new(o, "op", jstr(set->op));
	json_object_set_new(o, "expr", jstr(set->expr));
	json_object_set_new(o, "provenance",
			    json_string(provenance_name(set->prov)));
	json_object_set_new(o, "value", set->prov == PROV_CONSTANT ?
			    jhex(set->value) : json_null());
	json_object_set_new(o, "source", jstr(set->source));
	return o;
}

json_t *finding_json(const struct finding *f)
{
	json_t *o = json_object();

	json_object_set_new(o, "rule", json_string(f->rule));
	set_loc(o, &f->loc);
	json_object_set_new(o, "function", jstr(f->function));
	json_object_set_new(o, "severity", json_string(f->severity));
	json_object_set_new(o, "fingerprint", json_string(f->fingerprint));
	json_object_set_new(o, "message", jstr(f->message));
	return o;
}

static json_t *finding_json_of(const void *p)
{
	return finding_json(p);
}

static json_t *driver_json(const void *p)
{
	const struct driver *d = p;
	json_t *o = json_object();
	json_t *names = json_array();
	json_t *kinds = json_object();
	size_t i;
	int k;

	json_object_set_new(o, "file", jstr(d->file));
	for (i = 0; i < d->ops.nr; i++)
		json_array_append_new(names,
			jstr(((const struct ops_object *)d->ops.items[i])->name));
	json_object_set_new(o, "ops", names);
	for (k = 0; k <= USE_READ; k++)
		json_object_set_new(kinds, use_kind_name(k),
				    json_integer(d->uses_by_kind[k]));
	json_object_set_new(o, "uses", kinds);
	json_object_set_new(o, "domain_pgsize", json_integer(d->domain_sets.nr));
	return o;
}

static json_t *array_of(const struct vec *v, json_t *(*fn)(const void *))
{
	json_t *arr = json_array();
	size_t i;

	for (i = 0; i < v->nr; i++)
		json_array_append_new(arr, fn(v->items[i]));
	return arr;
}

static json_t *parsed_files_json(const struct inventory *inv)
{
	json_t *arr = json_array();
	size_t i;

	for (i = 0; i < inv->parsed.nr; i++) {
		const struct parse_result *r = inv->parsed.items[i];
		json_t *o = json_object();

		json_object_set_new(o, "file", jstr(r->file));
		json_object_set_new(o, "arch", jstr(r->arch));
		json_object_set_new(o, "failed", json_boolean(r->failed));
		json_object_set_new(o, "errors", json_integer(r->errors));
		json_object_set_new(o, "first_error", jstr(r->first_error));
		json_object_set_new(o, "disabled_regions",
				    json_integer(r->disabled_regions));
		json_object_set_new(o, "stuck_regions",
				    json_integer(r->stuck_regions));
		json_object_set_new(o, "forced_config", jstr(r->forced_symbols));
		json_array_append_new(arr, o);
	}
	return arr;
}

/* Does the tree's struct iommu_ops declare pgsize_bitmap; null: no ops seen. */
static json_t *ops_member_json(const struct inventory *inv)
{
	size_t i;

	if (!inv->ops.nr)
		return json_null();
	for (i = 0; i < inv->ops.nr; i++)
		if (((const struct ops_object *)inv->ops.items[i])->ops_member)
			return json_true();
	return json_false();
}

json_t *scan_json(const struct scan_result *res)
{
	json_t *root = json_object();
	json_t *tree = json_object();
	json_t *stats = json_object();

	json_object_set_new(root, "schema", json_string(SCAN_SCHEMA));
	json_object_set_new(root, "version", json_integer(SCAN_SCHEMA_VERSION));
	json_object_set_new(tree, "root", jstr(res->tree->root));
	json_object_set_new(tree, "kernel_version", jstr(res->tree->version));
	json_object_set_new(tree, "flags",
			    json_string(flags_source_name(res->flags)));
	json_object_set_new(tree, "ops_pgsize_member",
			    ops_member_json(&res->inv));
	json_object_set_new(root, "tree", tree);
	json_object_set_new(stats, "files_seen",
			    json_integer(res->tree_stats.files_seen));
	json_object_set_new(stats, "candidates", json_integer(res->candidates));
	json_object_set_new(stats, "parsed",
			    json_integer(res->inv.files_scanned));
	json_object_set_new(stats, "with_errors",
			    json_integer(inventory_files_with_errors(&res->inv)));
	json_object_set_new(stats, "unreadable",
			    json_integer(res->tree_stats.unreadable));
	json_object_set_new(stats, "binary", json_integer(res->tree_stats.binary));
	json_object_set_new(stats, "bad_links",
			    json_integer(res->tree_stats.bad_links));
	json_object_set_new(root, "stats", stats);
	json_object_set_new(root, "parsed_files", parsed_files_json(&res->inv));
	json_object_set_new(root, "ops",
			    array_of(&res->inv.ops, ops_json));
	json_object_set_new(root, "ops_uses",
			    array_of(&res->inv.uses, use_json));
	json_object_set_new(root, "domain_pgsize",
			    array_of(&res->inv.domain_sets,
				     domain_set_json));
	json_object_set_new(root, "drivers",
			    array_of(&res->drivers, driver_json));
	json_object_set_new(root, "findings",
			    array_of(&res->findings, finding_json_of));
	return root;
}

int write_json(FILE *out, const struct scan_result *res)
{
	json_t *root = scan_json(res);
	int ret;

	ret = json_dumpf(root, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	fputc('\n', out);
	json_decref(root);
	return ret;
}
