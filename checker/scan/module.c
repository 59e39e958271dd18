// SPDX-License-Identifier: GPL-2.0
/* External modules: detection, kbuild's commands with M=, the header shim. */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ast/types.h"
#include "scan/kbuild_cmd.h"
#include "scan/module.h"
#include "scan/parse.h"
#include "lib/cleanup.h"
#include "lib/fileio.h"
#include "lib/spawn.h"

/* Deeper than vendor trees nest their modules; no walk of a whole disk. */
#define MAX_DEPTH 6

static bool is_regular(const char *path)
{
	struct stat st;

	return !stat(path, &st) && S_ISREG(st.st_mode);
}

/* A Kbuild file, or a Makefile with kbuild's obj-m / obj-$(CONFIG_...). */
static bool has_kbuild_file(const char *dir)
{
	char *kbuild = path_join(dir, "Kbuild");
	char *makefile = path_join(dir, "Makefile");
	bool found = is_regular(kbuild);
	size_t size;
	char *text;

	if (!found && is_regular(makefile)) {
		text = read_file(makefile, &size);
		found = text && (strstr(text, "obj-m") || strstr(text, "obj-$("));
		free(text);
	}
	free(kbuild);
	free(makefile);
	return found;
}

static bool detect_below(const char *dir, int depth)
{
	DIR *d;
	struct dirent *de;
	bool found = has_kbuild_file(dir);

	if (found || depth >= MAX_DEPTH)
		return found;
	d = opendir(dir);
	while (d && !found && (de = readdir(d))) {
		char *child;
		struct stat st;

		if (de->d_name[0] == '.')
			continue;
		child = path_join(dir, de->d_name);
		/* Links to directories are not followed: no loops. */
		if (!lstat(child, &st) && S_ISDIR(st.st_mode))
			found = detect_below(child, depth + 1);
		free(child);
	}
	if (d)
		closedir(d);
	return found;
}

bool module_dir_detect(const char *dir)
{
	return detect_below(dir, 0);
}

char *module_root_of(const char *top, const char *rel)
{
	char *dir = xstrdup(rel);
	char *slash;

	for (;;) {
		char *path;
		bool found;

		slash = strrchr(dir, '/');
		if (slash)
			*slash = '\0';
		else
			dir[0] = '\0';
		path = path_join(top, dir);
		found = has_kbuild_file(path);
		free(path);
		if (found)
			return dir;
		if (!dir[0])
			break;
	}
	free(dir);
	return NULL;
}

/* The directive of preprocessor line @line ("ifndef", ...), or NULL. */
static const char *directive(const char *line)
{
	line += strspn(line, " \t");
	if (*line != '#')
		return NULL;
	return line + 1 + strspn(line + 1, " \t");
}

/* The CONFIG_ symbol an #if/#ifndef condition @cond negates, or NULL. */
static char *negated_symbol(const char *word, const char *cond)
{
	static const char *const negations[] = {
		"!defined(", "!defined ", "!IS_ENABLED(",
	};
	const char *sym = NULL, *end;
	size_t i, len;

	cond += strspn(cond, " \t");
	if (!strcmp(word, "ifndef"))
		sym = cond;
	for (i = 0; !sym && i < ARRAY_SIZE(negations); i++)
		if (starts_with(cond, negations[i]))
			sym = cond + strlen(negations[i]);
	if (!sym || !starts_with(sym, "CONFIG_"))
		return NULL;
	for (len = 0; isalnum((unsigned char)sym[len]) || sym[len] == '_';)
		len++;
	/* Only the one negation: "!defined(A) && B" gates on more. */
	end = sym + len;
	end += strspn(end, ") \t");
	if (*end && !starts_with(end, "/*") && !starts_with(end, "//"))
		return NULL;
	return xstrndup(sym, len);
}

