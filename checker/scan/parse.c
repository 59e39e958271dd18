// SPDX-License-Identifier: GPL-2.0
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <clang-c/Index.h>

#include "ast/collect.h"
#include "ast/cursor.h"
#include "ast/derive.h"
#include "ast/disabled.h"
#include "rules/rules.h"
#include "scan/parse.h"
#include "scan/pch.h"
#include "scan/result_cache.h"

struct pool {
	const struct tree *tree;
	struct parse_job *jobs;
	size_t n;
	atomic_size_t next;
	atomic_size_t done;
	pthread_mutex_t lock;
	struct inventory *inv;
	bool progress;
	bool force_config;
	struct result_cache *cache;
};

/* --verbose shows this many of a file's errors. */
#define SHOWN_DIAGNOSTICS 5

static void count_errors(CXTranslationUnit tu, struct parse_result *res)
{
	unsigned int i, n = clang_getNumDiagnostics(tu);
	struct strbuf shown = { 0 };

	for (i = 0; i < n; i++) {
		CXDiagnostic d = clang_getDiagnostic(tu, i);

		if (clang_getDiagnosticSeverity(d) >= CXDiagnostic_Error &&
		    res->errors++ < SHOWN_DIAGNOSTICS) {
			char *text = diagnostic_text(d);

			strbuf_addf(&shown, "  %s\n", text);
			if (!res->first_error)
				res->first_error = text;
			else
				free(text);
		}
		clang_disposeDiagnostic(d);
	}
	res->diagnostics = shown.buf;
}

static CXTranslationUnit parse_with(CXIndex index, const char *path,
				    const struct vec *args,
				    const struct vec *overlays)
{
	struct CXUnsavedFile *unsaved = NULL;
	CXTranslationUnit tu = NULL;
	size_t i, n = overlays ? overlays->nr : 0;
	enum CXErrorCode err;

	if (n)
		unsaved = xcalloc(n, sizeof(*unsaved));
	for (i = 0; i < n; i++) {
		const struct source_overlay *o = overlays->items[i];

		unsaved[i].Filename = o->path;
		unsaved[i].Contents = o->text;
		unsaved[i].Length = o->len;
	}
	err = clang_parseTranslationUnit2(index, path,
			(const char *const *)args->items, args->nr, unsaved, n,
			CXTranslationUnit_KeepGoing |
			CXTranslationUnit_DetailedPreprocessingRecord, &tu);
	free(unsaved);
	return err == CXError_Success ? tu : NULL;
}

static void add_forced_symbols(struct vec *args, const struct vec *symbols,
			       size_t from)
{
	size_t i;

	for (i = from; i < symbols->nr; i++)
		vec_push(args, xasprintf("-D%s=1", (char *)symbols->items[i]));
}

static char *joined(const struct vec *words)
{
	struct strbuf sb = { 0 };
	size_t i;

	for (i = 0; i < words->nr; i++)
		strbuf_addf(&sb, "%s%s", i ? " " : "", (char *)words->items[i]);
	return strbuf_detach(&sb);
}

/*
 * Where attach finalises the domains, how an allocator would find the
 * same instance from its device (what series needs for such drivers).
 */
static void derive_site_instance(struct ops_site *site)
{
	const struct verdict *init = NULL;
	size_t i;

	for (i = 0; i < site->ops->verdicts.nr && !init; i++) {
		const struct verdict *v = site->ops->verdicts.items[i];

		if (!strcmp(v->rule, RULE_DOMAIN_INIT))
			init = v;
	}
	if (!init || init->verdict != OUTCOME_FINALISED)
		return;
	site->ops->instance = xcalloc(1, sizeof(*site->ops->instance));
	derive_instance(site->unset_alloc, site->attach, site->ops_type,
			site->ops->instance);
}

void collect_and_judge(CXTranslationUnit tu, const char *root,
		       const struct vec *only, struct inventory *inv)
{
	struct vec sites = { 0 };
	size_t i;

	collect_translation_unit(tu, root, only, inv, &sites);
	for (i = 0; i < sites.nr; i++)
		rules_run(sites.items[i]);
	for (i = 0; i < sites.nr; i++)
		derive_site_instance(sites.items[i]);
	vec_free(&sites, ops_site_free);
}

