// SPDX-License-Identifier: GPL-2.0
/*
 * iommu-pgsize series: apply the migration rules in a scratch copy of the
 * tree, commit one patch per driver and write them with git format-patch.
 * The user's tree and repository are only ever read.
 */
#include <dirent.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "parse.h"
#include "plan.h"
#include "verify.h"
#include "scan.h"
#include "scratch.h"
#include "series.h"
#include "series_verify.h"
#include "spawn.h"

/* Stands for a space that wrap_text() must not break at. */
#define NBSP ('\x01')

#ifndef COCCI_DIR
#define COCCI_DIR "cocci"
#endif

static const char series_usage[] =
"usage: iommu-pgsize series [options] -o DIR [TREE]\n"
"\n"
"Write the patch series that moves page sizes from struct iommu_ops to\n"
"the domains: one patch per driver the semantic patches can migrate\n"
"safely, and a cover letter that explains the others.\n"
"\n"
"  -o, --output DIR            where to write the patches (required)\n"
"      --signoff 'NAME <EMAIL>' Signed-off-by (default: git config)\n"
"      --allow-dirty           start from a checkout with uncommitted\n"
"                              changes (only HEAD is used)\n"
"      --cocci-dir DIR         the semantic patches (default: built in)\n"
"      --verify                then git am the series onto a pristine copy,\n"
"                              checkpatch --strict and compile every patch\n"
"                              and rescan; table in DIR/verify.txt\n"
"      --arch LIST             --verify compiles on these architectures,\n"
"                              in order of preference (default:\n"
"                              x86_64,arm64,arm,s390)\n"
"      --checkpatch PATH       checkpatch.pl for --verify (default: the\n"
"                              tree's own)\n"
"  -p, --compile-commands DIR, --no-prepare, --cache-dir DIR, -j N\n"
"                              as for scan\n"
"  -q, --quiet                 no status messages\n"
"  -h, --help                  show this help\n"
"\n"
"Exit status: 0 patches written (or nothing to do), 1 --verify found a\n"
"failure, 2 usage or fatal error.\n";

struct series_options {
	struct flags_config flags;
	const char *tree;
	const char *output;
	const char *signoff;
	const char *cocci_dir;
	bool allow_dirty;
	bool verify;
	const char *arches;
	const char *checkpatch;
};

struct series {
	const struct series_options *o;
	const struct tree *tree;
	bool git;		/* the tree is the top of a git checkout */
	char *scratch;		/* temporary directory */
	char *work;		/* scratch/tree: the copy we commit in */
	char *name, *email;	/* committer and Signed-off-by */
	char *name_cfg, *email_cfg;	/* as git -c options */
	char *base;		/* commit the series applies to */
	struct flags flags;	/* the original tree's, to re-parse patches */
	bool have_flags;
	unsigned int commits;
};

