// SPDX-License-Identifier: GPL-2.0
/* Each file parsed with the flags of the first architecture building it. */
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "scan/arch_plan.h"
#include "scan/kbuild_arch.h"
#include "scan/module.h"
#include "lib/fileio.h"

static struct arch_group *group_new(const char *name)
{
	struct arch_group *g = xcalloc(1, sizeof(*g));

	g->name = name;
	return g;
}

void arch_group_free(void *p)
{
	struct arch_group *g = p;

	if (!g)
		return;
	flags_release(&g->flags);
	vec_free(&g->files, NULL);
	vec_free(&g->fallback, NULL);
	free(g);
}

/* One group, the host's flags, for every file. */
static int single_group(const struct tree *tree,
			const struct flags_config *cfg,
			const struct vec *files, struct vec *groups)
{
	struct arch_group *g = group_new(NULL);
	size_t i;

	if (flags_init(&g->flags, tree, cfg)) {
		arch_group_free(g);
		return -1;
	}
	/* Without kbuild's flags the architecture is a guess: none. */
	if (g->flags.source == FLAGS_PREPARED ||
	    g->flags.source == FLAGS_UNPREPARED) {
		for (i = 0; i < kbuild_nr_arches && !g->name; i++)
			if (!strcmp(kbuild_arches[i].srcarch, g->flags.arch))
				g->name = kbuild_arches[i].name;
	}
	for (i = 0; i < files->nr; i++)
		vec_push(&g->files, files->items[i]);
	vec_push(groups, g);
	return 0;
}

static bool asm_headers_resolve(const struct tree *tree,
				const struct arch_group *g, const char *rel,
				int depth);

/* Does @rel #error out without a CONFIG_ symbol @config does not set? */
static bool error_gates_on(const struct tree *tree, const char *rel,
			   const char *config)
{
	char *path = path_join(tree->root, rel);
	struct vec gates = { 0 };
	size_t i, size;
	char *text = read_file(path, &size);
	bool on = true;

	if (text)
		module_error_gates(text, &gates);
	for (i = 0; i < gates.nr && on; i++) {
		char *y = xasprintf("\n%s=y\n", (char *)gates.items[i]);
		char *m = xasprintf("\n%s=m\n", (char *)gates.items[i]);

		on = strstr(config, y) || strstr(config, m);
		free(y);
		free(m);
	}
	vec_free(&gates, free);
	free(text);
	free(path);
	return on;
}

/*
 * Does @g's architecture build @rel? Its kbuild Makefiles' CONFIG_
 * symbols are on in @config; an external module's Kbuild rarely names
 * one (obj-m), so its <asm/> headers must also be that architecture's,
 * and the symbols its own #error lines demand on.
 */
static bool arch_builds(const struct tree *tree, const struct arch_group *g,
			const struct kbuild_arch *a, const char *config,
			const char *rel)
{
	if (!kbuild_builds(tree->root, rel, config, a))
		return false;
	return !tree->kernel || (asm_headers_resolve(tree, g, rel, 0) &&
				 error_gates_on(tree, rel, config));
}

/*
 * Configure @a and move the files of @left its allmodconfig builds into
 * its group, prepared. The group comes back even without files (it may
 * parse a file no configuration builds); NULL when it cannot be set up.
 */
static struct arch_group *take_files(const struct tree *tree,
				     const struct flags_config *cfg,
				     const struct kbuild_arch *a,
				     struct vec *left)
{
	struct arch_group *g = group_new(a->name);
	char *config = NULL;
	size_t i, kept = 0;

	if (flags_init_arch(&g->flags, tree, cfg, a->srcarch)) {
		arch_group_free(g);
		return NULL;
	}
	config = flags_config_text(&g->flags);
	for (i = 0; config && i < left->nr; i++) {
		if (arch_builds(tree, g, a, config, left->items[i]))
			vec_push(&g->files, left->items[i]);
		else
			left->items[kept++] = left->items[i];
	}
	free(config);
	if (!g->files.nr)
		return g;
	left->nr = kept;
	if (!flags_prepare(&g->flags, cfg))
		return g;
	warn("%s could not be prepared; its %zu files go to the next architecture that builds them",
	     a->name, g->files.nr);
	for (i = 0; i < g->files.nr; i++)
		vec_push(left, g->files.items[i]);
	arch_group_free(g);
	return NULL;
}

/*
 * Does <asm/@name> exist for @g's architecture: in its source, generated
 * by prepare, or (not prepared yet) as the asm-generic one prepare wraps?
 */
