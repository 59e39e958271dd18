// SPDX-License-Identifier: GPL-2.0
/*
 * series --verify: git am each patch onto a pristine scratch copy of the
 * tree, run the tree's checkpatch.pl --strict on it, compile the files it
 * touches on an architecture whose allmodconfig builds them (so every
 * prefix of the series is known to build), then rescan the patched tree.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "scan/findings.h"
#include "scan/scan.h"
#include "series/scratch.h"
#include "scan/output.h"
#include "series/verify.h"
#include "lib/diffpath.h"
#include "lib/fileio.h"
#include "lib/git.h"
#include "lib/spawn.h"
#include "rules/rules.h"

#define AM_NAME "user.name=iommu-pgsize"
#define AM_EMAIL "user.email=iommu-pgsize@localhost"

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* The --arch LIST entries in order, or every architecture. */
int verify_arch_list(const char *list, struct vec *out)
{
	char *copy, *name, *save = NULL;
	const struct kbuild_arch *a;
	size_t i;
	int ret = 0;

	if (!list) {
		for (i = 0; i < kbuild_nr_arches; i++)
			vec_push(out, (void *)&kbuild_arches[i]);
		return 0;
	}
	copy = xstrdup(list);
	for (name = strtok_r(copy, ",", &save); name;
	     name = strtok_r(NULL, ",", &save)) {
		a = kbuild_arch_find(name);
		if (!a) {
			error("--arch: unknown architecture '%s' (known: x86_64, arm64, arm, s390, riscv, powerpc)",
			      name);
			ret = -1;
			break;
		}
		vec_push(out, (void *)a);
	}
	free(copy);
	if (!ret && !out->nr) {
		error("--arch wants a comma-separated list of architectures");
		ret = -1;
	}
	return ret;
}

static void make_argv(struct verify_run *run, struct verify_arch *va,
		      struct vec *argv, const char *target)
{
	vec_push(argv, xstrdup("make"));
	vec_push(argv, xstrdup("-s"));
	vec_push(argv, xasprintf("-j%d", run->rq->jobs > 0 ? run->rq->jobs : 1));
	vec_push(argv, xstrdup("-C"));
	vec_push(argv, xstrdup(run->work));
	vec_push(argv, xasprintf("O=%s", va->objdir));
	vec_push(argv, xasprintf("ARCH=%s", va->a->name));
	if (va->a->cross)
		vec_push(argv, xasprintf("CROSS_COMPILE=%s", va->a->cross));
	vec_push(argv, xstrdup(target));
	vec_push(argv, NULL);
}

/* Run make @target for @va; its output goes to the log. */
static int run_make(struct verify_run *run, struct verify_arch *va,
		    const char *target, struct strbuf *out)
{
	struct vec argv = { 0 };
	struct strbuf mine = { 0 };
	char *heading;
	int ret;

	make_argv(run, va, &argv, target);
	ret = run_capture((char *const *)argv.items, out ? out : &mine, true);
	heading = xasprintf("make ARCH=%s %s: exit %d", va->a->name, target,
			    ret);
	verify_log(run, heading, (out ? out : &mine)->buf);
	free(heading);
	strbuf_release(&mine);
	vec_free(&argv, free);
	return ret;
}

/* allmodconfig for @va, once; false when it cannot be had. */
static bool arch_configured(struct verify_run *run, struct verify_arch *va)
{
	char *path;
	size_t size;
	double start;

	if (va->tried)
		return va->config;
	va->tried = true;
	if (!kbuild_arch_has_compiler(va->a)) {
		warn("no %sgcc for %s (Debian package %s; scripts/install-deps installs it)",
		     va->a->cross ? va->a->cross : "", va->a->name,
		     va->a->package);
		va->failed = true;
		return false;
	}
	note("configuring %s (allmodconfig) in %s", va->a->name, va->objdir);
	start = now();
	if (mkdir_p(va->objdir) || run_make(run, va, "allmodconfig", NULL)) {
		error("allmodconfig failed for %s; see %s", va->a->name,
		      run->log);
		va->failed = true;
		return false;
	}
	va->config_secs = now() - start;
	path = path_join(va->objdir, ".config");
	va->config = read_file(path, &size);
	free(path);
	va->failed = !va->config;
	return va->config;
}

