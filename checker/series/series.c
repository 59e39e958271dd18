// SPDX-License-Identifier: GPL-2.0
/*
 * iommu-pgsize series: apply the migration rules in a scratch copy of the
 * tree, commit one patch per driver and write them with git format-patch.
 * The user's tree and repository are only ever read.
 */
#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "scan/parse.h"
#include "series/plan.h"
#include "rules/rules.h"
#include "scan/scan.h"
#include "series/scratch.h"
#include "series/series.h"
#include "series/text.h"
#include "series/kerneldoc.h"
#include "series/verify.h"
#include "lib/fileio.h"
#include "lib/git.h"
#include "lib/outdir.h"
#include "lib/spawn.h"
#include "scan/module.h"

struct series {
	const struct series_options *o;
	const struct tree *tree;
	char *git_place;	/* git_place(): NULL when not from git */
	char *scratch;		/* temporary directory */
	char *work;		/* scratch/tree: the copy we commit in */
	char *name, *email;	/* committer and Signed-off-by */
	char *module_line;	/* the cover letter's word on the kernel */
	char *name_cfg, *email_cfg;	/* as git -c options */
	char *base;		/* commit the series applies to */
	struct flags flags;	/* the original tree's, to re-parse patches */
	bool have_flags;
	struct vec shim;	/* a module's stand-in member (scan/module.h) */
	bool failed;		/* an error was printed: exit 2 */
	unsigned int commits;
};

static char *git_config(const char *dir, const char *key)
{
	struct strbuf out = { 0 };

	if (git(dir, &out, (const char *[]){ "config", key, NULL })) {
		strbuf_release(&out);
		return NULL;
	}
	return strbuf_detach_trimmed(&out);
}

static int signoff_identity(struct series *s)
{
	const char *lt;

	if (s->o->signoff) {
		lt = strchr(s->o->signoff, '<');
		if (!lt || lt == s->o->signoff || !strchr(lt, '>')) {
			error("--signoff wants 'Name <email>', not '%s'",
			      s->o->signoff);
			return -1;
		}
		s->name = xstrndup(s->o->signoff, lt - s->o->signoff - 1);
		s->email = xstrndup(lt + 1, strcspn(lt + 1, ">"));
	} else {
		s->name = git_config(s->tree->root, "user.name");
		s->email = git_config(s->tree->root, "user.email");
	}
	if (!s->name || !*s->name || !s->email || !*s->email) {
		error("no Signed-off-by: pass --signoff 'Name <email>' or set git config user.name and user.email");
		return -1;
	}
	s->name_cfg = xasprintf("user.name=%s", s->name);
	s->email_cfg = xasprintf("user.email=%s", s->email);
	return 0;
}

static int check_clean(struct series *s)
{
	struct strbuf out = { 0 };
	int ret = 0;

	if (!s->git_place || s->o->allow_dirty)
		return 0;
	/*
	 * Read only: no .git/index.lock, no index refresh written. The
	 * tree's own files: a module's repository may hold more.
	 */
	git(s->tree->root, &out, (const char *[]){ "--no-optional-locks",
		"status", "--porcelain", "--untracked-files=no", "--", ".",
		NULL });
	if (out.len) {
		error("%s has uncommitted changes; commit or stash them, or pass --allow-dirty (the series is built from HEAD)",
		      s->tree->root);
		ret = -1;
	}
	strbuf_release(&out);
	return ret;
}

/* The subject prefix the file's history uses, e.g. "iommu/arm-smmu". */
static char *history_prefix(struct series *s, const char *rel)
{
	struct strbuf out = { 0 };
	char *best = NULL, *line, *save = NULL;

	if (!s->git_place || git(s->tree->root, &out, (const char *[]){
			"log", "-n", "20", "--no-merges", "--format=%s", "--",
			rel, NULL }))
		goto out;
	for (line = strtok_r(out.buf, "\n", &save); line && !best;
	     line = strtok_r(NULL, "\n", &save)) {
		char *colon = strstr(line, ": ");

		/* A module's history has prefixes of its own. */
		if (colon && (s->tree->kernel || starts_with(line, "iommu/")) &&
		    !memchr(line, ' ', colon - line))
			best = xstrndup(line, colon - line);
	}
out:
	strbuf_release(&out);
	return best;
}