static bool asm_header_exists(const struct arch_group *g, const char *name)
{
	/* The kernel's: a module's flags hold the tree it builds against. */
	const char *kroot = g->flags.tree->root;
	bool prepared = g->flags.source == FLAGS_PREPARED;
	char *src = xasprintf("%sarch/%s/include/asm/%s", kroot,
			      g->flags.arch, name);
	char *gen = prepared ?
		    xasprintf("%s/arch/%s/include/generated/asm/%s",
			      g->flags.objtree, g->flags.arch, name) :
		    xasprintf("%sinclude/asm-generic/%s", kroot, name);
	bool found = !access(src, F_OK) || !access(gen, F_OK);

	free(src);
	free(gen);
	return found;
}

/*
 * Does every <asm/...> header that @rel, or a "local" header it includes,
 * names exist for @g's architecture?
 */
static bool asm_headers_resolve(const struct tree *tree,
				const struct arch_group *g, const char *rel,
				int depth)
{
	char *path = path_join(tree->root, rel);
	size_t size;
	char *text = read_file(path, &size);
	const char *p = text;
	bool ok = true;

	free(path);
	while (ok && p && (p = strstr(p, "#include"))) {
		char name[256];

		p += strlen("#include");
		if (sscanf(p, " <asm/%255[^>]>", name) == 1) {
			ok = asm_header_exists(g, name);
		} else if (depth < 2 && sscanf(p, " \"%255[^\"]\"", name) == 1 &&
			   !strstr(name, "..")) {
			const char *slash = strrchr(rel, '/');
			char *local = xasprintf("%.*s%s",
						slash ? (int)(slash - rel + 1) : 0,
						rel, name);

			ok = asm_headers_resolve(tree, g, local, depth + 1);
			free(local);
		}
	}
	free(text);
	return ok;
}

/*
 * The group to parse @rel, which no configuration builds: the
 * architecture whose arch/ directory holds it, else the first that has
 * every <asm/> header it includes, else the first; prepared.
 */
static struct arch_group *fallback_group(const struct tree *tree,
					 const struct flags_config *cfg,
					 struct vec *groups, const char *rel)
{
	struct arch_group *found = NULL;
	size_t i;

	for (i = 0; i < groups->nr && !found; i++) {
		struct arch_group *g = groups->items[i];
		char *dir = xasprintf("arch/%s/", g->flags.arch);

		if (starts_with(rel, dir))
			found = g;
		free(dir);
	}
	for (i = 0; i < groups->nr && !found; i++)
		if (asm_headers_resolve(tree, groups->items[i], rel, 0))
			found = groups->items[i];
	if (found && !flags_prepare(&found->flags, cfg))
		return found;
	for (i = 0; i < groups->nr; i++) {
		struct arch_group *g = groups->items[i];

		if (g->flags.source == FLAGS_PREPARED)
			return g;
	}
	return NULL;
}

/* Keep the groups that parse something. */
static void drop_empty(struct vec *groups)
{
	size_t i, kept = 0;

	for (i = 0; i < groups->nr; i++) {
		struct arch_group *g = groups->items[i];

		if (g->files.nr)
			groups->items[kept++] = g;
		else
			arch_group_free(g);
	}
	groups->nr = kept;
}

int arch_plan_make(const struct tree *tree, const struct flags_config *cfg,
		   const struct vec *files, struct vec *groups)
{
	struct vec left = { 0 };
	size_t i;

	if (!flags_per_arch(tree, cfg))
		return single_group(tree, cfg, files, groups);
	for (i = 0; i < files->nr; i++)
		vec_push(&left, files->items[i]);
	for (i = 0; i < kbuild_nr_arches && left.nr; i++) {
		struct arch_group *g = take_files(tree, cfg, &kbuild_arches[i],
						  &left);

		if (g)
			vec_push(groups, g);
	}
	/* No configuration builds these: their CONFIG_ symbols are forced. */
	for (i = 0; i < left.nr; i++) {
		struct arch_group *g = fallback_group(tree, cfg, groups,
						      left.items[i]);

		if (!g)
			break;
		vec_push(&g->files, left.items[i]);
		vec_push(&g->fallback, left.items[i]);
		note("no prepared architecture's allmodconfig builds %s: parsed with %s's flags, its Makefile's CONFIG_ symbols forced on",
		     (char *)left.items[i], g->name);
	}
	drop_empty(groups);
	if (!groups->nr) {
		/* No architecture could be set up: the host's flags, as is. */
		int ret = single_group(tree, cfg, files, groups);

		vec_free(&left, NULL);
		return ret;
	}
	vec_free(&left, NULL);
	return 0;
}
