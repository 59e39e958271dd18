// SPDX-License-Identifier: GPL-2.0
/* iommu-pgsize report: write OUTDIR/index.html and OUTDIR/summary.md. */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "report/report.h"
#include "scan/scan.h"
#include "scan/tree.h"
#include "lib/fileio.h"
#include "lib/outdir.h"

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

	if (tree_open_with(o->tree, o->flags.kernel, &tree))
		return NULL;
	if (!scan_analyse(&tree, &o->flags, &res)) {
		j = scan_json(&res);
		scan_result_release(&res);
	}
	tree_release(&tree);
	return j;
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
		char *text = read_regular_file(from, &size);

		if (!text) {
			error("cannot read %s: %s", from,
			      read_regular_error(errno));
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

	if (output_dir_prepare(o->output) || !realpath(o->output, real))
		return -1;
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

int report_run(const struct report_options *o)
{
	struct report r = { 0 };
	json_t *scan;
	int ret = EXIT_FATAL;

	scan = o->scan_file ? load_scan(o->scan_file) : scan_now(o);
	if (!scan)
		return EXIT_FATAL;
	if (report_model(&r, scan))
		goto out;
	/* With --scan the tree is not read, and the default is ".". */
	if (output_dir_check(o->output, (const char *const[]){ r.root,
			     o->series, o->scan_file ? NULL : o->tree }, 3))
		goto out;
	if (o->series && report_add_series(&r, o->series))
		goto out;
	if (!write_report(&r, o))
		ret = 0;
	output_dir_done(o->output);
out:
	report_release(&r);
	return ret;
}
