// SPDX-License-Identifier: GPL-2.0
/* The report's model: one row per drivers[] entry of the scan JSON. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "rules/rules.h"
#include "scan/output.h"
#include "report/report.h"

const char *const report_rule_names[RR_NR] = {
	[RR_DOMAIN_INIT] = RULE_DOMAIN_INIT,
	[RR_ATTACH_INSTANCE] = RULE_ATTACH_INSTANCE,
	[RR_PGSIZE_FORMAT] = RULE_PGSIZE_FORMAT,
	[RR_ATTACH_BINDING] = RULE_ATTACH_BINDING,
};

const char *report_verdict_word(const struct report_verdict *v,
				const char *none)
{
	return v->given ? outcome_name(v->verdict) : none;
}

const char *const report_status_names[RS_NR] = {
	[RS_MIGRATED] = "migrated",
	[RS_ATTENTION] = "attention",
	[RS_CLEAN] = "clean",
};

const char *const report_status_labels[RS_NR] = {
	[RS_MIGRATED] = "migrated by the series",
	[RS_ATTENTION] = "needs attention",
	[RS_CLEAN] = "nothing to migrate",
};

const char *const report_use_kinds[5] = {
	"init", "write", "compound", "compare", "read"
};

#define MAX_USES	1000000000L

static const char *jget_str(json_t *obj, const char *key)
{
	return json_string_value(json_object_get(obj, key));
}

static long jget_int(json_t *obj, const char *key)
{
	return json_integer_value(json_object_get(obj, key));
}

static struct report_driver *find_driver(struct report *r, const char *file)
{
	size_t i;

	for (i = 0; file && i < r->drivers.nr; i++) {
		struct report_driver *d = r->drivers.items[i];

		if (!strcmp(d->file, file))
			return d;
	}
	return NULL;
}

static void read_verdicts(struct report_ops *o, json_t *list)
{
	size_t i, k;
	json_t *v;

	json_array_foreach(list, i, v) {
		const char *rule = jget_str(v, "rule");
		const char *word;

		for (k = 0; rule && k < RR_NR; k++) {
			if (strcmp(rule, report_rule_names[k]))
				continue;
			word = jget_str(v, "verdict");
			o->v[k].given = word &&
					outcome_parse(word, &o->v[k].verdict);
			o->v[k].level = jget_str(v, "level");
			o->v[k].detail = jget_str(v, "detail");
			o->v[k].file = jget_str(v, "file");
			o->v[k].line = jget_int(v, "line");
		}
	}
}

static void add_ops(struct report *r, json_t *ops)
{
	struct report_ops *o = xcalloc(1, sizeof(*o));
	struct report_driver *d;
	json_t *pg = json_object_get(ops, "pgsize");

	o->name = jget_str(ops, "name");
	o->file = jget_str(ops, "file");
	o->line = jget_int(ops, "line");
	o->expr = jget_str(pg, "expr");
	o->value = jget_str(pg, "value");
	read_verdicts(o, json_object_get(ops, "verdicts"));
	d = find_driver(r, o->file);
	if (!d) {
		/* drivers[] lists every file defining an ops object. */
		warn("ops object %s (%s) belongs to no driver of the scan",
		     o->name ? o->name : "?", o->file ? o->file : "?");
		free(o);
		return;
	}
	vec_push(&d->ops, o);
}

static int add_driver(struct report *r, json_t *drv)
{
	struct report_driver *d;
	json_t *uses = json_object_get(drv, "uses");
	size_t k;

	if (!jget_str(drv, "file")) {
		error("scan JSON: a drivers[] entry has no file");
		return -1;
	}
	d = xcalloc(1, sizeof(*d));
	d->file = jget_str(drv, "file");
	for (k = 0; k < ARRAY_SIZE(d->uses); k++) {
		d->uses[k] = jget_int(uses, report_use_kinds[k]);
		/* Bounded, so that the total cannot overflow. */
		if (d->uses[k] < 0 || d->uses[k] > MAX_USES) {
			error("scan JSON: %s has %ld %s uses, not a count",
			      d->file, d->uses[k], report_use_kinds[k]);
			free(d);
			return -1;
		}
		d->uses_total += d->uses[k];
	}
	vec_push(&r->drivers, d);
	return 0;
}

/* Attach the per-file entries of @key (domain_pgsize, findings) to rows. */
static void attach_by_file(struct report *r, const char *key, bool stores)
{
	json_t *e;
	size_t i;

	json_array_foreach(json_object_get(r->scan, key), i, e) {
		struct report_driver *d = find_driver(r, jget_str(e, "file"));

		if (d)
			vec_push(stores ? &d->stores : &d->findings, e);
	}
}

static int check_schema(json_t *scan)
{
	static const char *const arrays[] = {
		"drivers", "ops", "findings", "domain_pgsize"
	};
	const char *schema = jget_str(scan, "schema");
	size_t i;

	if (!schema || strcmp(schema, SCAN_SCHEMA)) {
		error("not the JSON of 'iommu-pgsize scan --format=json' (schema '%s')",
		      schema ? schema : "none");
		return -1;
	}
	if (jget_int(scan, "version") != SCAN_SCHEMA_VERSION) {
		error("scan JSON version %ld; this report reads version %d",
		      jget_int(scan, "version"), SCAN_SCHEMA_VERSION);
		return -1;
	}
	for (i = 0; i < ARRAY_SIZE(arrays); i++) {
		if (!json_is_array(json_object_get(scan, arrays[i]))) {
			error("scan JSON: '%s' is not an array", arrays[i]);
			return -1;
		}
	}
	if (!jget_str(json_object_get(scan, "tree"), "root")) {
		error("scan JSON: no tree.root");
		return -1;
	}
	return 0;
}

int report_model(struct report *r, json_t *scan)
{
	json_t *e;
	size_t i;

	memset(r, 0, sizeof(*r));
	r->scan = scan;
	if (check_schema(scan))
		return -1;
	r->root = jget_str(json_object_get(scan, "tree"), "root");
	r->version = jget_str(json_object_get(scan, "tree"), "kernel_version");
	r->findings = json_object_get(scan, "findings");
	json_array_foreach(json_object_get(scan, "drivers"), i, e)
		if (add_driver(r, e))
			return -1;
	json_array_foreach(json_object_get(scan, "ops"), i, e)
		add_ops(r, e);
	attach_by_file(r, "domain_pgsize", true);
	attach_by_file(r, "findings", false);
	for (i = 0; i < r->drivers.nr; i++) {
		struct report_driver *d = r->drivers.items[i];

		d->status = d->uses_total ? RS_ATTENTION : RS_CLEAN;
		r->count[d->status]++;
	}
	return 0;
}

static void ops_free(void *p)
{
	struct report_ops *o = p;

	free(o->series_note);
	free(o);
}

static void driver_free_row(void *p)
{
	struct report_driver *d = p;

	vec_free(&d->ops, ops_free);
	vec_free(&d->stores, NULL);
	vec_free(&d->findings, NULL);
	free(d->patch);
	free(d);
}

void report_release(struct report *r)
{
	vec_free(&r->drivers, driver_free_row);
	vec_free(&r->patches, free);
	json_decref(r->scan);
}

void report_file_url(struct strbuf *sb, const struct report *r,
		     const char *file)
{
	strbuf_addstr(sb, "file://");
	url_escape(sb, r->root);
	url_escape(sb, file);
}
