// SPDX-License-Identifier: GPL-2.0
/* iommu-pgsize scan: inventory of ops-level page sizes in a kernel tree. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "scan/drivers.h"
#include "scan/findings.h"
#include "scan/flags.h"
#include "scan/options.h"
#include "scan/output.h"
#include "scan/parse.h"
#include "scan/pch.h"
#include "scan/scan.h"
#include "scan/tree.h"

static const char scan_usage[] =
"usage: iommu-pgsize scan [options] [TREE]\n"
"\n"
"List every use of struct iommu_ops' pgsize_bitmap in a kernel tree, with\n"
"the ops objects, their domain allocation and attach callbacks, and where\n"
"domains get their page sizes. TREE defaults to the current directory.\n"
"\n"
"  -p, --compile-commands DIR  use DIR/compile_commands.json for flags\n"
"      --no-prepare            do not prepare generated headers (less exact)\n"
"      --cache-dir DIR         where prepared trees are kept\n"
"                              (default: $XDG_CACHE_HOME/iommu-pgsize)\n"
"  -j, --jobs N                parse N files at once (default: all cores)\n"
"      --format text|json      output format (default: text)\n"
"  -q, --quiet                 no progress or status messages\n"
"  -h, --help                  show this help\n"
"\n"
"Exit status: 0 nothing found, 1 findings, 2 usage or fatal error.\n";

struct scan_options {
	struct flags_config flags;
	bool json;
	const char *tree;
};

static int scan_option(int c, const char *arg, void *ctx)
{
	struct scan_options *o = ctx;

	if (c != 'f') {
		fputs(scan_usage, stderr);
		return -1;
	}
	if (strcmp(arg, "json") && strcmp(arg, "text")) {
		error("unknown format '%s' (text or json)", arg);
		return -1;
	}
	o->json = !strcmp(arg, "json");
	return 0;
}

static int parse_scan_options(int argc, char **argv, struct scan_options *o)
{
	static const struct option own[] = {
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	const struct command_line cl = {
		.name = "scan", .usage = scan_usage, .own = own,
		.option = scan_option, .ctx = o,
	};

	memset(o, 0, sizeof(*o));
	return parse_command_line(argc, argv, &cl, &o->flags, &o->tree);
}

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

/* Find, parse and analyse; returns the number of usable parses. */
static unsigned int scan_tree(const struct tree *tree,
			      const struct flags_config *cfg,
			      const struct scan_scope *scope,
			      struct scan_result *res)
{
	struct vec files = { 0 };
	struct parse_job *jobs;
	struct flags flags;
	struct pch pch;
	struct timespec start;
	unsigned int usable = 0;
	size_t i;

	if (flags_init(&flags, tree, cfg))
		exit(EXIT_FATAL);
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
	jobs = xcalloc(files.nr, sizeof(*jobs));
	for (i = 0; i < files.nr; i++) {
		jobs[i].rel = files.items[i];
		jobs[i].size = file_size(tree, jobs[i].rel);
		jobs[i].overlays = scope ? scope->overlays : NULL;
	}
	memset(&pch, 0, sizeof(pch));
	/* A PCH would hide a changed header's new contents. */
	if (!scope || !scope->no_pch)
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
	memset(res, 0, sizeof(*res));
	res->tree = tree;
	if (!scan_tree(tree, cfg, scope, res) && res->candidates) {
		error("no file of %s could be parsed", tree->root);
		return -1;
	}
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

int cmd_scan(int argc, char **argv)
{
	struct scan_options o;
	struct scan_result res;
	struct tree tree;
	int ret;

	if (parse_scan_options(argc, argv, &o))
		return EXIT_FATAL;
	if (tree_open(o.tree, &tree))
		return EXIT_FATAL;
	if (scan_analyse(&tree, &o.flags, &res))
		return EXIT_FATAL;
	if (o.json)
		write_json(stdout, &res);
	else
		write_text(stdout, &res);
	if (fflush(stdout) || ferror(stdout)) {
		error("cannot write the results");
		return EXIT_FATAL;
	}
	ret = res.findings.nr ? EXIT_FINDINGS : 0;
	scan_result_release(&res);
	tree_release(&tree);
	return ret;
}