void module_error_gates(const char *text, struct vec *symbols)
{
	char *copy = xstrdup(text), *line, *save = NULL;
	char *pending = NULL;
	int depth = 0;

	for (line = strtok_r(copy, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		const char *d = directive(line);
		size_t len = d ? strcspn(d, " \t(") : 0;
		char *word = d ? xstrndup(d, len) : NULL;

		if (pending && word && !strcmp(word, "error") &&
		    !vec_contains_str(symbols, pending)) {
			vec_push(symbols, pending);
			pending = NULL;
		}
		free(pending);
		pending = NULL;
		if (word && starts_with(word, "if")) {
			if (!depth && (!strcmp(word, "if") ||
				       !strcmp(word, "ifndef")))
				pending = negated_symbol(word, d + len);
			depth++;
		} else if (word && !strcmp(word, "endif") && depth) {
			depth--;
		}
		free(word);
	}
	free(pending);
	free(copy);
}

/* @to/REL links to @from/REL for every file; directories are made. */
static int mirror(const char *from, const char *to, int depth)
{
	DIR *d = opendir(from);
	struct dirent *de;
	int ret = 0;

	if (!d || depth > MAX_DEPTH * 4) {
		if (d)
			closedir(d);
		return d ? 0 : -1;
	}
	while (!ret && (de = readdir(d))) {
		char *src, *dst;
		struct stat st;

		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, "..") ||
		    !strcmp(de->d_name, ".git"))
			continue;
		src = path_join(from, de->d_name);
		dst = path_join(to, de->d_name);
		if (!lstat(src, &st) && S_ISDIR(st.st_mode))
			ret = mkdir(dst, 0700) ?: mirror(src, dst, depth + 1);
		else
			ret = symlink(src, dst);
		free(src);
		free(dst);
	}
	closedir(d);
	return ret;
}

/* Every @from in @s, replaced by @to. */
static char *replaced(const char *s, const char *from, const char *to)
{
	struct strbuf out = { 0 };
	size_t len = strlen(from);
	const char *hit;

	while ((hit = strstr(s, from))) {
		strbuf_add(&out, s, hit - s);
		strbuf_addstr(&out, to);
		s = hit + len;
	}
	strbuf_addstr(&out, s);
	return strbuf_detach(&out);
}

/* @path made absolute against @dir, unless it is already. */
static char *against(const char *dir, const char *path)
{
	return path[0] == '/' ? xstrdup(path) : path_join(dir, path);
}

/*
 * Since 6.13 kbuild compiles a module's files from the module's own
 * directory, naming the source as "file.c": make the command's relative
 * paths absolute there, as those of older kernels are (from the object
 * tree, which -working-directory covers).
 */
static void absolute_in_module(struct vec *cmd, const char *rel,
			       const char *moddir)
{
	size_t i;
	bool local = false;

	for (i = 1; cmd && i < cmd->nr && !local; i++)
		local = !strcmp(cmd->items[i], rel);
	for (i = 1; local && i < cmd->nr; i++) {
		char *a = cmd->items[i], *abs = NULL;

		if (!strcmp(a, rel))
			abs = path_join(moddir, a);
		else if (starts_with(a, "-I") && a[2] && a[2] != '/')
			abs = xasprintf("-I%s/%s", moddir, a + 2);
		else if ((!strcmp(a, "-I") || !strcmp(a, "-include")) &&
			 i + 1 < cmd->nr) {
			i++;
			abs = against(moddir, cmd->items[i]);
			free(cmd->items[i]);
			cmd->items[i] = abs;
			continue;
		}
		if (abs) {
			cmd->items[i] = abs;
			free(a);
		}
	}
}

/* The commands of one module directory's files (@idx into @rels). */
static int dry_run_one(const char *ktree, const char *objtree,
		       const char *arch, const char *llvm, const char *mirror_top,
		       const char *root, char *const *rels, const struct vec *idx,
		       struct vec *cmds)
{
	size_t skip = root[0] ? strlen(root) + 1 : 0;
	char *moddir = path_join(mirror_top, root);
	char **local = xcalloc(idx->nr + 1, sizeof(*local));
	struct vec found = { 0 };
	size_t i;
	int ret;

	for (i = 0; i < idx->nr; i++)
		local[i] = rels[(size_t)idx->items[i]] + skip;
	ret = kbuild_dry_run(ktree, objtree, arch, llvm, moddir, local,
			     idx->nr, &found);
	for (i = 0; i < idx->nr; i++) {
		absolute_in_module(found.items[i], local[i], moddir);
		cmds->items[(size_t)idx->items[i]] = found.items[i];
	}
	vec_free(&found, NULL);
	free(local);
	free(moddir);
	return ret;
}

