// SPDX-License-Identifier: GPL-2.0
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <clang-c/Index.h>

#include "ast/collect.h"
#include "ast/cursor.h"
#include "scan/parse.h"
#include "scan/inventory_json.h"
#include "scan/pch.h"
#include "scan/result_cache.h"
#include "lib/cleanup.h"
#include "lib/fileio.h"

struct count {
	char *header;
	unsigned int files;
};

static struct count *find_count(struct vec *counts, const char *header,
				size_t len)
{
	struct count *c;
	size_t i;

	for (i = 0; i < counts->nr; i++) {
		c = counts->items[i];
		if (strlen(c->header) == len && !memcmp(c->header, header, len))
			return c;
	}
	c = xcalloc(1, sizeof(*c));
	c->header = xstrndup(header, len);
	vec_push(counts, c);
	return c;
}

/* The headers a file includes with <>, each once. */
static void angle_includes(const char *text, size_t size, struct vec *found)
{
	const char *p = text, *end = text + size;

	while ((p = memmem(p, end - p, "#include <", 10))) {
		const char *name = p + 10;
		const char *q = memchr(name, '>', end - name);
		struct count *c;

		if (!q)
			break;
		c = find_count(found, name, q - name);
		c->files = 1;
		p = q;
	}
}

static int cmp_count(const void *a, const void *b)
{
	const struct count *ca = *(const struct count *const *)a;
	const struct count *cb = *(const struct count *const *)b;

	if (ca->files != cb->files)
		return ca->files < cb->files ? 1 : -1;
	return strcmp(ca->header, cb->header);
}

void common_includes(const struct tree *tree, const struct vec *files,
		     unsigned int percent, struct vec *out)
{
	struct vec counts = { 0 };
	size_t i;

	for (i = 0; i < files->nr; i++) {
		char *path = path_join(tree->root, files->items[i]);
		struct vec local = { 0 };
		size_t size, k;
		char *text = read_file(path, &size);

		free(path);
		if (!text)
			continue;
		angle_includes(text, size, &local);
		for (k = 0; k < local.nr; k++) {
			struct count *lc = local.items[k];

			find_count(&counts, lc->header,
				   strlen(lc->header))->files++;
			free(lc->header);
			free(lc);
		}
		vec_free(&local, NULL);
		free(text);
	}
	vec_sort(&counts, cmp_count);
	for (i = 0; i < counts.nr; i++) {
		struct count *c = counts.items[i];

		if (c->files >= 2 && c->files * 100 >= percent * files->nr)
			vec_push(out, xstrdup(c->header));
		free(c->header);
		free(c);
	}
	vec_free(&counts, NULL);
}

/* The first error diagnostic, formatted (malloc'ed), or NULL. */
static char *first_error(CXTranslationUnit tu)
{
	unsigned int i, n = clang_getNumDiagnostics(tu);
	char *err = NULL;

	for (i = 0; i < n && !err; i++) {
		CXDiagnostic d = clang_getDiagnostic(tu, i);

		if (clang_getDiagnosticSeverity(d) >= CXDiagnostic_Error)
			err = diagnostic_text(d);
		clang_disposeDiagnostic(d);
	}
	return err;
}

static char *write_pch_source(const char *dir, const struct vec *headers)
{
	char *path = path_join(dir, "common.h");
	FILE *fp = fopen(path, "w");
	size_t i;

	if (!fp) {
		free(path);
		return NULL;
	}
	for (i = 0; i < headers->nr; i++)
		fprintf(fp, "#include <%s>\n", (char *)headers->items[i]);
	if (fclose(fp)) {
		free(path);
		return NULL;
	}
	return path;
}

void pch_build(struct pch *pch, const struct tree *tree, struct flags *flags,
	       const struct vec *files, struct inventory *inv)
{
	struct vec headers = { 0 }, args = { 0 };
	struct inventory part = { 0 };
	CXTranslationUnit tu = NULL;
	CXIndex index = NULL;
	char *source = NULL, *err;

	memset(pch, 0, sizeof(*pch));
	if (files->nr < 4 || !flags_for_pch(flags, &args))
		goto out;
	common_includes(tree, files, 30, &headers);
	if (!headers.nr)
		goto out;
	pch->dir = make_temp_dir("pch");
	if (!pch->dir)
		goto out;
	source = write_pch_source(pch->dir, &headers);
	if (!source)
		goto out;
	vec_push(&args, xstrdup("-xc-header"));
	index = clang_createIndex(0, 0);
	if (clang_parseTranslationUnit2(index, source,
					(const char *const *)args.items,
					args.nr, NULL, 0,
					CXTranslationUnit_ForSerialization |
					CXTranslationUnit_Incomplete |
					CXTranslationUnit_DetailedPreprocessingRecord,
					&tu) != CXError_Success || !tu)
		goto out;
	err = first_error(tu);
	if (err) {
		note("not using a precompiled header: its headers do not parse cleanly (%s)",
		     err);
		free(err);
		goto out;
	}
	/* Files using the PCH will not walk these headers: do it here. */
	collect_and_judge(tu, tree->root, NULL, &part);
	pch->inv = inventory_to_json(&part);
	inventory_merge(inv, &part);
	result_cache_deps(tu, &args, &pch->deps);
	pch->path = path_join(pch->dir, "common.h.pch");
	if (clang_saveTranslationUnit(tu, pch->path,
				      clang_defaultSaveOptions(tu))) {
		free(pch->path);
		pch->path = NULL;
		goto out;
	}
	pch->headers = headers.nr;
out:
	if (tu)
		clang_disposeTranslationUnit(tu);
	if (index)
		clang_disposeIndex(index);
	free(source);
	vec_free(&headers, free);
	vec_free(&args, free);
}

void pch_remove(struct pch *pch)
{
	if (pch->dir) {
		char *source = path_join(pch->dir, "common.h");

		unlink(source);
		if (pch->path)
			unlink(pch->path);
		rmdir(pch->dir);
		cleanup_forget(pch->dir);
		free(source);
	}
	free(pch->dir);
	free(pch->path);
	json_decref(pch->inv);
	vec_free(&pch->deps, free);
	memset(pch, 0, sizeof(*pch));
}