/*
 * Blocks the configuration compiles out although they mention what we look
 * for are parsed again with the CONFIG_ symbols that enable them. With a
 * real configuration only those blocks are collected from the second
 * parse. Without one (--no-prepare) nearly everything is compiled out, so
 * the symbols are gathered over a few rounds and the last parse is
 * collected whole.
 */
static void parse_and_collect(struct pool *pool, CXIndex index,
			      struct parse_job *job, CXTranslationUnit tu,
			      const char *path, struct parse_result *res,
			      struct inventory *inv, struct vec *deps)
{
	struct disabled_code dc = { 0 };
	struct vec args = { 0 };
	const struct vec *plain;
	CXTranslationUnit again = NULL;
	size_t i, known = 0;
	int round;

	find_disabled_code(tu, pool->tree->root, &dc);
	res->disabled_regions = dc.regions.nr;
	res->stuck_regions = dc.stuck;
	if (!pool->force_config || !dc.symbols.nr)
		collect_and_judge(tu, pool->tree->root, NULL, inv);
	if (!dc.symbols.nr)
		goto out;
	/* Forced symbols must reach every header: no PCH here. */
	plain = job->plain_args.nr ? &job->plain_args : &job->args;
	for (i = 0; i < plain->nr; i++)
		vec_push(&args, xstrdup(plain->items[i]));
	for (round = 0; round < (pool->force_config ? 3 : 1); round++) {
		if (known == dc.symbols.nr)
			break;
		add_forced_symbols(&args, &dc.symbols, known);
		known = dc.symbols.nr;
		if (again)
			clang_disposeTranslationUnit(again);
		again = parse_with(index, path, &args, job->overlays);
		if (!again)
			break;
		if (pool->force_config)
			find_disabled_code(again, pool->tree->root, &dc);
	}
	if (again)
		result_cache_deps(again, &args, deps);
	if (again) {
		collect_and_judge(again, pool->tree->root,
				  pool->force_config ? NULL : &dc.regions, inv);
		clang_disposeTranslationUnit(again);
		free(res->forced_symbols);
		res->forced_symbols = joined(&dc.symbols);
	} else if (pool->force_config) {
		collect_and_judge(tu, pool->tree->root, NULL, inv);
	}
	vec_free(&args, free);
out:
	disabled_code_release(&dc);
}

/* A precompiled header that does not fit leaves a fatal error. */
static bool pch_rejected(CXTranslationUnit tu)
{
	unsigned int i, n = clang_getNumDiagnostics(tu);
	bool rejected = false;

	for (i = 0; i < n && !rejected; i++) {
		CXDiagnostic d = clang_getDiagnostic(tu, i);
		CXString s = clang_getDiagnosticSpelling(d);

		rejected = clang_getDiagnosticSeverity(d) == CXDiagnostic_Fatal &&
			   (strstr(clang_getCString(s), "precompiled") ||
			    strstr(clang_getCString(s), "PCH"));
		clang_disposeString(s);
		clang_disposeDiagnostic(d);
	}
	return rejected;
}

/*
 * Headers read through the PCH are the file's inputs too; the PCH's own
 * temporary files are not (the next run has its own, or none).
 */
static void add_pch_deps(struct vec *deps, const struct pch *pch)
{
	size_t i, kept = 0;

	for (i = 0; i < pch->deps.nr; i++)
		if (!vec_contains_str(deps, pch->deps.items[i]))
			vec_push(deps, xstrdup(pch->deps.items[i]));
	for (i = 0; i < deps->nr; i++) {
		if (starts_with(deps->items[i], pch->dir))
			free(deps->items[i]);
		else
			deps->items[kept++] = deps->items[i];
	}
	deps->nr = kept;
}

