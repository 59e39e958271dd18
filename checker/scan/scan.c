// SPDX-License-Identifier: GPL-2.0
/* iommu-pgsize scan: inventory of ops-level page sizes in a kernel tree. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "scan/drivers.h"
#include "scan/findings.h"
#include "scan/flags.h"
#include "scan/module.h"
#include "scan/output.h"
#include "scan/parse.h"
#include "scan/pch.h"
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
	}
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

/* Find, parse and analyse; the number of usable parses, or -1. */
static int scan_tree(const struct tree *tree, const struct flags_config *cfg,
		     const struct scan_scope *scope, struct scan_result *res)
{
	struct vec files = { 0 };
	struct vec overlays = { 0 }, shim = { 0 };
	struct parse_job *jobs;
	struct flags flags;
	struct pch pch;
	struct timespec start;
	int usable = 0;
	size_t i;

	/* flags_init() said why; the command exits with EXIT_FATAL. */
	if (flags_init(&flags, tree, cfg)) {
		flags_release(&flags);
		return -1;
	}
	res->flags = flags.source;
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
	res->candidates = files.nr;
	if (tree->kernel)
		module_overlays(tree, scope, &shim, &overlays);
	jobs = xcalloc(files.nr, sizeof(*jobs));
	for (i = 0; i < files.nr; i++) {
		jobs[i].rel = files.items[i];
		jobs[i].size = file_size(tree, jobs[i].rel);
		jobs[i].overlays = tree->kernel ? &overlays :
				   scope ? scope->overlays : NULL;
	}
	flags_load_commands(&flags, &files);
	memset(&pch, 0, sizeof(pch));
	/* A PCH would hide a changed header's new contents. */
	if ((!scope || !scope->no_pch) && !tree->kernel)
		pch_build(&pch, tree, &flags, jobs, files.nr, &res->inv);
	if (pch.path)
		note("precompiled %u headers most of those files include",
		     pch.headers);
	for (i = 0; i < files.nr; i++) {
		flags_for_file(&flags, jobs[i].rel, pch.path, &jobs[i].args);
		if (pch.path)
			flags_for_file(&flags, jobs[i].rel, NULL,
				       &jobs[i].plain_args);
	}
	/* Biggest first, so no thread is left with a large file at the end. */
	qsort(jobs, files.nr, sizeof(*jobs), cmp_job_size);
	parse_all(tree, jobs, files.nr, cfg->jobs,
		  flags.source == FLAGS_UNPREPARED, &res->inv);
	inventory_finish(&res->inv);
	report_parse_health(res, seconds_since(&start));
	pch_remove(&pch);
	for (i = 0; i < files.nr; i++) {
		vec_free(&jobs[i].args, free);
		vec_free(&jobs[i].plain_args, free);
	}
	free(jobs);
	vec_free(&files, free);
	vec_free(&overlays, NULL);
	vec_free(&shim, module_overlay_free);
	flags_release(&flags);
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

