// SPDX-License-Identifier: GPL-2.0
/*
 * series --verify for an external module: its files are compiled with
 * make -C KTREE O=<prepared kernel> M=<the module in the copy>, by the
 * clang the scan uses (LLVM=), on the first architecture whose build
 * takes the unpatched module. Each architecture's prepared kernel is
 * the scan's cache of it, kept across runs (the kernel tree is only
 * read, so it cannot go stale the way a copy's would), -p or not. With
 * --objtree the host's is that one, and another architecture (any, with
 * --no-prepare) is prepared in the scratch area.
 */
#include <stdlib.h>
#include <string.h>

#include "scan/module.h"
#include "series/verify.h"
#include "lib/spawn.h"

static const char *ktree(struct verify_run *run)
{
	return run->rq->tree->kernel->root;
}

/* The host's cache was prepared with the kernel's SRCARCH as ARCH=. */
static bool is_host(struct verify_run *run, const struct verify_arch *va)
{
	const struct flags *f = run->module_flags;

	return f && f->source == FLAGS_PREPARED &&
	       !strcmp(va->a->srcarch, f->arch);
}

/*
 * The scan's own cache of @va's architecture, prepared there if it was
 * not yet: the next run (and the next scan) finds it ready.
 */
static bool use_scan_cache(struct verify_run *run, struct verify_arch *va)
{
	struct flags_config cfg = *run->rq->flags;
	struct flags f;
	bool ok;

	/* -p's database parses; the compile needs a prepared kernel. */
	cfg.compdb_dir = NULL;
	ok = !flags_init_arch(&f, run->rq->tree, &cfg, va->a->srcarch) &&
	     !flags_prepare(&f, &cfg);
	if (ok) {
		free(va->objdir);
		va->objdir = xstrdup(f.objtree);
		va->kbuild_arch = va->a->srcarch;
		va->prepared = true;
	} else {
		warn("could not prepare %s for the module", va->a->name);
		va->failed = true;
	}
	flags_release(&f);
	return ok;
}

/* make -C KTREE O=... ARCH=... LLVM=... [M=DIR] TARGET..., into the log. */
static int kmake(struct verify_run *run, struct verify_arch *va,
		 const char *module, const char *const *targets,
		 struct strbuf *out)
{
	struct vec argv = { 0 };
	struct strbuf mine = { 0 };
	char *heading;
	size_t i;
	int ret;

	vec_push(&argv, xstrdup("make"));
	vec_push(&argv, xstrdup("-s"));
	vec_push(&argv, xasprintf("-j%d", run->rq->jobs > 0 ? run->rq->jobs : 1));
	vec_push(&argv, xstrdup("-C"));
	vec_push(&argv, xstrdup(ktree(run)));
	vec_push(&argv, xasprintf("O=%s", va->objdir));
	vec_push(&argv, xasprintf("ARCH=%s", va->kbuild_arch ?
				  va->kbuild_arch : va->a->name));
	vec_push(&argv, xasprintf("LLVM=%s", run->module_flags->llvm));
	if (module)
		vec_push(&argv, xasprintf("M=%s", module));
	for (i = 0; targets[i]; i++)
		vec_push(&argv, xstrdup(targets[i]));
	vec_push(&argv, NULL);
	ret = run_capture((char *const *)argv.items, out ? out : &mine, true);
	heading = xasprintf("make ARCH=%s %s%s %s: exit %d", va->a->name,
			    module ? "M=" : "", module ? module : "",
			    targets[0], ret);
	verify_log(run, heading, (out ? out : &mine)->buf);
	free(heading);
	strbuf_release(&mine);
	vec_free(&argv, free);
	return ret;
}

static bool arch_ready(struct verify_run *run, struct verify_arch *va)
{
	if (va->prepared || va->failed)
		return va->prepared;
	if (!run->rq->flags->objtree && !run->rq->flags->no_prepare)
		return use_scan_cache(run, va);
	if (is_host(run, va)) {
		free(va->objdir);
		va->objdir = xstrdup(run->module_flags->objtree);
		va->kbuild_arch = run->module_flags->arch;
		va->prepared = true;
		return true;
	}
	note("preparing %s for the module (once per run; about a minute)",
	     va->a->name);
	if (mkdir_p(va->objdir) ||
	    kmake(run, va, NULL, (const char *[]){ "allmodconfig", "prepare",
						  NULL }, NULL)) {
		warn("could not prepare %s; see %s", va->a->name, run->log);
		va->failed = true;
		return false;
	}
	va->prepared = true;
	return true;
}

/* Compile @rel (relative to the copy) on @va; 0 when clean. */
static int compile_on(struct verify_run *run, struct verify_arch *va,
		      const char *rel, char **why)
{
	char *top = path_join(run->work, "");
	char *root = module_root_of(top, rel);
	struct strbuf out = { 0 };
	char *module, *obj;
	size_t skip;
	int ret;

	if (!root || !shell_safe(rel)) {
		*why = xstrdup(root ? "a name a shell would not take as one word (kbuild's commands run through one); not compiled" :
			       "no Kbuild or Makefile above it in the module");
		free(root);
		free(top);
		return -1;
	}
	skip = root[0] ? strlen(root) + 1 : 0;
	module = path_join(run->work, root);
	obj = xasprintf("%.*s.o", (int)(strlen(rel) - skip - 2), rel + skip);
	ret = kmake(run, va, module, (const char *[]){ obj, NULL }, &out);
	if (!ret && verify_has_warning(out.buf ? out.buf : ""))
		ret = -1;
	if (ret)
		*why = verify_first_complaint(out.buf ? out.buf : "");
	strbuf_release(&out);
	free(obj);
	free(module);
	free(root);
	free(top);
	return ret ? -1 : 0;
}

void verify_module_choose_arch(struct verify_run *run, const struct vec *files)
{
	size_t i, k;

	if (run->module_tried)
		return;
	run->module_tried = true;
	run->module_flags = xcalloc(1, sizeof(*run->module_flags));
	if (flags_init(run->module_flags, run->rq->tree, run->rq->flags))
		return;
	for (i = 0; i < run->arches.nr && !run->module_arch; i++) {
		struct verify_arch *va = run->arches.items[i];
		bool all = arch_ready(run, va);

		for (k = 0; all && k < files->nr; k++) {
			char *why = NULL;

			all = !compile_on(run, va, files->items[k], &why);
			free(why);
		}
		if (all) {
			run->module_arch = va;
			note("the module builds for %s", va->a->name);
		}
	}
}

void verify_module_compile(struct verify_run *run, struct verify_compile *c)
{
	struct verify_arch *va = run->module_arch;

	c->status = CHECK_FAIL;
	if (!va) {
		c->arch = "-";
		c->why = xstrdup("no architecture builds the unpatched module against the kernel");
		return;
	}
	c->arch = va->a->name;
	if (!compile_on(run, va, c->file, &c->why))
		c->status = CHECK_PASS;
}

void verify_module_release(struct verify_run *run)
{
	if (run->module_flags) {
		flags_release(run->module_flags);
		free(run->module_flags);
	}
	run->module_flags = NULL;
}
