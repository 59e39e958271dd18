// SPDX-License-Identifier: GPL-2.0
/* iommu-pgsize scan: inventory of ops-level page sizes in a kernel tree. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "scan/arch_plan.h"
#include "scan/drivers.h"
#include "scan/findings.h"
#include "scan/kbuild_arch.h"
#include "scan/flags.h"
#include "scan/module.h"
#include "scan/output.h"
#include "scan/parse.h"
#include "scan/pch.h"
#include "scan/result_cache.h"
#include "scan/scan.h"
#include "scan/summaries.h"
#include "scan/tree.h"

static double seconds_since(const struct timespec *start)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (now.tv_sec - start->tv_sec) +
	       (now.tv_nsec - start->tv_nsec) / 1e9;
}

static void report_parse_health(const struct scan_result *res, double secs)
{
	unsigned int bad = inventory_files_with_errors(&res->inv);
	size_t i;

	note("parsed %u of %u files in %.1f s; %u with parse errors",
	     res->inv.files_scanned, res->candidates, secs, bad);
	for (i = 0; i < res->inv.parsed.nr && bad; i++) {
		const struct parse_result *r = res->inv.parsed.items[i];

		if (r->failed)
			warn("%s: not parsed: %s", r->file, r->first_error);
		else if (r->errors && verbose)
			warn("%s: %u errors (%s flags); the first:\n%s",
			     r->file, r->errors, r->arch ? r->arch : "host",
			     r->diagnostics ? r->diagnostics : "");
	}
	if (bad && !verbose)
		note("-v shows the first errors of each of those files");
}

static off_t file_size(const struct tree *tree, const char *rel)
{
	char *path = path_join(tree->root, rel);
	struct stat st;
	off_t size = stat(path, &st) ? 0 : st.st_size;

	free(path);
	return size;
}

static int cmp_job_size(const void *a, const void *b)
{
	const struct parse_job *ja = a, *jb = b;

	return (jb->size > ja->size) - (jb->size < ja->size);
}

/*
 * An external module is parsed with the kernel's headers as they are,
 * but for a stand-in of the ops member when the kernel has none (so no
 * PCH for modules: it would hold the headers without it).
 */
static void module_overlays(const struct tree *tree,
			    const struct scan_scope *scope, struct vec *shim,
			    struct vec *all)
{
	size_t i;

	module_member_overlay(tree->kernel->root, shim);
	for (i = 0; scope && scope->overlays && i < scope->overlays->nr; i++)
		vec_push(all, scope->overlays->items[i]);
	for (i = 0; i < shim->nr; i++)
		vec_push(all, shim->items[i]);
	if (shim->nr)
		note("%sinclude/linux/iommu.h has no iommu_ops.pgsize_bitmap: the module's uses of it are compile errors there",
		     tree->kernel->root);
}

/*
 * A file no configuration builds: its Makefile's CONFIG_ symbols on, and
 * no PCH (its headers were read without them).
 */
static void fallback_flags(const struct tree *tree, struct arch_group *g,
			   struct parse_job *job)
{
	struct vec gates = { 0 };
	struct strbuf forced = { 0 };
	size_t i;

	flags_for_file(&g->flags, job->rel, NULL, &job->args);
	kbuild_gates(tree->root, job->rel, &gates);
	for (i = 0; i < gates.nr; i++) {
		vec_push(&job->args, xasprintf("-D%s=1",
					       (char *)gates.items[i]));
		strbuf_addf(&forced, "%s%s", i ? " " : "",
			    (char *)gates.items[i]);
	}
	job->forced = strbuf_detach(&forced);
	vec_free(&gates, free);
}

/* Each group's command lines from kbuild and its files' arguments. */
static void group_flags(const struct tree *tree, struct arch_group *g,
			struct parse_job *jobs)
{
	size_t i;

	flags_load_commands(&g->flags, &g->files);
	for (i = 0; i < g->files.nr; i++) {
		jobs[i].arch = g->name;
		if (vec_contains_str(&g->fallback, jobs[i].rel))
			fallback_flags(tree, g, &jobs[i]);
		else
			flags_for_file(&g->flags, jobs[i].rel, NULL,
				       &jobs[i].args);
	}
}