static int parse_series_options(int argc, char **argv,
				struct series_options *o)
{
	static const struct option own[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "signoff", required_argument, NULL, 'S' },
		{ "allow-dirty", no_argument, NULL, 'D' },
		{ "cocci-dir", required_argument, NULL, 'c' },
		{ "verify", no_argument, NULL, 'V' },
		{ "arch", required_argument, NULL, 'A' },
		{ "checkpatch", required_argument, NULL, 'K' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct option *longopts = scan_longopts(own);
	int c, r, ret = -1;

	memset(o, 0, sizeof(*o));
	scan_flags_defaults(&o->flags);
	o->cocci_dir = COCCI_DIR;
	optind = 1;
	while ((c = getopt_long(argc, argv, "o:p:j:qh", longopts, NULL)) != -1) {
		r = scan_flag_option(c, optarg, &o->flags);
		if (r < 0)
			goto out;
		if (!r)
			continue;
		switch (c) {
		case 'o':
			o->output = optarg;
			break;
		case 'S':
			o->signoff = optarg;
			break;
		case 'D':
			o->allow_dirty = true;
			break;
		case 'c':
			o->cocci_dir = optarg;
			break;
		case 'V':
			o->verify = true;
			break;
		case 'A':
			o->arches = optarg;
			break;
		case 'K':
			o->checkpatch = optarg;
			break;
		case 'h':
			fputs(series_usage, stdout);
			exit(0);
		default:
			fputs(series_usage, stderr);
			goto out;
		}
	}
	if (!o->output) {
		error("series needs -o DIR for the patches");
		goto out;
	}
	if (series_verify_options(o->verify, o->arches, o->checkpatch))
		goto out;
	ret = tree_operand(argc, argv, "series", &o->tree);
out:
	free(longopts);
	return ret;
}

static char *git_config(const char *dir, const char *key)
{
	struct strbuf out = { 0 };

	if (git(dir, &out, (const char *[]){ "config", key, NULL })) {
		strbuf_release(&out);
		return NULL;
	}
	return trimmed(&out);
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

	if (!s->git || s->o->allow_dirty)
		return 0;
	git(s->tree->root, &out, (const char *[]){
		"status", "--porcelain", "--untracked-files=no", NULL });
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

	if (!s->git || git(s->tree->root, &out, (const char *[]){
			"log", "-n", "20", "--no-merges", "--format=%s", "--",
			rel, NULL }))
		goto out;
	for (line = strtok_r(out.buf, "\n", &save); line && !best;
	     line = strtok_r(NULL, "\n", &save)) {
		char *colon = strstr(line, ": ");

		if (colon && starts_with(line, "iommu/") &&
		    !memchr(line, ' ', colon - line))
			best = xstrndup(line, colon - line);
	}
out:
	strbuf_release(&out);
	return best;
}

char *subject_prefix_from_path(const char *rel)
{
	const char *base = strrchr(rel, '/');
	char *name = xstrdup(base ? base + 1 : rel);
	char *p, *prefix;

	p = strrchr(name, '.');
	if (p)
		*p = '\0';
	p = strstr(name, "-iommu");
	if (!p)
		p = strstr(name, "_iommu");
	if (p && p != name)
		*p = '\0';
	/* drivers/iommu/intel/iommu.c: the directory names the driver. */
	if (!strcmp(name, "iommu") && base && base > rel) {
		const char *dir = base - 1;

		while (dir > rel && dir[-1] != '/')
			dir--;
		free(name);
		name = xstrndup(dir, base - dir);
	}
	prefix = xasprintf("iommu/%s", name);
	free(name);
	return prefix;
}

char *wrap_text(const char *text, unsigned int width)
{
	struct strbuf sb = { 0 };
	unsigned int col = 0;
	const char *p = text;

	while (*p) {
		size_t word = strcspn(p, "\n ");

		if (word && col && col + 1 + word > width) {
			strbuf_add(&sb, "\n", 1);
			col = 0;
		} else if (word && col) {
			strbuf_add(&sb, " ", 1);
			col++;
		}
		strbuf_add(&sb, p, word);
		col += word;
		p += word;
		if (*p == '\n' && p[1] == '\n') {
			strbuf_addstr(&sb, "\n\n");
			col = 0;
			p += 2;
		} else if (*p) {
			p++;
		}
	}
	strbuf_add(&sb, "\n", 1);
	return strbuf_detach(&sb);
}

/* One line per allocator list: "a()", "a() and b()". */
static char *function_list(const char *csv)
{
	struct strbuf sb = { 0 };
	char *copy = xstrdup(csv), *name, *save = NULL;
	unsigned int n = 0;

	for (name = strtok_r(copy, ",", &save); name;
	     name = strtok_r(NULL, ",", &save))
		strbuf_addf(&sb, "%s%s()", n++ ? " and " : "", name);
	free(copy);
	return strbuf_detach(&sb);
}

static char *message_body(const struct plan_entry *e, const char *expr)
{
	const struct ops_object *ops = e->ops;
	char *fns = function_list(e->allocators);
	bool many = strchr(e->allocators, ',') != NULL;
	char *body;

	if (!strcmp(e->rule, RULE_FILE_DROP))
		body = xasprintf("%s of %s already %s its page sizes, so the core's fallback to iommu_ops.pgsize_bitmap never fires for these domains and the ops member (%s) only misleads. Page sizes belong to each domain's page table: drop the member.\n\n"
				 "The domains keep exactly the page sizes they had.\n\n"
				 "Generated with iommu-pgsize (cocci/%s).",
				 fns, ops->name, many ?
				 "give every domain they return" :
				 "gives every domain it returns", expr, e->rule);
	else
		body = xasprintf("%s describes the page sizes of its domains in iommu_ops.pgsize_bitmap, and %s %s domains without them: they get the value only from the core's fallback in __iommu_domain_alloc(). Page sizes belong to each domain's page table, and that fallback is going away.\n\n"
				 "Set the domain's pgsize_bitmap in %s and drop the ops member. The domains keep exactly the page sizes they had: %s (%#llx).\n\n"
				 "Generated with iommu-pgsize (cocci/%s).",
				 ops->name, fns, many ? "return" : "returns",
				 fns, expr, ops->pgsize_value, e->rule);
	free(fns);
	return body;
}

static char *commit_message(struct series *s, const struct plan_entry *e,
			    const char *prefix)
{
	char *expr = xstrdup(e->ops->pgsize_expr), *p, *body, *wrapped, *msg;
	bool drop = !strcmp(e->rule, RULE_FILE_DROP);

	/* Keep the expression on one line when wrapping. */
	for (p = expr; *p; p++)
		if (*p == ' ')
			*p = NBSP;
	body = message_body(e, expr);
	wrapped = wrap_text(body, 72);
	for (p = wrapped; *p; p++)
		if (*p == NBSP)
			*p = ' ';
	msg = xasprintf("%s: %s\n\n%s\nSigned-off-by: %s <%s>\n", prefix,
			drop ? "Drop iommu_ops page sizes its domains never use" :
			"Give domains their page sizes, not iommu_ops",
			wrapped, s->name, s->email);
	free(wrapped);
	free(body);
	free(expr);
	return msg;
}

static int write_file(const char *path, const char *text)
{
	FILE *fp = fopen(path, "w");

	if (!fp)
		return -1;
	fputs(text, fp);
	return fclose(fp) ? -1 : 0;
}

/*
 * Parse the patched file again: the ops object must no longer set the
 * member, and every successful return of its allocators must give the
 * domain page sizes (domain-init: sets).
 */
static bool migration_holds(struct series *s, const struct plan_entry *e)
{
	struct tree patched = { .root = path_join(s->work, "") };
	struct parse_job job = { .rel = e->ops->loc.file };
	struct inventory inv = { 0 };
	bool holds = false;
	size_t i, k;

	flags_for_file(&s->flags, job.rel, NULL, &job.args);
	parse_all(&patched, &job, 1, 1, false, &inv);
	for (i = 0; i < inv.ops.nr; i++) {
		const struct ops_object *ops = inv.ops.items[i];

		if (strcmp(ops->name, e->ops->name) || ops->has_pgsize)
			continue;
		for (k = 0; k < ops->verdicts.nr; k++) {
			const struct verdict *v = ops->verdicts.items[k];

			if (!strcmp(v->rule, RULE_DOMAIN_INIT))
				holds = !strcmp(v->verdict, "sets");
		}
	}
	inventory_release(&inv);
	vec_free(&job.args, free);
	free(patched.root);
	return holds;
}

/* Apply the entry's rule; commit when it changed the file. */
static int migrate(struct series *s, struct plan_entry *e)
{
	char *rule = path_join(s->o->cocci_dir, e->rule);
	char *file = path_join(s->work, e->ops->loc.file);
	char *inc = path_join(s->work, "include");
	char *log = path_join(s->scratch, "spatch.log");
	char *msgfile = path_join(s->scratch, "message");
	char *prefix = history_prefix(s, e->ops->loc.file);
	char *msg;
	int ret = -1;

	if (!prefix)
		prefix = subject_prefix_from_path(e->ops->loc.file);
	if (run_program((char *const[]){ "spatch", "--sp-file", rule, "-D",
			"patch", "--local-includes", "--include-headers-for-types",
			"--very-quiet", "--in-place", "-I", inc, file, NULL },
			log)) {
		e->reason = xasprintf("spatch failed; see %s", log);
		goto out;
	}
	if (!git(s->work, NULL, (const char *[]){ "diff", "--quiet", "--",
						  e->ops->loc.file, NULL })) {
		e->reason = xstrdup("the semantic patch did not apply (the domain type could not be resolved)");
		goto out;
	}
	if (!migration_holds(s, e)) {
		e->reason = xstrdup("after the semantic patch some successful return still gives a domain no page sizes; patch not kept");
		git(s->work, NULL, (const char *[]){ "checkout", "-q", "--",
						     e->ops->loc.file, NULL });
		goto out;
	}
	msg = commit_message(s, e, prefix);
	ret = write_file(msgfile, msg);
	free(msg);
	ret = ret ?: git(s->work, NULL, (const char *[]){
		"-c", s->name_cfg, "-c", s->email_cfg, "commit", "-q",
		"--no-verify",
		"-F", msgfile, "--", e->ops->loc.file, NULL });
	if (ret)
		e->reason = xstrdup("git commit failed in the scratch copy");
	else
		s->commits++;
out:
	if (e->reason)
		e->rule = NULL;
	free(rule);
	free(file);
	free(inc);
	free(log);
	free(msgfile);
	free(prefix);
	return ret;
}

static char *cover_blurb(const struct vec *plan)
{
	struct strbuf sb = { 0 };
	size_t i;
	int pass;

	strbuf_addstr(&sb, "Page sizes are a property of a page table, not of a driver: one driver can run IOMMU instances with different capabilities, and the core now gives every domain its own pgsize_bitmap. The drivers below still describe page sizes in struct iommu_ops and rely on the core copying ops->pgsize_bitmap into domains that have none. Each patch sets the sizes on the domains the driver allocates, with exactly the value they had before, and drops the ops member.\n\n");
	for (pass = 0; pass < 2; pass++) {
		bool any = false;

		for (i = 0; i < plan->nr; i++) {
			const struct plan_entry *e = plan->items[i];

			if (!!e->rule != !pass)
				continue;
			if (!any)
				strbuf_addstr(&sb, pass ?
					"Not migrated by this series (no patch):\n\n" :
					"Migrated:\n\n");
			any = true;
			if (!pass)
				strbuf_addf(&sb, "  %s %s: %s (%#llx), %s\n",
					    e->ops->loc.file, e->ops->name,
					    e->ops->pgsize_expr,
					    e->ops->pgsize_value,
					    strcmp(e->rule, RULE_FILE_DROP) ?
					    "moved to the domains" :
					    "dropped: the domains set their own");
			else
				strbuf_addf(&sb, "  %s %s:\n    %s\n",
					    e->ops->loc.file, e->ops->name,
					    e->reason);
		}
		if (any)
			strbuf_addstr(&sb, "\n");
	}
	strbuf_addstr(&sb, "The core fallback in __iommu_domain_alloc() and the iommu_ops member stay until every driver above is migrated.\n");
	return strbuf_detach(&sb);
}

/* Keep the list lines of the blurb as they are; wrap the prose. */
static char *format_blurb(const char *blurb)
{
	struct strbuf sb = { 0 };
	const char *p = blurb;

	while (*p) {
		const char *end = strstr(p, "\n\n");
		size_t len = end ? (size_t)(end - p) : strlen(p);
		char *para = xstrndup(p, len);

		if (para[0] == ' ' || strstr(para, ":\n")) {
			strbuf_addstr(&sb, para);
			strbuf_addstr(&sb, "\n");
		} else {
			char *w = wrap_text(para, 72);

			strbuf_addstr(&sb, w);
			free(w);
		}
		free(para);
		p += len;
		if (*p) {
			strbuf_addstr(&sb, "\n");
			p += 2;
		}
	}
	return strbuf_detach(&sb);
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

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
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
	vec_sort(files, cmp_str);
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

static int write_series(struct series *s, const struct vec *plan,
			struct vec *written)
{
	char *range = xasprintf("%s..HEAD", s->base);
	struct vec patches = { 0 };
	struct strbuf cover = { 0 };
	char *outdir, *blurb, *to;
	char real[PATH_MAX];
	size_t size;
	int ret;

	if (mkdir_p(s->o->output) || !realpath(s->o->output, real)) {
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
	blurb = format_blurb(cover_blurb(plan));
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
	ret = write_file(patches.items[0], cover.buf);
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

static void series_release(struct series *s)
{
	if (s->have_flags)
		flags_release(&s->flags);
	if (s->scratch)
		run_quiet((char *const[]){ "rm", "-rf", s->scratch, NULL });
	free(s->scratch);
	free(s->work);
	free(s->name);
	free(s->email);
	free(s->name_cfg);
	free(s->email_cfg);
	free(s->base);
}

int cmd_series(int argc, char **argv)
{
	struct series_options o;
	struct series s = { .o = &o };
	struct scan_result res;
	struct vec plan = { 0 }, written = { 0 };
	struct tree tree;
	int ret = EXIT_FATAL;
	size_t i;

	if (parse_series_options(argc, argv, &o) || tree_open(o.tree, &tree))
		return EXIT_FATAL;
	s.tree = &tree;
	s.git = is_git_top(&tree);
	if (signoff_identity(&s) || check_clean(&s))
		goto out_tree;
	if (scan_analyse(&tree, &o.flags, &res))
		goto out_tree;
	plan_migration(&res.inv, &plan);
	if (flags_init(&s.flags, &tree, &o.flags))
		goto out;
	s.have_flags = true;
	if (make_scratch(&tree, s.git, &s.scratch, &s.work, &s.base))
		goto out;
	for (i = 0; i < plan.nr; i++) {
		struct plan_entry *e = plan.items[i];

		if (e->rule)
			migrate(&s, e);
		if (!e->rule)
			note("no patch for %s (%s): %s", e->ops->name,
			     e->ops->loc.file, e->reason);
	}
	if (!s.commits) {
		note("nothing to migrate automatically; no patches written");
		ret = 0;
		goto out;
	}
	ret = write_series(&s, &plan, &written) ? EXIT_FATAL : 0;
	if (!ret && o.verify)
		ret = series_verify(&(struct verify_request){
			.tree = &tree, .git = s.git, .flags = &o.flags,
			.output = o.output, .patches = &written,
			.arches = o.arches, .checkpatch = o.checkpatch,
			.jobs = o.flags.jobs });
out:
	series_release(&s);
	vec_free(&plan, plan_entry_free);
	vec_free(&written, free);
	scan_result_release(&res);
out_tree:
	tree_release(&tree);
	return ret;
}