/*
 * When the allocator was to take its instance's sizes, every paging
 * allocator of the patched ops must store some (the wrapped legacy one
 * aside), and one must: a return the semantic patch could not put the
 * store before, or a second allocator that leaves sizes to attach,
 * would leave domains without any while domain-init still says
 * "finalised".
 */
static char *instance_unset(const struct plan_entry *e,
			    const struct ops_object *ops)
{
	const struct instance_path *ip = e->instance;
	bool any = false;
	size_t i;

	for (i = 0; i < ops->alloc.nr; i++) {
		const struct callback *cb = ops->alloc.items[i];

		if (!cb->paging ||
		    (ip->wrap && !strcmp(cb->function, ip->allocator)))
			continue;
		if (!cb->sets_sizes)
			return xasprintf("after the semantic patches %s() still returns domains without page sizes; patch not kept",
					 cb->function);
		any = true;
	}
	if (!any)
		return xasprintf("after the semantic patches no paging allocator gives domains %s; patch not kept",
				 ip->sizes);
	return NULL;
}

/*
 * Parse the patched file again: nothing in it may use the ops member any
 * more (the initializer included), and every domain must still get page
 * sizes: from its allocators (domain-init: sets) or, when the plan relies
 * on it, from its instance when finalised (and, with an instance path,
 * from the allocator too). NULL if so, else why not.
 */
static char *migration_fails(struct series *s, const struct plan_entry *e)
{
	struct tree patched = { .root = path_join(s->work, "") };
	struct parse_job job = { .rel = e->ops->loc.file,
				 .overlays = &s->shim };
	enum outcome want = e->how == MIGRATE_FINALISED ? OUTCOME_FINALISED :
			    OUTCOME_SETS;
	struct inventory inv = { 0 };
	char *why = NULL;
	size_t i, k;

	flags_for_file(&s->flags, job.rel, NULL, &job.args);
	parse_all(&patched, &job, 1, 1, false, NULL, &inv);
	for (i = 0; i < inv.uses.nr && !why; i++) {
		const struct ops_use *u = inv.uses.items[i];

		if (!strcmp(u->loc.file, job.rel))
			why = xasprintf("after the semantic patches %s still uses the ops member (line %u of the patched file); patch not kept",
					u->function ? u->function : u->expr,
					u->loc.line);
	}
	for (i = 0; i < inv.ops.nr && !why; i++) {
		const struct ops_object *ops = inv.ops.items[i];

		if (strcmp(ops->name, e->ops->name))
			continue;
		if (e->instance)
			why = instance_unset(e, ops);
		for (k = 0; k < ops->verdicts.nr && !why; k++) {
			const struct verdict *v = ops->verdicts.items[k];

			if (!strcmp(v->rule, RULE_DOMAIN_INIT) &&
			    v->verdict != want)
				why = xasprintf("after the semantic patches domain-init is '%s', not '%s' (%s); patch not kept",
						outcome_name(v->verdict),
						outcome_name(want), v->detail);
		}
	}
	inventory_release(&inv);
	vec_free(&job.args, free);
	free(patched.root);
	return why;
}

/*
 * spatch runs diff through /bin/sh -c with the file's name: only names
 * a shell takes as one word may reach it.
 */
static const char *unsafe_name(const struct vec *files)
{
	size_t i;

	for (i = 0; i < files->nr; i++)
		if (!shell_safe(files->items[i]))
			return files->items[i];
	return NULL;
}

