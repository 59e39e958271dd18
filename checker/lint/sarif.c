// SPDX-License-Identifier: GPL-2.0
/*
 * SARIF 2.1.0 for code-scanning interfaces: one run, the four rules with
 * their help, each finding with its location relative to the tree root
 * (uriBaseId SRCROOT) and its fingerprint.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>

#include "lint/lint.h"
#include "scan/output.h"
#include "rules/rules.h"
#include "lib/datadir.h"

#define TOOL_NAME "iommu-pgsize"
#define TOOL_VERSION "0.1"
#define FINGERPRINT_KEY "iommuPgsizeFingerprint/v1"

/* RFC 3986: keep unreserved characters and '/', escape the rest. */
static char *uri_escape(const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	struct strbuf sb = { 0 };
	const unsigned char *p;

	for (p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~/", *p)) {
			strbuf_add(&sb, (const char *)p, 1);
		} else {
			char esc[3] = { '%', hex[*p >> 4], hex[*p & 15] };

			strbuf_add(&sb, esc, 3);
		}
	}
	return sb.buf ? strbuf_detach(&sb) : xstrdup("");
}

static json_t *text(const char *s)
{
	json_t *o = json_object();

	json_object_set_new(o, "text", jstr(s));
	return o;
}

/* The man page in the program's data directory; NULL if there is none. */
static json_t *doc_uri(void)
{
	char *path = data_path("docs/iommu-pgsize.1");
	char real[PATH_MAX];
	char *uri;
	json_t *j;

	if (!path || !realpath(path, real)) {
		free(path);
		return NULL;
	}
	free(path);
	uri = uri_escape(real);
	j = json_sprintf("file://%s", uri);
	free(uri);
	return j;
}

static json_t *rules_json(void)
{
	json_t *rules = json_array(), *uri = doc_uri();
	size_t i;

	for (i = 0; i < nr_rules; i++) {
		const struct rule *d = &rule_table[i];
		json_t *r = json_object(), *conf = json_object();

		json_object_set_new(r, "id", json_string(d->id));
		json_object_set_new(r, "name", json_string(d->sarif_id));
		json_object_set_new(r, "shortDescription", text(d->summary));
		json_object_set_new(r, "fullDescription", text(d->help));
		json_object_set_new(r, "help", text(d->help));
		if (uri)
			json_object_set(r, "helpUri", uri);
		json_object_set_new(conf, "level", json_string(d->level));
		json_object_set_new(r, "defaultConfiguration", conf);
		json_array_append_new(rules, r);
	}
	json_decref(uri);
	return rules;
}

static int rule_index(const char *id)
{
	size_t i;

	for (i = 0; i < nr_rules; i++)
		if (!strcmp(rule_table[i].id, id))
			return i;
	return -1;
}

static json_t *location(const char *file, unsigned int line,
			unsigned int col, const char *function)
{
	json_t *loc = json_object(), *phys = json_object();
	json_t *art = json_object(), *region = json_object();
	char *uri = uri_escape(file);

	json_object_set_new(art, "uri", json_string(uri));
	json_object_set_new(art, "uriBaseId", json_string("SRCROOT"));
	json_object_set_new(phys, "artifactLocation", art);
	if (line) {
		json_object_set_new(region, "startLine", json_integer(line));
		if (col)
			json_object_set_new(region, "startColumn",
					    json_integer(col));
		json_object_set_new(phys, "region", region);
	} else {
		json_decref(region);
	}
	json_object_set_new(loc, "physicalLocation", phys);
	if (function) {
		json_t *logical = json_object(), *list = json_array();

		json_object_set_new(logical, "name", jstr(function));
		json_object_set_new(logical, "kind", json_string("function"));
		json_array_append_new(list, logical);
		json_object_set_new(loc, "logicalLocations", list);
	}
	free(uri);
	return loc;
}

static json_t *result(const char *rule, const char *level, const char *msg,
		      json_t *loc, const char *fingerprint, const char *state)
{
	json_t *r = json_object(), *locs = json_array(), *fps = json_object();
	int idx = rule_index(rule);

	json_object_set_new(r, "ruleId", json_string(rule));
	if (idx >= 0)
		json_object_set_new(r, "ruleIndex", json_integer(idx));
	json_object_set_new(r, "level", json_string(level));
	json_object_set_new(r, "message", text(msg));
	json_array_append_new(locs, loc);
	json_object_set_new(r, "locations", locs);
	json_object_set_new(fps, FINGERPRINT_KEY, json_string(fingerprint));
	json_object_set_new(r, "partialFingerprints", fps);
	json_object_set_new(r, "baselineState", json_string(state));
	return r;
}

static void add_findings(json_t *results, const struct vec *findings,
			 const char *state)
{
	size_t i;

	for (i = 0; i < findings->nr; i++) {
		const struct finding *f = findings->items[i];

		json_array_append_new(results, result(f->rule, f->severity,
			f->message, location(f->loc.file, f->loc.line,
					     f->loc.col, f->function),
			f->fingerprint, state));
	}
}

int lint_write_sarif(FILE *out, const struct lint_result *res)
{
	json_t *root = json_object(), *run = json_object();
	json_t *runs = json_array(), *tool = json_object();
	json_t *driver = json_object(), *results = json_array();
	json_t *bases = json_object(), *srcroot = json_object();
	char *root_uri = uri_escape(res->tree_root);
	json_t *info;
	size_t i;
	int ret;

	json_object_set_new(driver, "name", json_string(TOOL_NAME));
	json_object_set_new(driver, "version", json_string(TOOL_VERSION));
	info = doc_uri();
	if (info)
		json_object_set_new(driver, "informationUri", info);
	json_object_set_new(driver, "rules", rules_json());
	json_object_set_new(tool, "driver", driver);
	json_object_set_new(run, "tool", tool);
	json_object_set_new(srcroot, "uri", json_sprintf("file://%s",
							 root_uri));
	json_object_set_new(bases, "SRCROOT", srcroot);
	json_object_set_new(run, "originalUriBaseIds", bases);
	add_findings(results, &res->new_findings, "new");
	add_findings(results, &res->known, "unchanged");
	for (i = 0; i < res->fixed.nr; i++) {
		const struct ref_entry *e = res->fixed.items[i];

		json_array_append_new(results, result(e->rule, "warning",
			e->message, location(e->file, 0, 0, e->function),
			e->fingerprint, "absent"));
	}
	json_object_set_new(run, "results", results);
	json_array_append_new(runs, run);
	json_object_set_new(root, "$schema", json_string(
		"https://json.schemastore.org/sarif-2.1.0.json"));
	json_object_set_new(root, "version", json_string("2.1.0"));
	json_object_set_new(root, "runs", runs);
	ret = json_dumpf(root, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	fputc('\n', out);
	json_decref(root);
	free(root_uri);
	return ret;
}