static void args_unmirror(struct vec *args, const char *mirror_top,
			  const char *top)
{
	size_t i;

	for (i = 0; args && i < args->nr; i++) {
		char *old = args->items[i];

		args->items[i] = replaced(old, mirror_top, top);
		free(old);
	}
}

int module_dry_run(const char *ktree, const char *objtree, const char *arch,
		   const char *llvm, const char *top, char *const *rels,
		   size_t n, struct vec *cmds)
{
	struct vec roots = { 0 }, groups = { 0 };
	char *scratch = make_temp_dir("module");
	char *mirror_top, *plain_top;
	size_t i, k;
	int ret = 0;

	for (i = 0; i < n; i++)
		vec_push(cmds, NULL);
	if (!scratch) {
		error("cannot create a scratch directory: %s", strerror(errno));
		return -1;
	}
	mirror_top = path_join(scratch, "m");
	plain_top = xstrndup(top, strlen(top) - (ends_with(top, "/") ? 1 : 0));
	if (mkdir(mirror_top, 0700) || mirror(plain_top, mirror_top, 0)) {
		error("cannot mirror %s for kbuild: %s", top, strerror(errno));
		ret = -1;
		goto out;
	}
	/* One dry run per module directory, with its files. */
	for (i = 0; i < n; i++) {
		char *root;

		/* kbuild puts object names in shell commands, -n or not. */
		if (!shell_safe(rels[i])) {
			warn("%s: a name a shell would not take as one word; parsed with fallback flags",
			     rels[i]);
			continue;
		}
		root = module_root_of(top, rels[i]);
		if (!root)
			continue;
		for (k = 0; k < roots.nr && strcmp(roots.items[k], root); k++)
			;
		if (k == roots.nr) {
			vec_push(&roots, root);
			vec_push(&groups, xcalloc(1, sizeof(struct vec)));
		} else {
			free(root);
		}
		vec_push(groups.items[k], (void *)i);
	}
	for (k = 0; k < roots.nr; k++)
		ret |= dry_run_one(ktree, objtree, arch, llvm, mirror_top,
				   roots.items[k], rels, groups.items[k], cmds);
	for (i = 0; i < n; i++)
		args_unmirror(cmds->items[i], mirror_top, plain_top);
out:
	for (k = 0; k < groups.nr; k++)
		vec_free(groups.items[k], NULL);
	vec_free(&groups, free);
	vec_free(&roots, free);
	run_program((char *const[]){ "rm", "-rf", scratch, NULL }, "/dev/null");
	cleanup_forget(scratch);
	free(scratch);
	free(mirror_top);
	free(plain_top);
	return ret;
}

/* Where struct iommu_ops' body starts and ends in @text, or false. */
static bool ops_struct_body(const char *text, const char **open,
			    const char **close)
{
	const char *p = strstr(text, "\nstruct iommu_ops {");

	if (!p)
		return false;
	*open = strchr(p, '{') + 1;
	*close = strstr(*open, "\n};");
	return *close != NULL;
}

void module_overlay_free(void *overlay)
{
	struct source_overlay *o = overlay;

	free(o->path);
	free(o->text);
	free(o);
}

void module_member_overlay(const char *ktree, struct vec *overlays)
{
	char *path = path_join(ktree, "include/linux/iommu.h");
	const char *open, *close;
	struct source_overlay *o;
	struct strbuf sb = { 0 };
	size_t size;
	char *text = read_file(path, &size);

	if (!text || !ops_struct_body(text, &open, &close) ||
	    memmem(open, close - open, "pgsize_bitmap;", 14)) {
		free(text);
		free(path);
		return;
	}
	/* On the brace's line: every later line keeps its number. */
	strbuf_add(&sb, text, open - text);
	strbuf_addstr(&sb, " unsigned long pgsize_bitmap __attribute__((annotate(\""
		      ABSENT_FIELD_ANNOTATION "\")));");
	strbuf_addstr(&sb, open);
	o = xcalloc(1, sizeof(*o));
	o->path = path;
	o->len = sb.len;
	o->text = strbuf_detach(&sb);
	vec_push(overlays, o);
	free(text);
}
