// SPDX-License-Identifier: GPL-2.0
/* iommu-pgsize report: write OUTDIR/index.html and OUTDIR/summary.md. */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "report/report.h"
#include "scan/options.h"
#include "scan/scan.h"
#include "scan/tree.h"
#include "lib/fileio.h"

static const char report_usage[] =
"usage: iommu-pgsize report [options] [TREE]\n"
"\n"
"Write a migration report: OUTDIR/index.html (self-contained: summary,\n"
"status chart, a row per driver, the findings) and OUTDIR/summary.md\n"
"(the table in Markdown). The model is the scan's JSON: read from\n"
"--scan FILE ('scan --format=json' output), or made by scanning TREE.\n"
"\n"
"      --scan FILE             report this scan JSON instead of scanning\n"
"      --series DIR            the patches 'iommu-pgsize series -o DIR' wrote;\n"
"                              copied into OUTDIR/patches/ and linked\n"
"  -o, --output DIR            where to write (default: report/out)\n"
"  -p, --compile-commands DIR  as for scan, when scanning TREE\n"
"      --no-prepare            as for scan\n"
"      --cache-dir DIR         as for scan\n"
"  -j, --jobs N                as for scan\n"
"  -q, --quiet                 no progress or status messages\n"
"  -h, --help                  show this help\n"
"\n"
"Prints the path of index.html. Exit status: 0 written, 2 usage or\n"
"fatal error (bad scan JSON, not a series directory, cannot write).\n";

struct report_options {
	struct flags_config flags;
	const char *scan_file;
	const char *series;
	const char *output;
	const char *tree;
};

static int report_option(int c, const char *arg, void *ctx)
{
	struct report_options *o = ctx;

	switch (c) {
	case 's':
		o->scan_file = arg;
		break;
	case 'S':
		o->series = arg;
		break;
	case 'o':
		o->output = arg;
		break;
	default:
		fputs(report_usage, stderr);
		return -1;
	}
	return 0;
}

static int parse_report_options(int argc, char **argv,
				struct report_options *o)
{
	static const struct option own[] = {
		{ "scan", required_argument, NULL, 's' },
		{ "series", required_argument, NULL, 'S' },
		{ "output", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 },
	};
	const struct command_line cl = {
		.name = "report", .usage = report_usage, .shortopts = "o:",
		.own = own, .option = report_option, .ctx = o,
	};

	memset(o, 0, sizeof(*o));
	o->output = "report/out";
	if (parse_command_line(argc, argv, &cl, &o->flags, &o->tree))
		return -1;
	if (o->scan_file && optind < argc) {
		error("report takes --scan FILE or a TREE to scan, not both");
		return -1;
	}
	return 0;
}

static json_t *load_scan(const char *file)
{
	json_error_t err;
	json_t *j;

	if (!strcmp(file, "-"))
		j = json_loadf(stdin, 0, &err);
	else
		j = json_load_file(file, 0, &err);
	if (!j)
		error("%s:%d: not JSON: %s", file, err.line, err.text);
	return j;
}

static json_t *scan_now(const struct report_options *o)
{
	struct scan_result res;
	struct tree tree;
	json_t *j = NULL;

	if (tree_open(o->tree, &tree))
		return NULL;
	if (!scan_analyse(&tree, &o->flags, &res)) {
		j = scan_json(&res);
		scan_result_release(&res);
	}
	tree_release(&tree);
	return j;
}

/* Never write into the scanned tree: resolve the deepest existing parent. */
static bool inside_tree(const char *root, const char *dir)
{
	char *p = xstrdup(dir), *slash;
	char real[PATH_MAX];
	bool inside;

	while (!realpath(p, real)) {
		slash = strrchr(p, '/');
		if (!slash || slash == p) {
			free(p);
			p = xstrdup(slash ? "/" : ".");
			continue;
		}
		*slash = '\0';
	}
	free(p);
	strcat(real, "/");
	inside = starts_with(real, root);
	return inside;
}

static int write_out(const char *dir, const char *name, const char *text,
		      size_t len)
{
	char *path = path_join(dir, name);
	int ret = 0;

	if (write_file(path, text, len)) {
		error("cannot write %s: %s", path, strerror(errno));
		ret = -1;
	}
	free(path);
	return ret;
}

/* OUTDIR/patches/: this series only, so every link resolves here. */
static int copy_patches(const struct report *r, const char *series,
			const char *outdir)
{
	char *dir = path_join(outdir, "patches");
	DIR *dh;
	struct dirent *de;
	size_t i, size;
	int ret = 0;

	dh = mkdir_p(dir) ? NULL : opendir(dir);
	if (!dh) {
		error("cannot create %s", dir);
		free(dir);
		return -1;
	}
	while ((de = readdir(dh))) {
		if (ends_with(de->d_name, ".patch")) {
			char *old = path_join(dir, de->d_name);

			unlink(old);
			free(old);
		}
	}
	closedir(dh);
	for (i = 0; i < r->patches.nr && !ret; i++) {
		char *from = path_join(series, r->patches.items[i]);
		char *text = read_file(from, &size);

		if (!text) {
			error("cannot read %s: %s", from, strerror(errno));
			ret = -1;
		} else {
			ret = write_out(dir, r->patches.items[i], text, size);
		}
		free(text);
		free(from);
	}
	free(dir);
	return ret;
}

static int write_report(const struct report *r, const struct report_options *o)
{
	struct strbuf html = { 0 }, md = { 0 };
	char real[PATH_MAX];
	int ret = -1;

	if (mkdir_p(o->output) || !realpath(o->output, real)) {
		error("cannot create %s", o->output);
		return -1;
	}
	if (o->series && copy_patches(r, o->series, real))
		return -1;
	report_html(&html, r);
	report_md(&md, r);
	if (!write_out(real, "index.html", html.buf, html.len) &&
	    !write_out(real, "summary.md", md.buf, md.len)) {
		printf("%s/index.html\n", real);
		ret = 0;
	}
	strbuf_release(&html);
	strbuf_release(&md);
	return ret;
}

int cmd_report(int argc, char **argv)
{
	struct report_options o;
	struct report r = { 0 };
	json_t *scan;
	int ret = EXIT_FATAL;

	if (parse_report_options(argc, argv, &o))
		return EXIT_FATAL;
	scan = o.scan_file ? load_scan(o.scan_file) : scan_now(&o);
	if (!scan)
		return EXIT_FATAL;
	if (report_model(&r, scan))
		goto out;
	if (inside_tree(r.root, o.output)) {
		error("%s is inside the scanned tree %s; choose another -o",
		      o.output, r.root);
		goto out;
	}
	if (o.series && report_add_series(&r, o.series))
		goto out;
	if (!write_report(&r, &o))
		ret = 0;
out:
	report_release(&r);
	return ret;
}
