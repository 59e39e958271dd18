// SPDX-License-Identifier: GPL-2.0
/* Which architecture's allmodconfig builds a file, from kbuild Makefiles. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "scan/kbuild_arch.h"
#include "lib/fileio.h"
#include "lib/util.h"

/* Makefiles nest a few levels; a cycle must not recurse for ever. */
#define MAX_DEPTH 12

const struct kbuild_arch kbuild_arches[] = {
	{ "x86_64", "x86", NULL, "build-essential" },
	{ "arm64", "arm64", "aarch64-linux-gnu-", "gcc-aarch64-linux-gnu" },
	{ "arm", "arm", "arm-linux-gnueabihf-", "gcc-arm-linux-gnueabihf" },
	{ "s390", "s390", "s390x-linux-gnu-", "gcc-s390x-linux-gnu" },
	{ "riscv", "riscv", "riscv64-linux-gnu-", "gcc-riscv64-linux-gnu" },
	{ "powerpc", "powerpc", "powerpc64le-linux-gnu-",
	  "gcc-powerpc64le-linux-gnu" },
};
const size_t kbuild_nr_arches = ARRAY_SIZE(kbuild_arches);

const struct kbuild_arch *kbuild_arch_find(const char *name)
{
	size_t i;

	for (i = 0; i < kbuild_nr_arches; i++)
		if (!strcmp(kbuild_arches[i].name, name))
			return &kbuild_arches[i];
	return NULL;
}

static bool in_path(const char *program)
{
	const char *path = getenv("PATH");
	char *copy, *dir, *save = NULL, *full;
	bool found = false;

	copy = xstrdup(path ? path : "/usr/bin:/bin");
	for (dir = strtok_r(copy, ":", &save); dir && !found;
	     dir = strtok_r(NULL, ":", &save)) {
		full = path_join(dir, program);
		found = !access(full, X_OK);
		free(full);
	}
	free(copy);
	return found;
}

bool kbuild_arch_has_compiler(const struct kbuild_arch *a)
{
	struct utsname un;
	char *gcc;
	bool ok;

	if (!a->cross)
		return !uname(&un) && !strcmp(un.machine, a->name) &&
		       in_path("gcc");
	gcc = xasprintf("%sgcc", a->cross);
	ok = in_path(gcc);
	free(gcc);
	return ok;
}

struct kbuild_walk {
	const char *srcroot;
	const char *dir;	/* of the Makefile being read */
	const char *config;	/* NULL: every symbol is on */
	struct vec *gates;	/* if set, gets the symbols on the way */
	int depth;
};

/* Is CONFIG_@name (a name without the prefix or with it) y or m? */
static bool symbol_on(const char *config, const char *sym, size_t len)
{
	char *y = xasprintf("\n%.*s=y\n", (int)len, sym);
	char *m = xasprintf("\n%.*s=m\n", (int)len, sym);
	bool on = strstr(config, y) || strstr(config, m);

	free(y);
	free(m);
	return on;
}

/* Every CONFIG_ symbol named in @lhs (e.g. "obj-$(CONFIG_X)") is on. */
static bool symbols_on(const char *lhs, const struct kbuild_walk *w)
{
	const char *p = lhs;

	while ((p = strstr(p, "CONFIG_"))) {
		size_t len = 0;

		while (isalnum((unsigned char)p[len]) || p[len] == '_')
			len++;
		if (w->config && !symbol_on(w->config, p, len))
			return false;
		if (w->gates) {
			char *sym = xstrndup(p, len);

			if (vec_contains_str(w->gates, sym))
				free(sym);
			else
				vec_push(w->gates, sym);
		}
		p += len;
	}
	return true;
}

/* The directory's kbuild file, continuation lines joined; NULL if none. */
static char *kbuild_file(const char *srcroot, const char *dir)
{
	static const char *const names[] = { "Kbuild", "Makefile" };
	char *text = NULL, *p, *q;
	size_t i, size;

	for (i = 0; i < ARRAY_SIZE(names) && !text; i++) {
		char *path = xasprintf("%s%s%s%s", srcroot, dir,
				       *dir ? "/" : "", names[i]);

		text = read_file(path, &size);
		free(path);
	}
	if (!text)
		return NULL;
	for (p = q = text; *p; p++) {
		if (*p == '\\' && p[1] == '\n') {
			*q++ = ' ';
			p++;
		} else if (*p == '\t') {
			*q++ = ' ';
		} else {
			*q++ = *p;
		}
	}
	*q = '\0';
	return text;
}

/* Does the word list @rhs contain @word? */
static bool has_word(const char *rhs, const char *word)
{
	size_t len = strlen(word);
	const char *p = rhs;

	while ((p = strstr(p, word))) {
		bool start = p == rhs || isspace((unsigned char)p[-1]);
		bool end = !p[len] || isspace((unsigned char)p[len]);

		if (start && end)
			return true;
		p += len;
	}
	return false;
}

typedef bool (*line_fn)(const struct kbuild_walk *w, const char *lhs);

/*
 * Call @fn with the left-hand side of every assignment in @text whose
 * right-hand side names @word, until one returns true; *@mentioned says
 * whether any did.
 */
