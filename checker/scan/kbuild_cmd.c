// SPDX-License-Identifier: GPL-2.0
#include <stdlib.h>
#include <string.h>

#include "scan/kbuild_cmd.h"
#include "lib/shellwords.h"
#include "lib/spawn.h"

static char *object_of(const char *rel)
{
	size_t len = strlen(rel);

	return xasprintf("%.*s.o", (int)(len > 2 ? len - 2 : len), rel);
}

/* Is @path the source @rel, as kbuild names it (relative or absolute)? */
static bool names_source(const char *path, const char *rel)
{
	size_t lp = strlen(path), lr = strlen(rel);

	if (!strcmp(path, rel))
		return true;
	return lp > lr && path[lp - lr - 1] == '/' &&
	       !strcmp(path + lp - lr, rel);
}

static bool compiles(const struct vec *cmd, const char *rel, const char *obj)
{
	bool c = false, o = false, src = false;
	size_t i;

	for (i = 1; i < cmd->nr; i++) {
		const char *a = cmd->items[i];

		if (!strcmp(a, "-c"))
			c = true;
		else if (!strcmp(a, "-o") && i + 1 < cmd->nr)
			/* External modules' objects are named absolutely. */
			o = names_source(cmd->items[++i], obj);
		else if (names_source(a, rel))
			src = true;
	}
	return c && o && src;
}

struct vec *kbuild_find_command(struct vec *cmds, const char *rel)
{
	char *obj = object_of(rel);
	struct vec *found = NULL;
	size_t i;

	for (i = 0; i < cmds->nr && !found; i++)
		if (compiles(cmds->items[i], rel, obj))
			found = cmds->items[i];
	free(obj);
	return found;
}

static bool dependency_option(const char *a)
{
	return starts_with(a, "-Wp,-MMD,") || starts_with(a, "-Wp,-MD,") ||
	       !strcmp(a, "-MMD") || !strcmp(a, "-MD");
}

void kbuild_parse_args(const struct vec *argv, const char *rel,
		       struct vec *out)
{
	size_t i;

	for (i = 1; i < argv->nr; i++) {
		const char *a = argv->items[i];

		if (!strcmp(a, "-c") || dependency_option(a) ||
		    names_source(a, rel))
			continue;
		if ((!strcmp(a, "-o") || !strcmp(a, "-MF")) &&
		    i + 1 < argv->nr) {
			i++;
			continue;
		}
		vec_push(out, xstrdup(a));
	}
}

int kbuild_dry_run(const char *srcroot, const char *objtree, const char *arch,
		   const char *llvm, const char *module, char *const *rels,
		   size_t n, struct vec *cmds)
{
	struct vec argv = { 0 }, all = { 0 };
	struct strbuf out = { 0 };
	size_t i;
	int ret;

	vec_push(&argv, xstrdup("make"));
	vec_push(&argv, xstrdup("-n"));
	/* Go on past objects this architecture has no rule for. */
	vec_push(&argv, xstrdup("-k"));
	vec_push(&argv, xstrdup("-C"));
	vec_push(&argv, xstrdup(srcroot));
	vec_push(&argv, xasprintf("O=%s", objtree));
	vec_push(&argv, xasprintf("ARCH=%s", arch));
	vec_push(&argv, xasprintf("LLVM=%s", llvm));
	if (module)
		vec_push(&argv, xasprintf("M=%s", module));
	for (i = 0; i < n; i++)
		vec_push(&argv, object_of(rels[i]));
	vec_push(&argv, NULL);
	ret = run_capture_in(objtree, (char *const *)argv.items, &out, false);
	shell_commands(out.buf ? out.buf : "", &all);
	for (i = 0; i < n; i++) {
		struct vec *found = kbuild_find_command(&all, rels[i]);
		struct vec *copy = NULL;
		size_t k;

		if (found) {
			copy = xcalloc(1, sizeof(*copy));
			for (k = 0; k < found->nr; k++)
				vec_push(copy, xstrdup(found->items[k]));
		}
		vec_push(cmds, copy);
	}
	vec_free(&all, shell_command_free);
	vec_free(&argv, free);
	strbuf_release(&out);
	return ret ? -1 : 0;
}