static void parse_one(struct pool *pool, CXIndex index, struct parse_job *job,
		      struct inventory *inv)
{
	struct parse_result *res = xcalloc(1, sizeof(*res));
	char *path = path_join(pool->tree->root, job->rel);
	const struct vec *used = &job->args;
	struct inventory part = { 0 };
	struct vec deps = { 0 };
	CXTranslationUnit tu;

	res->file = xstrdup(job->rel);
	if (job->arch)
		res->arch = xstrdup(job->arch);
	if (job->forced && *job->forced)
		res->forced_symbols = xstrdup(job->forced);
	tu = parse_with(index, path, &job->args, job->overlays);
	if (job->plain_args.nr && (!tu || pch_rejected(tu))) {
		if (tu)
			clang_disposeTranslationUnit(tu);
		used = &job->plain_args;
		tu = parse_with(index, path, used, job->overlays);
	}
	if (!tu) {
		res->failed = true;
		res->first_error = xasprintf("libclang could not parse %s",
					     job->rel);
	} else {
		count_errors(tu, res);
		result_cache_deps(tu, used, &deps);
		parse_and_collect(pool, index, job, tu, path, res, &part,
				  &deps);
		clang_disposeTranslationUnit(tu);
	}
	part.files_scanned++;
	vec_push(&part.parsed, res);
	if (pool->cache && !res->failed) {
		bool with_pch = job->pch && used == &job->args;

		if (with_pch)
			add_pch_deps(&deps, job->pch);
		result_cache_put(pool->cache, job, &deps, &part,
				 with_pch ? job->pch->inv : NULL);
	}
	inventory_merge(inv, &part);
	vec_free(&deps, free);
	free(path);
}

static void show_progress(struct pool *pool, const char *rel)
{
	size_t done = atomic_fetch_add(&pool->done, 1) + 1;

	if (!pool->progress)
		return;
	pthread_mutex_lock(&pool->lock);
	fprintf(stderr, "\r\033[K[%zu/%zu] %s", done, pool->n, rel);
	pthread_mutex_unlock(&pool->lock);
}

static void *worker(void *arg)
{
	struct pool *pool = arg;
	struct inventory local = { 0 };
	/* Skip declarations that come from the PCH: pch_build walked them. */
	CXIndex index = clang_createIndex(1, 0);
	size_t i;

	while ((i = atomic_fetch_add(&pool->next, 1)) < pool->n) {
		if (pool->jobs[i].cached)
			continue;
		parse_one(pool, index, &pool->jobs[i], &local);
		show_progress(pool, pool->jobs[i].rel);
	}
	clang_disposeIndex(index);
	pthread_mutex_lock(&pool->lock);
	inventory_merge(pool->inv, &local);
	pthread_mutex_unlock(&pool->lock);
	return NULL;
}

void parse_all(const struct tree *tree, struct parse_job *jobs, size_t n,
	       int threads, bool force_config, struct result_cache *cache,
	       struct inventory *inv)
{
	struct pool pool = {
		.tree = tree, .jobs = jobs, .n = n, .inv = inv,
		.force_config = force_config, .cache = cache,
		.progress = !quiet && isatty(STDERR_FILENO),
	};
	pthread_t *tids;
	int i, started = 0;

	if (threads < 1)
		threads = 1;
	if ((size_t)threads > n)
		threads = n ? n : 1;
	pthread_mutex_init(&pool.lock, NULL);
	tids = xcalloc(threads, sizeof(*tids));
	for (i = 0; i < threads; i++) {
		pthread_attr_t attr;

		/* libclang recurses deeply on kernel macros. */
		pthread_attr_init(&attr);
		pthread_attr_setstacksize(&attr, 64 << 20);
		if (!pthread_create(&tids[started], &attr, worker, &pool))
			started++;
		pthread_attr_destroy(&attr);
	}
	if (!started)
		worker(&pool);
	for (i = 0; i < started; i++)
		pthread_join(tids[i], NULL);
	if (pool.progress)
		fputs("\r\033[K", stderr);
	pthread_mutex_destroy(&pool.lock);
	free(tids);
}