static bool arch_prepared(struct verify_run *run, struct verify_arch *va)
{
	double start;

	if (va->prepared || va->failed)
		return va->prepared;
	note("preparing %s out of tree (once per run; about a minute)",
	     va->a->name);
	start = now();
	if (run_make(run, va, "prepare", NULL)) {
		error("'make prepare' failed for %s; see %s", va->a->name,
		      run->log);
		va->failed = true;
		return false;
	}
	va->prepare_secs = now() - start;
	va->prepared = true;
	return true;
}

/* The first architecture, in order, whose allmodconfig builds @rel. */
static struct verify_arch *arch_for(struct verify_run *run, const char *rel)
{
	char *root = path_join(run->work, "");
	struct verify_arch *found = NULL;
	size_t i;

	for (i = 0; i < run->arches.nr && !found; i++) {
		struct verify_arch *va = run->arches.items[i];

		if (arch_configured(run, va) &&
		    kbuild_builds(root, rel, va->config, va->a))
			found = va;
	}
	free(root);
	return found;
}

static void compile_kbuild(struct verify_run *run, struct verify_compile *c)
{
	struct verify_arch *va = arch_for(run, c->file);
	struct strbuf out = { 0 };
	char *obj;

	c->status = CHECK_FAIL;
	if (!va) {
		c->arch = "-";
		c->why = xstrdup("no architecture's allmodconfig builds it (or a compiler is missing)");
		return;
	}
	c->arch = va->a->name;
	if (!arch_prepared(run, va)) {
		c->why = xasprintf("make prepare failed for %s", va->a->name);
		return;
	}
	obj = xasprintf("%.*s.o", (int)strlen(c->file) - 2, c->file);
	if (!run_make(run, va, obj, &out) &&
	    !verify_has_warning(out.buf ? out.buf : ""))
		c->status = CHECK_PASS;
	else
		c->why = verify_first_complaint(out.buf ? out.buf : "");
	strbuf_release(&out);
	free(obj);
}

/* Off kbuild (the corpus): the host compiler, warnings as errors. */
static void compile_plain(struct verify_run *run, struct verify_compile *c)
{
	char *inc = path_join(run->work, "include");
	char *src = path_join(run->work, c->file);
	char *const argv[] = { "gcc", "-fsyntax-only", "-Wall", "-Werror",
			       "-I", inc, src, NULL };
	struct strbuf out = { 0 };
	char *heading = xasprintf("gcc %s", c->file);

	c->arch = "gcc";
	if (!run_capture(argv, &out, true)) {
		c->status = CHECK_PASS;
	} else {
		c->status = CHECK_FAIL;
		c->why = verify_first_complaint(out.buf ? out.buf : "");
	}
	verify_log(run, heading, out.buf);
	free(heading);
	strbuf_release(&out);
	free(inc);
	free(src);
}

static void compile_file(struct verify_run *run, struct verify_patch *p,
			 const char *rel)
{
	struct verify_compile *c = xcalloc(1, sizeof(*c));
	size_t i;

	for (i = 0; i < p->compiles.nr; i++)
		if (!strcmp(((struct verify_compile *)p->compiles.items[i])->file,
			    rel)) {
			free(c);
			return;
		}
	c->file = xstrdup(rel);
	note("%s: compiling %s", p->name, rel);
	if (run->rq->tree->kernel)
		verify_module_compile(run, c);
	else if (run->rq->tree->kbuild)
		compile_kbuild(run, c);
	else
		compile_plain(run, c);
	vec_push(&p->compiles, c);
}

/* The files a patch changes, from its "diff --git a/X b/Y" lines. */
/*
 * The files patch @path touches, relative to the tree: a patch names
 * them from the top of the repository, which may hold the tree in its
 * directory @place (git_place()); files outside it are not the tree's.
 */
static void patch_files(const char *path, const char *place,
			struct vec *files)
{
	size_t size, skip = place ? strlen(place) : 0;
	char *text = read_file(path, &size), *line, *save = NULL;