/* Run one semantic patch in place over @files (relative) of the copy. */
static int run_rule(struct series *s, const char *rule,
		    const struct vec *defines, const struct vec *files,
		    bool headers)
{
	char *sp = path_join(s->o->cocci_dir, rule);
	/* A module's types come from the kernel it builds against. */
	char *inc = path_join(s->tree->kernel ? s->tree->kernel->root :
			      s->work, "include");
	char *log = path_join(s->scratch, "spatch.log"), *tmp;
	struct vec argv = { 0 };
	size_t i, size;
	int ret;

	vec_push(&argv, xstrdup("spatch"));
	vec_push(&argv, xstrdup("--sp-file"));
	vec_push(&argv, sp);
	vec_push(&argv, xstrdup("-D"));
	vec_push(&argv, xstrdup("patch"));
	for (i = 0; defines && i < defines->nr; i++) {
		vec_push(&argv, xstrdup("-D"));
		vec_push(&argv, xstrdup(defines->items[i]));
	}
	vec_push(&argv, xstrdup(headers ? "--no-includes" : "--local-includes"));
	vec_push(&argv, xstrdup(headers ? "--include-headers" :
				"--include-headers-for-types"));
	vec_push(&argv, xstrdup("--very-quiet"));
	vec_push(&argv, xstrdup("--in-place"));
	vec_push(&argv, xstrdup("-I"));
	vec_push(&argv, inc);
	for (i = 0; i < files->nr; i++)
		vec_push(&argv, path_join(s->work, files->items[i]));
	vec_push(&argv, NULL);
	/* spatch leaves its temporary files when killed: keep them here. */
	tmp = getenv("TMPDIR") ? xstrdup(getenv("TMPDIR")) : NULL;
	setenv("TMPDIR", s->scratch, 1);
	ret = run_program((char *const *)argv.items, log);
	if (tmp)
		setenv("TMPDIR", tmp, 1);
	else
		unsetenv("TMPDIR");
	free(tmp);
	if (ret) {
		/* The log goes with the scratch directory: show it now. */
		char *text = read_file(log, &size);

		error("spatch %s failed on %s:\n%s", rule,
		      (char *)files->items[0], text ? text : "");
		free(text);
		s->failed = true;
	}
	unlink(log);
	vec_free(&argv, free);
	free(log);
	return ret;
}

/* Does the copy differ from the last commit in @rel? */
static bool changed(struct series *s, const char *rel)
{
	return git(s->work, NULL, (const char *[]){ "diff", "--quiet", "--",
						    rel, NULL }) != 0;
}

static void undo(struct series *s, const struct vec *files)
{
	size_t i;

	for (i = 0; i < files->nr; i++)
		git(s->work, NULL, (const char *[]){ "checkout", "-q", "--",
			files->items[i], NULL });
}

static int commit(struct series *s, const char *msg, const struct vec *files)
{
	char *msgfile = path_join(s->scratch, "message");
	struct vec argv = { 0 };
	size_t i;
	int ret = write_file(msgfile, msg, strlen(msg));

	vec_push(&argv, (char *)"-c");
	vec_push(&argv, s->name_cfg);
	vec_push(&argv, (char *)"-c");
	vec_push(&argv, s->email_cfg);
	vec_push(&argv, (char *)"commit");
	vec_push(&argv, (char *)"-q");
	vec_push(&argv, (char *)"--no-verify");
	vec_push(&argv, (char *)"-F");
	vec_push(&argv, msgfile);
	vec_push(&argv, (char *)"--");
	for (i = 0; i < files->nr; i++)
		vec_push(&argv, files->items[i]);
	vec_push(&argv, NULL);
	ret = ret ?: git(s->work, NULL, (const char **)argv.items);
	if (!ret)
		s->commits++;
	vec_free(&argv, NULL);
	free(msgfile);
	return ret;
}

static char *subject_prefix(struct series *s, const char *rel)
{
	char *prefix = history_prefix(s, rel);

	return prefix ? prefix : subject_prefix_from_path(rel);
}

/* Comments spatch left glued to the line before a removed one. */
static void tidy_comments(struct series *s, const char *rel)
{
	char *path = path_join(s->work, rel);
	char *orig_path = path_join(s->tree->root, rel);
	char *patched, *original, *tidy = NULL;
	size_t size;

	patched = read_file(path, &size);
	original = read_file(orig_path, &size);
	if (patched && original)
		tidy = unglue_comments(patched, original);
	if (tidy && write_file(path, tidy, strlen(tidy)))
		warn("cannot rewrite %s", path);
	free(tidy);
	free(patched);
	free(original);
	free(path);
	free(orig_path);
}

