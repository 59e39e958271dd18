// SPDX-License-Identifier: GPL-2.0
/* The baseline file: today's accepted findings, by fingerprint and count. */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>

#include "lint/lint.h"
#include "lib/fileio.h"
#include "scan/output.h"

void ref_entry_free(void *p)
{
	struct ref_entry *e = p;

	free(e->rule);
	free(e->file);
	free(e->function);
	free(e->message);
	free(e);
}

static int cmp_entry(const void *a, const void *b)
{
	const struct ref_entry *ea = *(const struct ref_entry *const *)a;
	const struct ref_entry *eb = *(const struct ref_entry *const *)b;
	int c = strcmp(ea->file, eb->file);

	return c ? c : strcmp(ea->fingerprint, eb->fingerprint);
}

static struct ref_entry *find_entry(struct vec *entries, const char *fp)
{
	size_t i;

	for (i = 0; i < entries->nr; i++) {
		struct ref_entry *e = entries->items[i];

		if (!strcmp(e->fingerprint, fp))
			return e;
	}
	return NULL;
}

void ref_from_findings(const struct vec *findings, struct vec *entries)
{
	size_t i;

	for (i = 0; i < findings->nr; i++) {
		const struct finding *f = findings->items[i];
		struct ref_entry *e = find_entry(entries, f->fingerprint);

		if (e) {
			e->count++;
			continue;
		}
		e = xcalloc(1, sizeof(*e));
		memcpy(e->fingerprint, f->fingerprint, sizeof(e->fingerprint));
		e->count = 1;
		e->rule = xstrdup(f->rule);
		e->file = xstrdup(f->loc.file);
		e->function = f->function ? xstrdup(f->function) : NULL;
		e->message = xstrdup(f->message);
		vec_push(entries, e);
	}
	vec_sort(entries, cmp_entry);
}

int baseline_write(const char *path, const struct vec *findings)
{
	struct vec entries = { 0 };
	json_t *root = json_object(), *list = json_array();
	char *text;
	size_t i;
	int ret;

	ref_from_findings(findings, &entries);
	for (i = 0; i < entries.nr; i++) {
		const struct ref_entry *e = entries.items[i];
		json_t *o = json_object();

		json_object_set_new(o, "fingerprint",
				    json_string(e->fingerprint));
		json_object_set_new(o, "count", json_integer(e->count));
		json_object_set_new(o, "rule", json_string(e->rule));
		json_object_set_new(o, "file", jstr(e->file));
		json_object_set_new(o, "function", jstr(e->function));
		json_object_set_new(o, "message", jstr(e->message));
		json_array_append_new(list, o);
	}
	json_object_set_new(root, "schema", json_string(BASELINE_SCHEMA));
	json_object_set_new(root, "version",
			    json_integer(BASELINE_SCHEMA_VERSION));
	json_object_set_new(root, "findings", list);
	text = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	ret = !text || write_file(path, text, strlen(text));
	free(text);
	if (ret)
		error("cannot write the baseline %s: %s", path,
		      strerror(errno));
	json_decref(root);
	vec_free(&entries, ref_entry_free);
	return ret ? -1 : 0;
}

static bool is_fingerprint(const char *s)
{
	size_t i;

	for (i = 0; s[i]; i++)
		if (!isxdigit((unsigned char)s[i]) || isupper((unsigned char)s[i]))
			return false;
	return i == 16;
}

static char *opt_string(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);

	return json_is_string(v) ? xstrdup(json_string_value(v)) : NULL;
}

/* One entry; NULL when it lacks what matching and reporting need. */
static struct ref_entry *read_entry(json_t *o)
{
	json_t *fp = json_object_get(o, "fingerprint");
	json_t *count = json_object_get(o, "count");
	struct ref_entry *e;

	if (!json_is_object(o) || !json_is_string(fp) ||
	    !is_fingerprint(json_string_value(fp)) ||
	    !json_is_integer(count) || json_integer_value(count) < 1 ||
	    json_integer_value(count) > 1000000 ||
	    !json_is_string(json_object_get(o, "rule")) ||
	    !json_is_string(json_object_get(o, "file")) ||
	    !json_is_string(json_object_get(o, "message")))
		return NULL;
	e = xcalloc(1, sizeof(*e));
	memcpy(e->fingerprint, json_string_value(fp), 16);
	e->count = json_integer_value(count);
	e->rule = opt_string(o, "rule");
	e->file = opt_string(o, "file");
	e->function = opt_string(o, "function");
	e->message = opt_string(o, "message");
	return e;
}

/* The entries of a loaded baseline @root; its reference is taken. */
static int baseline_entries(json_t *root, const char *path,
			    struct vec *entries)
{
	json_t *schema, *version, *list, *o;
	size_t i;

	schema = json_object_get(root, "schema");
	version = json_object_get(root, "version");
	list = json_object_get(root, "findings");
	if (!json_is_string(schema) ||
	    strcmp(json_string_value(schema), BASELINE_SCHEMA)) {
		error("%s is not an iommu-pgsize baseline (schema %s, want %s); write one with --update-baseline",
		      path, json_is_string(schema) ?
		      json_string_value(schema) : "missing", BASELINE_SCHEMA);
		goto bad;
	}
	if (!json_is_integer(version) ||
	    json_integer_value(version) != BASELINE_SCHEMA_VERSION) {
		error("%s: baseline version %lld is not supported (want %d)",
		      path, json_is_integer(version) ?
		      (long long)json_integer_value(version) : -1LL,
		      BASELINE_SCHEMA_VERSION);
		goto bad;
	}
	if (!json_is_array(list)) {
		error("%s: corrupt baseline: no \"findings\" array", path);
		goto bad;
	}
	json_array_foreach(list, i, o) {
		struct ref_entry *e = read_entry(o);

		if (!e) {
			error("%s: corrupt baseline: entry %zu needs a 16-digit hex fingerprint, a positive count, rule, file and message",
			      path, i + 1);
			goto bad;
		}
		if (find_entry(entries, e->fingerprint)) {
			error("%s: corrupt baseline: fingerprint %s twice",
			      path, e->fingerprint);
			ref_entry_free(e);
			goto bad;
		}
		vec_push(entries, e);
	}
	json_decref(root);
	vec_sort(entries, cmp_entry);
	return 0;
bad:
	json_decref(root);
	vec_free(entries, ref_entry_free);
	return -1;
}

int baseline_read(const char *path, struct vec *entries)
{
	json_error_t jerr;
	json_t *root = json_load_file(path, 0, &jerr);

	if (!root) {
		error("cannot read the baseline %s: %s (line %d)", path,
		      jerr.text, jerr.line);
		return -1;
	}
	return baseline_entries(root, path, entries);
}

int baseline_parse(const char *text, size_t len, const char *name,
		   struct vec *entries)
{
	json_error_t jerr;
	json_t *root = json_loadb(text, len, 0, &jerr);

	if (!root) {
		error("cannot read the baseline %s: %s (line %d)", name,
		      jerr.text, jerr.line);
		return -1;
	}
	return baseline_entries(root, name, entries);
}