static bool each_mention(const struct kbuild_walk *w, char *text,
			 const char *word, line_fn fn, bool *mentioned)
{
	char *line, *save = NULL;
	bool found = false;

	*mentioned = false;
	for (line = strtok_r(text, "\n", &save); line && !found;
	     line = strtok_r(NULL, "\n", &save)) {
		char *hash = strchr(line, '#');
		char *op, *lhs, *end;

		if (hash)
			*hash = '\0';
		op = strchr(line, '=');
		if (!op || !has_word(op + 1, word))
			continue;
		end = op > line && strchr("+:?", op[-1]) ? op - 1 : op;
		while (isspace((unsigned char)*line))
			line++;
		while (end > line && isspace((unsigned char)end[-1]))
			end--;
		lhs = xstrndup(line, end - line);
		*mentioned = true;
		found = fn(w, lhs);
		free(lhs);
	}
	return found;
}

static bool dir_built(const struct kbuild_walk *w);

/* "obj-$(CONFIG_X) += sub/" in the parent of @w->dir. */
static bool dir_line(const struct kbuild_walk *w, const char *lhs)
{
	struct kbuild_walk up = *w;

	if (!starts_with(lhs, "obj-") && !starts_with(lhs, "subdir-"))
		return false;
	if (!symbols_on(lhs, w))
		return false;
	up.depth++;
	return dir_built(&up);
}

/*
 * Is directory @w->dir descended into? The top level, and parents that
 * do not name it (arch/ reaches its subdirectories by other means): yes.
 */
static bool dir_built(const struct kbuild_walk *w)
{
	const char *slash = strrchr(w->dir, '/');
	struct kbuild_walk up = *w;
	char *parent, *text, *word;
	bool on, mentioned = false;

	if (!slash || w->depth > MAX_DEPTH)
		return true;
	parent = xstrndup(w->dir, slash - w->dir);
	text = kbuild_file(w->srcroot, parent);
	word = xasprintf("%s/", slash + 1);
	up.dir = parent;
	on = text && each_mention(&up, text, word, dir_line, &mentioned);
	if (!mentioned)
		on = true;
	free(word);
	free(text);
	free(parent);
	return on;
}

static bool object_built(const struct kbuild_walk *w, const char *obj);

/*
 * The composite's name in "name-y", "name-objs", "name-$(CONFIG_X)" and
 * "name-objs-y" (a list "name-objs := $(name-objs-y)" names).
 */
static char *composite_name(const char *lhs)
{
	const char *dash = strstr(lhs, "-$(");
	size_t len;

	if (!dash)
		dash = strrchr(lhs, '-');
	if (!dash || dash == lhs)
		return NULL;
	len = dash - lhs;
	if (len > 5 && !strncmp(lhs + len - 5, "-objs", 5))
		len -= 5;
	return xstrndup(lhs, len);
}

static bool object_line(const struct kbuild_walk *w, const char *lhs)
{
	struct kbuild_walk deeper = *w;
	char *name, *obj;
	bool on;

	if (!symbols_on(lhs, w))
		return false;
	if (starts_with(lhs, "obj-"))
		return dir_built(w);
	/* A part of a composite object: is the composite built? */
	name = composite_name(lhs);
	if (!name || !strcmp(name, "subdir") || !strcmp(name, "lib") ||
	    starts_with(name, "extra") || starts_with(name, "always") ||
	    starts_with(name, "targets")) {
		free(name);
		return false;
	}
	obj = xasprintf("%s.o", name);
	deeper.depth++;
	on = object_built(&deeper, obj);
	free(obj);
	free(name);
	return on;
}

static bool object_built(const struct kbuild_walk *w, const char *obj)
{
	char *text;
	bool on, mentioned;

	if (w->depth > MAX_DEPTH)
		return false;
	text = kbuild_file(w->srcroot, w->dir);
	on = text && each_mention(w, text, obj, object_line, &mentioned);
	free(text);
	return on;
}

static bool walk_object(struct kbuild_walk *w, const char *rel)
{
	const char *slash = strrchr(rel, '/');
	char *dir, *obj;
	bool on;

	if (!ends_with(rel, ".c"))
		return false;
	/* An external module's files may sit beside its top Kbuild. */
	dir = xstrndup(rel, slash ? (size_t)(slash - rel) : 0);
	slash = slash ? slash + 1 : rel;
	obj = xasprintf("%.*s.o", (int)(strlen(slash) - 2), slash);
	w->dir = dir;
	on = object_built(w, obj);
	free(obj);
	free(dir);
	return on;
}

bool kbuild_builds(const char *srcroot, const char *rel, const char *config,
		   const struct kbuild_arch *a)
{
	struct kbuild_walk w = { .srcroot = srcroot, .config = config };
	char *arch_dir;

	/* arch/NAME/ is built only for that architecture. */
	arch_dir = xasprintf("arch/%s/", a->srcarch);
	if (starts_with(rel, "arch/") && !starts_with(rel, arch_dir)) {
		free(arch_dir);
		return false;
	}
	free(arch_dir);
	return walk_object(&w, rel);
}

void kbuild_gates(const char *srcroot, const char *rel, struct vec *symbols)
{
	struct kbuild_walk w = { .srcroot = srcroot, .gates = symbols };

	walk_object(&w, rel);
}