/* Apply the entry's rules; commit when they changed the file. */
static void migrate(struct series *s, struct plan_entry *e)
{
	struct vec files = { 0 };
	struct person by = { s->name, s->email };
	char *prefix, *msg, *path;
	size_t i;

	vec_push(&files, e->ops->loc.file);
	path = path_join(s->work, e->ops->loc.file);
	if (access(path, F_OK))
		e->reason = xstrdup("the file is not in HEAD, which the series is built from (untracked?)");
	free(path);
	if (!e->reason && unsafe_name(&files))
		e->reason = xstrdup("its file name has characters a shell would interpret (spatch runs diff through one); not patched");
	for (i = 0; e->rules[i] && !e->reason; i++)
		if (run_rule(s, e->rules[i],
			     strcmp(e->rules[i], RULE_FILE_RUNTIME) ?
			     &e->defines : &e->runtime_defines, &files, false))
			e->reason = xasprintf("spatch failed on %s",
					      e->rules[i]);
	if (!e->reason)
		tidy_comments(s, e->ops->loc.file);
	if (!e->reason && !changed(s, e->ops->loc.file))
		e->reason = xstrdup("the semantic patches did not apply (a type could not be resolved)");
	if (!e->reason)
		e->reason = migration_fails(s, e);
	if (e->reason) {
		undo(s, &files);
		goto out;
	}
	prefix = subject_prefix(s, e->ops->loc.file);
	msg = commit_message(e, prefix, &by);
	if (commit(s, msg, &files))
		e->reason = xstrdup("git commit failed in the scratch copy");
	free(msg);
	free(prefix);
out:
	if (e->reason)
		e->how = MIGRATE_NONE;
	vec_free(&files, NULL);
}

static void add_unique(struct vec *files, const char *file)
{
	if (file && !vec_contains_str(files, file))
		vec_push(files, (char *)file);
}

static int cmp_c_first(const void *a, const void *b)
{
	const char *x = *(char *const *)a, *y = *(char *const *)b;

	return ends_with(y, ".c") - ends_with(x, ".c") ?: strcmp(x, y);
}

/*
 * The files of the core fallback (uses through a pointer) and the header
 * that declares the member, from the scan.
 */
static void core_files(const struct inventory *inv, struct vec *files)
{
	size_t i;

	for (i = 0; i < inv->uses.nr; i++) {
		const struct ops_use *u = inv->uses.items[i];

		if (!u->ops_name)
			add_unique(files, u->loc.file);
		add_unique(files, u->member_file);
	}
	/* The .c file with the fallback names the patch. */
	vec_sort(files, cmp_c_first);
}

/* The last patch, once every driver is migrated. */
static bool migrate_core(struct series *s, const struct inventory *inv)
{
	struct vec files = { 0 };
	struct person by = { s->name, s->email };
	char *prefix = NULL, *msg;
	bool done = false;
	size_t i;

	core_files(inv, &files);
	if (unsafe_name(&files)) {
		warn("%s: a file name with characters a shell would interpret (spatch runs diff through one); no core patch",
		     unsafe_name(&files));
		goto out;
	}
	if (!files.nr || run_rule(s, RULE_FILE_CORE, NULL, &files, true))
		goto out;
	for (i = 0; i < files.nr; i++)
		if (!changed(s, files.items[i]) ||
		    remove_member_doc(s->work, files.items[i]) < 0) {
			warn("the core patch did not apply to %s; no core patch",
			     (char *)files.items[i]);
			undo(s, &files);
			goto out;
		}
	prefix = subject_prefix(s, files.items[0]);
	msg = core_commit_message(prefix, &by);
	done = !commit(s, msg, &files);
	free(msg);
out:
	free(prefix);
	vec_free(&files, NULL);
	return done;
}