/*
 * A precompiled header for the group's files the result cache did not
 * have, if enough of them are left to gain from one; @jobs are the
 * group's.
 */
static void group_pch(const struct tree *tree, struct arch_group *g,
		      struct parse_job *jobs, struct pch *pch,
		      struct inventory *inv)
{
	struct vec left = { 0 };
	size_t i;

	memset(pch, 0, sizeof(*pch));
	for (i = 0; i < g->files.nr; i++)
		if (!jobs[i].cached && !jobs[i].forced)
			vec_push(&left, jobs[i].rel);
	pch_build(pch, tree, &g->flags, &left, inv);
	if (pch->path)
		note("%s: precompiled %u headers most of its %zu files to parse include",
		     g->name ? g->name : "all", pch->headers, left.nr);
	vec_free(&left, NULL);
	if (!pch->path)
		return;
	for (i = 0; i < g->files.nr; i++) {
		if (jobs[i].cached || jobs[i].forced)
			continue;
		jobs[i].plain_args = jobs[i].args;
		memset(&jobs[i].args, 0, sizeof(jobs[i].args));
		flags_for_file(&g->flags, jobs[i].rel, pch->path,
			       &jobs[i].args);
		jobs[i].pch = pch;
	}
}

/* Look every job up in the result cache (none with --no-cache). */
static struct result_cache *cache_lookup(const struct tree *tree,
					 const struct flags_config *cfg,
					 struct parse_job *jobs, size_t n,
					 bool force_config,
					 struct inventory *inv)
{
	struct result_cache *cache = NULL;
	unsigned int hits, misses;
	char *root, *dir;
	size_t i;

	root = cfg->no_cache ? NULL : flags_cache_root(cfg);
	if (root) {
		dir = path_join(root, "results");
		cache = result_cache_open(dir, tree->root);
		free(dir);
		free(root);
	}
	for (i = 0; cache && i < n; i++)
		jobs[i].cached = result_cache_get(cache, &jobs[i],
						  force_config, inv);
	result_cache_counts(cache, &hits, &misses);
	if (hits)
		note("%u of %u files unchanged since an earlier scan: their results are reused",
		     hits, hits + misses);
	return cache;
}

/* FILE, ARCH and the arguments without a PCH, tab-separated, a line each. */
static void print_args(const struct parse_job *jobs, size_t n)
{
	size_t i, k;

	for (i = 0; i < n; i++) {
		const struct vec *a = jobs[i].plain_args.nr ?
				      &jobs[i].plain_args : &jobs[i].args;

		printf("%s\t%s", jobs[i].rel, jobs[i].arch ? jobs[i].arch : "-");
		for (k = 0; k < a->nr; k++)
			printf("\t%s", (char *)a->items[k]);
		putchar('\n');
	}
}

static void note_arches(const struct vec *groups)
{
	struct strbuf sb = { 0 };
	size_t i;

	if (groups->nr < 2)
		return;
	for (i = 0; i < groups->nr; i++) {
		const struct arch_group *g = groups->items[i];

		strbuf_addf(&sb, "%s%s %zu", i ? ", " : "", g->name,
			    g->files.nr);
	}
	note("files per architecture: %s", sb.buf);
	strbuf_release(&sb);
}