	for (line = strtok_r(text ? text : "", "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		char *old_path, *new_path;

		if (diff_git_paths(line, &old_path, &new_path))
			continue;
		if (starts_with(new_path, place ? place : ""))
			vec_push(files, xstrdup(new_path + skip));
		free(new_path);
		free(old_path);
	}
	free(text);
}

/*
 * After patch @p: each .c file it touches; when it touches a header, the
 * .c files of the whole series too (@series_c), which include it.
 */
static void compile_patch(struct verify_run *run, struct verify_patch *p,
			  const struct vec *series_c)
{
	struct vec files = { 0 };
	bool header = false;
	size_t i;

	patch_files(p->path, run->rq->git_place, &files);
	for (i = 0; i < files.nr; i++) {
		const char *f = files.items[i];

		if (ends_with(f, ".c"))
			compile_file(run, p, f);
		header |= ends_with(f, ".h");
	}
	for (i = 0; header && i < series_c->nr; i++)
		compile_file(run, p, series_c->items[i]);
	vec_free(&files, free);
}

static void apply_patch(struct verify_run *run, struct verify_patch *p)
{
	struct strbuf out = { 0 };

	p->am = git(run->work, &out, (const char *[]){ "-c", AM_NAME, "-c",
		    AM_EMAIL, "am", "-q", p->path, NULL }) ?
		CHECK_FAIL : CHECK_PASS;
	verify_log(run, p->name, out.buf);
	if (p->am == CHECK_FAIL)
		git(run->work, NULL, (const char *[]){ "am", "--abort", NULL });
	strbuf_release(&out);
}

static char *checkpatch_script(struct verify_run *run)
{
	const struct tree *k = run->rq->tree->kernel;
	/* A module has none: the kernel's it builds against. */
	char *own = k ? path_join(k->root, "scripts/checkpatch.pl") :
		   path_join(run->work, "scripts/checkpatch.pl");

	if (run->rq->checkpatch) {
		free(own);
		return xstrdup(run->rq->checkpatch);
	}
	if (!access(own, R_OK))
		return own;
	free(own);
	return NULL;
}

static void run_checkpatch(struct verify_run *run, struct verify_patch *p,
			   const char *script)
{
	struct strbuf out = { 0 };
	struct vec argv = { 0 };
	const char *total;
	int n;

	if (!script) {
		p->checkpatch = CHECK_SKIP;
		p->checkpatch_why = xstrdup("no scripts/checkpatch.pl in the tree; pass --checkpatch PATH");
		return;
	}
	vec_push(&argv, "perl");
	vec_push(&argv, (char *)script);
	vec_push(&argv, "--strict");
	if (!run->rq->tree->kbuild || run->rq->tree->kernel)
		vec_push(&argv, "--no-tree");
	vec_push(&argv, p->path);
	vec_push(&argv, NULL);
	/* Inside the copy, so that checkpatch knows the tree. */
	run_capture_in(run->work, (char *const *)argv.items, &out, true);
	vec_free(&argv, NULL);
	verify_log(run, "checkpatch", out.buf);
	total = out.buf ? strstr(out.buf, "total: ") : NULL;
	n = 0;
	if (total)
		n = sscanf(total, "total: %u errors, %u warnings, %u checks",
			   &p->errors, &p->warnings, &p->checks);
	if (n < 2) {
		p->checkpatch = CHECK_FAIL;
		p->checkpatch_why = xstrdup("checkpatch.pl did not run; see verify.log");
	} else {
		p->checkpatch = p->errors || p->warnings ? CHECK_FAIL :
			CHECK_PASS;
	}
	strbuf_release(&out);
}

static bool found_before(const struct vec *before, const struct finding *f)
{
	size_t i;

	for (i = 0; before && i < before->nr; i++)
		if (!strcmp(((struct finding *)before->items[i])->fingerprint,
			    f->fingerprint))
			return true;
	return false;
}

/*
 * Count what the patched tree still has that the series must remove: any
 * ops-level use, and domain-init or pgsize-format findings the original
 * tree did not have (a driver whose domains never had sizes keeps its).
 */
static void rescan_count(struct verify_rescan *r, const struct vec *findings,
			 const struct vec *before)
{
	size_t i;

	for (i = 0; i < findings->nr; i++) {
		const struct finding *f = findings->items[i];
		unsigned int *n = NULL;

		if (strcmp(f->rule, RULE_OPS_PGSIZE) && found_before(before, f))
			continue;
		if (!strcmp(f->rule, RULE_OPS_PGSIZE))
			n = &r->ops_pgsize;
		else if (!strcmp(f->severity, "warning") &&
			 !strcmp(f->rule, RULE_DOMAIN_INIT))
			n = &r->domain_init;
		else if (!strcmp(f->severity, "warning") &&
			 !strcmp(f->rule, RULE_PGSIZE_FORMAT))
			n = &r->pgsize_format;
		if (!n)
			continue;
		(*n)++;
		vec_push(&r->lines, xasprintf("%s:%u: [%s] %s", f->loc.file,
					      f->loc.line, f->rule,
					      f->message));
	}
	r->status = r->ops_pgsize || r->domain_init || r->pgsize_format ?
		CHECK_FAIL : CHECK_PASS;
}

/* OUT/rescan.json: the scan of the patched tree, verdicts and all. */
static int save_rescan(struct verify_run *run, const struct scan_result *res)
{
	char *path = path_join(run->rq->output, "rescan.json");
	FILE *fp = fopen(path, "w");
	int ret = fp ? write_json(fp, res) : -1;

	if (fp && fclose(fp))
		ret = -1;
	if (ret)
		error("cannot write %s", path);
	free(path);
	return ret ? -1 : 0;
}

/*
 * The scan of the patched copy, with the compile flags of the original
 * tree's prepared caches, one per architecture (its generated headers
 * are the same).
 */
static int rescan(struct verify_run *run)
{
	struct flags_config cfg = *run->rq->flags;
	struct scan_result res;
	struct tree patched;
	struct flags orig;
	int ret = -1;

	if (flags_init(&orig, run->rq->tree, run->rq->flags))
		return -1;
	/*
	 * Each architecture's cache of the original, as the scan used them;
	 * a module's are its kernel's, the copy's as well.
	 */
	if (orig.source == FLAGS_PREPARED && !cfg.objtree) {
		if (!run->rq->tree->kernel)
			cfg.caches_of = run->rq->tree;
	} else if (orig.source == FLAGS_PREPARED) {
		cfg.objtree = orig.objtree;
	} else if (!cfg.compdb_dir) {
		cfg.no_prepare = true;
	}
	note("rescanning the patched tree");
	if (tree_open_with(run->work, run->rq->flags->kernel, &patched))
		goto out;
	if (!scan_analyse(&patched, &cfg, &res)) {
		rescan_count(&run->rescan, &res.findings, run->rq->before);
		ret = save_rescan(run, &res);
		scan_result_release(&res);
	}
	tree_release(&patched);
out:
	flags_release(&orig);
	return ret;
}

static void run_patches(struct verify_run *run)
{
	char *script = checkpatch_script(run);
	struct vec files = { 0 }, series_c = { 0 };
	bool applied = true;
	size_t i;

	for (i = 0; i < run->patches.nr; i++)
		patch_files(((struct verify_patch *)run->patches.items[i])->path,
			    run->rq->git_place, &files);
	for (i = 0; i < files.nr; i++)
		if (ends_with(files.items[i], ".c"))
			vec_push(&series_c, xstrdup(files.items[i]));
	if (run->rq->tree->kernel)
		verify_module_choose_arch(run, &series_c);
	for (i = 0; i < run->patches.nr; i++) {
		struct verify_patch *p = run->patches.items[i];

		run_checkpatch(run, p, script);
		if (!applied) {
			p->am = CHECK_SKIP;
			continue;
		}
		apply_patch(run, p);
		applied = p->am == CHECK_PASS;
		if (applied)
			compile_patch(run, p, &series_c);
	}
	free(script);
	vec_free(&files, free);
	vec_free(&series_c, free);
}

static bool all_passed(const struct verify_run *run)
{
	size_t i, k;

	for (i = 0; i < run->patches.nr; i++) {
		const struct verify_patch *p = run->patches.items[i];

		if (p->am != CHECK_PASS || p->checkpatch == CHECK_FAIL)
			return false;
		for (k = 0; k < p->compiles.nr; k++)
			if (((struct verify_compile *)p->compiles.items[k])->status !=
			    CHECK_PASS)
				return false;
	}
	return run->rescan.status == CHECK_PASS;
}

static void compile_free(void *p)
{
	struct verify_compile *c = p;

	free(c->file);
	free(c->why);
	free(c);
}

static void patch_free(void *item)
{
	struct verify_patch *p = item;

	free(p->path);
	free(p->name);
	free(p->checkpatch_why);
	vec_free(&p->compiles, compile_free);
	free(p);
}

static void arch_free(void *item)
{
	struct verify_arch *va = item;

	free(va->objdir);
	free(va->config);
	free(va);
}

static void run_release(struct verify_run *run)
{
	verify_module_release(run);
	remove_scratch(&run->scratch, &run->work, &run->base);
	free(run->log);
	vec_free(&run->patches, patch_free);
	vec_free(&run->arches, arch_free);
	vec_free(&run->rescan.lines, free);
}

static void run_init(struct verify_run *run, const struct verify_request *rq,
		     const struct vec *arches)
{
	size_t i;

	run->rq = rq;
	run->log = path_join(rq->output, "verify.log");
	unlink(run->log);
	/* The cover letter is not applied. */
	for (i = 1; i < rq->patches->nr; i++) {
		struct verify_patch *p = xcalloc(1, sizeof(*p));
		const char *base = strrchr(rq->patches->items[i], '/');

		p->path = xstrdup(rq->patches->items[i]);
		p->name = xstrdup(base ? base + 1 : p->path);
		if (ends_with(p->name, ".patch"))
			p->name[strlen(p->name) - 6] = '\0';
		vec_push(&run->patches, p);
	}
	for (i = 0; i < arches->nr; i++) {
		struct verify_arch *va = xcalloc(1, sizeof(*va));

		va->a = arches->items[i];
		va->objdir = xasprintf("%s/obj-%s", run->scratch, va->a->name);
		vec_push(&run->arches, va);
	}
}

static int write_reports(struct verify_run *run)
{
	char *txt = path_join(run->rq->output, "verify.txt");
	char *json = path_join(run->rq->output, "verify.json");
	FILE *fp = fopen(txt, "w");
	int ret = 0;

	verify_write_table(stderr, run);
	if (!fp) {
		error("cannot write %s", txt);
		ret = -1;
	} else {
		verify_write_table(fp, run);
		ret = fclose(fp) ? -1 : 0;
	}
	ret = ret ?: verify_write_json(json, run);
	free(txt);
	free(json);
	return ret;
}

int series_verify(const struct verify_request *rq)
{
	struct verify_run run = { 0 };
	struct vec arches = { 0 };
	double start = now();
	int ret = EXIT_FATAL;

	if (verify_arch_list(rq->arches, &arches))
		return EXIT_FATAL;
	/* The kernel's make must not join a make that started us. */
	unsetenv("MAKEFLAGS");
	unsetenv("MFLAGS");
	unsetenv("MAKELEVEL");
	note("verifying the series in a pristine copy of %s", rq->tree->root);
	if (make_scratch(rq->tree, rq->git_place, &run.scratch, &run.work,
			 &run.base))
		goto out;
	run_init(&run, rq, &arches);
	run_patches(&run);
	if (rescan(&run))
		goto out;
	run.seconds = now() - start;
	run.ok = all_passed(&run);
	if (write_reports(&run))
		goto out;
	ret = run.ok ? 0 : EXIT_FINDINGS;
out:
	run_release(&run);
	vec_free(&arches, NULL);
	return ret;
}

int series_verify_options(bool verify, const char *arches,
			  const char *checkpatch_path)
{
	struct vec list = { 0 };
	int ret;

	if (!verify && (arches || checkpatch_path)) {
		error("--arch and --checkpatch only go with --verify");
		return -1;
	}
	if (checkpatch_path && access(checkpatch_path, R_OK)) {
		error("--checkpatch: cannot read %s", checkpatch_path);
		return -1;
	}
	ret = verify_arch_list(arches, &list);
	vec_free(&list, NULL);
	return ret;
}