static void replace_once(struct strbuf *sb, const char *what, const char *with)
{
	char *at = strstr(sb->buf, what);
	struct strbuf out = { 0 };

	if (!at)
		return;
	strbuf_add(&out, sb->buf, at - sb->buf);
	strbuf_addstr(&out, with);
	strbuf_addstr(&out, at + strlen(what));
	strbuf_release(sb);
	*sb = out;
}

/* The patch files format-patch wrote, sorted; the cover letter first. */
static void list_patches(const char *outdir, struct vec *files)
{
	DIR *dir = opendir(outdir);
	struct dirent *de;

	while (dir && (de = readdir(dir)))
		if (ends_with(de->d_name, ".patch"))
			vec_push(files, path_join(outdir, de->d_name));
	if (dir)
		closedir(dir);
	vec_sort(files, vec_cmp_str);
}

/* To: maintainers and Cc: lists, from the tree's get_maintainer.pl. */
static char *recipients(struct series *s, const struct vec *patches)
{
	char *script = path_join(s->tree->root, "scripts/get_maintainer.pl");
	struct strbuf out = { 0 }, to = { 0 }, cc = { 0 }, hdr = { 0 };
	struct vec argv = { 0 };
	char *line, *save = NULL;
	size_t i;

	if (access(script, R_OK) || patches->nr < 2)
		goto out;
	vec_push(&argv, "perl");
	vec_push(&argv, "scripts/get_maintainer.pl");
	vec_push(&argv, "--no-rolestats");
	vec_push(&argv, "--no-git");
	vec_push(&argv, "--no-git-fallback");
	for (i = 1; i < patches->nr; i++)
		vec_push(&argv, patches->items[i]);
	vec_push(&argv, NULL);
	if (run_capture_in(s->tree->root, (char *const *)argv.items, &out,
			   false))
		warn("get_maintainer.pl failed; the cover letter has no To/Cc");
	for (line = strtok_r(out.buf ? out.buf : "", "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		struct strbuf *into = strchr(line, '<') ? &to : &cc;

		strbuf_addf(into, "%s%s", into->len ? ",\n    " : "", line);
	}
	if (to.len)
		strbuf_addf(&hdr, "To: %s\n", to.buf);
	if (cc.len)
		strbuf_addf(&hdr, "Cc: %s\n", cc.buf);
out:
	vec_free(&argv, NULL);
	strbuf_release(&out);
	strbuf_release(&to);
	strbuf_release(&cc);
	free(script);
	return strbuf_detach(&hdr);
}

static int write_series(struct series *s, const struct vec *plan, bool core,
			struct vec *written)
{
	char *range = xasprintf("%s..HEAD", s->base);
	struct vec patches = { 0 };
	struct strbuf cover = { 0 };
	char *outdir, *blurb, *to;
	char real[PATH_MAX];
	size_t size;
	int ret;

	if (output_dir_prepare(s->o->output) ||
	    !realpath(s->o->output, real)) {
		error("cannot create %s", s->o->output);
		free(range);
		return -1;
	}
	outdir = xstrdup(real);
	ret = git(s->work, NULL, (const char *[]){ "-c", s->name_cfg, "-c",
		s->email_cfg, "format-patch", "-q", "--cover-letter",
		"--zero-commit", "--no-signature", "--subject-prefix=PATCH",
		"-o", outdir, range, NULL });
	list_patches(outdir, &patches);
	if (ret || !patches.nr) {
		error("git format-patch failed");
		ret = -1;
		goto out;
	}
	cover.buf = read_file(patches.items[0], &size);
	cover.len = cover.alloc = cover.buf ? size : 0;
	if (!cover.buf) {
		ret = -1;
		goto out;
	}
	blurb = cover_blurb(plan, core, s->module_line);
	to = recipients(s, &patches);
	replace_once(&cover, "*** SUBJECT HERE ***",
		     "iommu: Give domains their page sizes, not iommu_ops");
	replace_once(&cover, "*** BLURB HERE ***", blurb);
	if (*to) {
		/* The headers end at the first blank line. */
		char *headers = xasprintf("\n%s\n", to);

		replace_once(&cover, "\n\n", headers);
		free(headers);
	}
	ret = write_file(patches.items[0], cover.buf,
			 strlen(cover.buf));
	free(blurb);
	free(to);
	for (size = 0; size < patches.nr; size++)
		printf("%s\n", (char *)patches.items[size]);
out:
	strbuf_release(&cover);
	*written = patches;
	free(outdir);
	free(range);
	return ret;
}

/*
 * An external module gets no core patch (the core is the kernel's); the
 * cover letter names the kernel it was checked against.
 */
static void module_cover_line(struct series *s)
{
	const struct tree *k = s->tree->kernel;

	s->module_line = xasprintf("These patches are for an external module, checked against Linux %s (%s), whose struct iommu_ops %s.",
				   k->version ? k->version : "(unknown version)",
				   k->root, s->shim.nr ?
				   "no longer has pgsize_bitmap: until they are applied the module does not compile there" :
				   "still has pgsize_bitmap and the core fallback; both belong to the kernel, so no patch here removes them");
}

static void series_release(struct series *s)
{
	if (s->have_flags)
		flags_release(&s->flags);
	remove_scratch(&s->scratch, &s->work, &s->base);
	free(s->name);
	free(s->email);
	free(s->name_cfg);
	free(s->email_cfg);
	free(s->module_line);
	free(s->git_place);
	vec_free(&s->shim, module_overlay_free);
}

int series_run(const struct series_options *o)
{
	struct series s = { .o = o };
	struct scan_result res;
	struct vec plan = { 0 }, written = { 0 };
	struct tree tree;
	bool core = false;
	int ret = EXIT_FATAL;
	size_t i;

	if (tree_open_with(o->tree, o->flags.kernel, &tree))
		return EXIT_FATAL;
	s.tree = &tree;
	s.git_place = git_place(&tree);
	if (output_dir_check(o->output, (const char *const[]){ tree.root,
			     tree.kernel ? tree.kernel->root : NULL },
			     tree.kernel ? 2 : 1) ||
	    signoff_identity(&s) || check_clean(&s))
		goto out_tree;
	if (scan_analyse(&tree, &o->flags, &res))
		goto out_tree;
	plan_migration(&res.inv, &plan);
	if (tree.kernel)
		module_member_overlay(tree.kernel->root, &s.shim);
	if (flags_init(&s.flags, &tree, &o->flags))
		goto out;
	s.have_flags = true;
	if (make_scratch(&tree, s.git_place, &s.scratch, &s.work, &s.base))
		goto out;
	for (i = 0; i < plan.nr; i++) {
		struct plan_entry *e = plan.items[i];

		if (e->how != MIGRATE_NONE)
			migrate(&s, e);
		if (e->how == MIGRATE_NONE)
			note("no patch for %s (%s): %s", e->ops->name,
			     e->ops->loc.file, e->reason);
	}
	if (!s.commits) {
		note("nothing to migrate automatically; no patches written");
		ret = s.failed ? EXIT_FATAL : 0;
		goto out;
	}
	if (tree.kernel)
		module_cover_line(&s);
	else if (plan_complete(&plan))
		core = migrate_core(&s, &res.inv);
	else
		note("some drivers keep ops page sizes: the core fallback and the iommu_ops member stay");
	ret = write_series(&s, &plan, core, &written) || s.failed ?
	      EXIT_FATAL : 0;
	if (!ret && o->verify)
		ret = series_verify(&(struct verify_request){
			.tree = &tree, .git_place = s.git_place, .flags = &o->flags,
			.output = o->output, .patches = &written,
			.arches = o->arches, .checkpatch = o->checkpatch,
			.jobs = o->flags.jobs, .before = &res.findings });
	output_dir_done(o->output);
out:
	vec_free(&plan, plan_entry_free);
	vec_free(&written, free);
	scan_result_release(&res);
out_tree:
	series_release(&s);
	tree_release(&tree);
	return ret;
}