/* Find, parse and analyse; the number of usable parses, or -1. */
static int scan_tree(const struct tree *tree, const struct flags_config *cfg,
		     const struct scan_scope *scope, struct scan_result *res)
{
	struct vec files = { 0 }, groups = { 0 };
	struct vec overlays = { 0 }, shim = { 0 };
	struct parse_job *jobs;
	struct arch_group *first;
	struct result_cache *cache;
	struct pch *pchs;
	struct timespec start;
	int usable = 0;
	size_t i, g, n = 0;
	bool force;

	clock_gettime(CLOCK_MONOTONIC, &start);
	if (scope) {
		for (i = 0; i < scope->files->nr; i++)
			vec_push(&files, xstrdup(scope->files->items[i]));
		res->tree_stats.files_seen = files.nr;
	} else {
		tree_find_candidates(tree, &files, &res->tree_stats);
		note("%zu of %u source files name pgsize_bitmap or define an iommu_ops object (%.1f s)",
		     files.nr, res->tree_stats.files_seen,
		     seconds_since(&start));
	}
	/* arch_plan_make() said why; the command exits with EXIT_FATAL. */
	if (arch_plan_make(tree, cfg, &files, &groups)) {
		vec_free(&groups, arch_group_free);
		vec_free(&files, free);
		return -1;
	}
	first = groups.items[0];
	res->flags = first->flags.source;
	res->candidates = files.nr;
	note_arches(&groups);
	if (tree->kernel)
		module_overlays(tree, scope, &shim, &overlays);
	jobs = xcalloc(files.nr, sizeof(*jobs));
	pchs = xcalloc(groups.nr, sizeof(*pchs));
	for (g = 0; g < groups.nr; g++) {
		struct arch_group *grp = groups.items[g];

		for (i = 0; i < grp->files.nr; i++) {
			jobs[n + i].rel = grp->files.items[i];
			jobs[n + i].size = file_size(tree, jobs[n + i].rel);
			jobs[n + i].overlays = tree->kernel ? &overlays :
					       scope ? scope->overlays : NULL;
		}
		group_flags(tree, grp, jobs + n);
		n += grp->files.nr;
	}
	if (cfg->print_args) {
		print_args(jobs, n);
		goto out;
	}
	force = first->flags.source == FLAGS_UNPREPARED;
	cache = cache_lookup(tree, cfg, jobs, n, force, &res->inv);
	/* A PCH would hide a changed header's new contents. */
	for (i = 0, g = 0; g < groups.nr; g++) {
		struct arch_group *grp = groups.items[g];

		if ((!scope || !scope->no_pch) && !tree->kernel)
			group_pch(tree, grp, jobs + i, &pchs[g], &res->inv);
		i += grp->files.nr;
	}
	/* Biggest first, so no thread is left with a large file at the end. */
	qsort(jobs, n, sizeof(*jobs), cmp_job_size);
	parse_all(tree, jobs, n, cfg->jobs, force, cache, &res->inv);
	result_cache_close(cache);
	inventory_finish(&res->inv);
	report_parse_health(res, seconds_since(&start));
out:
	for (g = 0; g < groups.nr; g++)
		pch_remove(&pchs[g]);
	for (i = 0; i < n; i++) {
		vec_free(&jobs[i].args, free);
		vec_free(&jobs[i].plain_args, free);
		free(jobs[i].forced);
	}
	free(pchs);
	free(jobs);
	vec_free(&groups, arch_group_free);
	vec_free(&files, free);
	vec_free(&overlays, NULL);
	vec_free(&shim, module_overlay_free);
	for (i = 0; i < res->inv.parsed.nr; i++)
		usable += !((struct parse_result *)res->inv.parsed.items[i])->failed;
	return usable;
}

int scan_analyse(const struct tree *tree, const struct flags_config *cfg,
		 struct scan_result *res)
{
	return scan_analyse_scoped(tree, cfg, NULL, res);
}

int scan_analyse_scoped(const struct tree *tree,
			const struct flags_config *cfg,
			const struct scan_scope *scope, struct scan_result *res)
{
	int usable;

	memset(res, 0, sizeof(*res));
	res->tree = tree;
	usable = scan_tree(tree, cfg, scope, res);
	if (usable < 0)
		return -1;
	if (cfg->print_args)
		return 0;
	if (!usable && res->candidates) {
		error("no file of %s could be parsed", tree->root);
		return -1;
	}
	/* Facts across files, before the verdicts become findings. */
	summaries_resolve(&res->inv);
	run_rules(&res->inv, &res->findings);
	group_drivers(&res->inv, &res->drivers);
	return 0;
}

void scan_result_release(struct scan_result *res)
{
	vec_free(&res->findings, finding_free);
	vec_free(&res->drivers, driver_free);
	inventory_release(&res->inv);
}

