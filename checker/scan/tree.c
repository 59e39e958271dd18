// SPDX-License-Identifier: GPL-2.0
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ast/relevance.h"
#include "scan/module.h"
#include "scan/tree.h"
#include "lib/git.h"
#include "lib/fileio.h"

static char *makefile_var(const char *text, const char *name)
{
	size_t len = strlen(name);
	const char *p = text;

	while ((p = strstr(p, name))) {
		if ((p == text || p[-1] == '\n') && p[len] == ' ') {
			const char *v = p + len;

			while (*v == ' ' || *v == '=')
				v++;
			return xstrndup(v, strcspn(v, "\n #"));
		}
		p += len;
	}
	return NULL;
}

static char *kernel_version(const char *root)
{
	char *path = path_join(root, "Makefile");
	char *ver = NULL, *v, *p, *s;
	size_t size;
	char *text = read_file(path, &size);

	free(path);
	if (!text)
		return NULL;
	v = makefile_var(text, "VERSION");
	p = makefile_var(text, "PATCHLEVEL");
	s = makefile_var(text, "SUBLEVEL");
	if (v && p && *v && *p)
		ver = xasprintf("%s.%s.%s", v, p, s && *s ? s : "0");
	free(v);
	free(p);
	free(s);
	free(text);
	return ver;
}

static bool exists_below(const char *root, const char *rel, mode_t type)
{
	char *path = path_join(root, rel);
	struct stat st;
	bool ok = !stat(path, &st) && (st.st_mode & S_IFMT) == type;

	free(path);
	return ok;
}

int tree_open(const char *path, struct tree *tree)
{
	char real[PATH_MAX];
	struct stat st;

	memset(tree, 0, sizeof(*tree));
	if (stat(path, &st)) {
		error("cannot use '%s': %s", path, strerror(errno));
		return -1;
	}
	if (!S_ISDIR(st.st_mode)) {
		error("'%s' is not a directory", path);
		return -1;
	}
	if (!realpath(path, real)) {
		error("cannot resolve '%s': %s", path, strerror(errno));
		return -1;
	}
	if (!exists_below(real, "include/linux/iommu.h", S_IFREG) &&
	    module_dir_detect(real)) {
		error("'%s' is an external module directory; give the kernel it builds against with --kernel KTREE",
		      path);
		return -1;
	}
	if (!exists_below(real, "include/linux/iommu.h", S_IFREG)) {
		error("'%s' does not look like a kernel tree: it has no include/linux/iommu.h",
		      path);
		return -1;
	}
	tree->root = path_join(real, "");
	tree->kbuild = exists_below(real, "Makefile", S_IFREG) &&
		       exists_below(real, "scripts/Kbuild.include", S_IFREG);
	if (tree->kbuild)
		tree->version = kernel_version(real);
	return 0;
}

void tree_release(struct tree *tree)
{
	free(tree->root);
	free(tree->version);
	if (tree->kernel) {
		tree_release(tree->kernel);
		free(tree->kernel);
	}
}

static int module_open(const char *path, const char *kernel,
		       struct tree *tree)
{
	struct tree *k = xcalloc(1, sizeof(*k));
	char real[PATH_MAX];

	memset(tree, 0, sizeof(*tree));
	if (tree_open(kernel, k)) {
		free(k);
		return -1;
	}
	if (!k->kbuild) {
		error("--kernel %s: not a kbuild tree (no Makefile and scripts/Kbuild.include)",
		      kernel);
		goto fail;
	}
	if (!realpath(path, real)) {
		error("cannot resolve '%s': %s", path, strerror(errno));
		goto fail;
	}
	if (exists_below(real, "include/linux/iommu.h", S_IFREG) &&
	    exists_below(real, "scripts/Kbuild.include", S_IFREG)) {
		error("'%s' is a kernel tree, not an external module; --kernel is for modules",
		      path);
		goto fail;
	}
	if (!module_dir_detect(real)) {
		error("'%s' is not an external module directory: no Kbuild, or Makefile with obj-m, in it or below",
		      path);
		goto fail;
	}
	tree->root = path_join(real, "");
	tree->kbuild = true;
	tree->version = k->version ? xstrdup(k->version) : NULL;
	tree->kernel = k;
	return 0;
fail:
	tree_release(k);
	free(k);
	return -1;
}

int tree_open_with(const char *path, const char *kernel, struct tree *tree)
{
	return kernel ? module_open(path, kernel, tree) :
			tree_open(path, tree);
}

struct source_file {
	char *rel;
	bool relevant;
	bool is_header;
	struct vec includes;	/* quoted includes, resolved beside the file */
};

struct walk_state {
	const struct tree *tree;
	struct vec sources;	/* struct source_file */
	struct tree_stats *stats;
};

static bool looks_binary(const char *buf, size_t size)
{
	return memchr(buf, '\0', size < 8192 ? size : 8192) != NULL;
}

/*
 * @dir (ending in '/' or empty) joined with @name, "x/../" and "./"
 * folded; NULL when it leaves the tree.
 */
static char *beside(const char *dir, size_t dir_len, const char *name,
		    size_t name_len)
{
	char *path = xasprintf("%.*s%.*s", (int)dir_len, dir, (int)name_len,
			       name);
	char *out = xcalloc(1, strlen(path) + 1);
	char *part, *save = NULL;
	size_t len = 0;

	for (part = strtok_r(path, "/", &save); part;
	     part = strtok_r(NULL, "/", &save)) {
		if (!strcmp(part, "."))
			continue;
		if (!strcmp(part, "..")) {
			char *slash;

			if (!len) {
				free(path);
				free(out);
				return NULL;
			}
			out[len] = '\0';
			slash = strrchr(out, '/');
			len = slash ? (size_t)(slash - out) : 0;
			out[len] = '\0';
			continue;
		}
		len += sprintf(out + len, "%s%s", len ? "/" : "", part);
	}
	free(path);
	return out;
}

/* Headers a file includes with quotes, as paths beside it. */
static void note_quoted_includes(struct source_file *sf, const char *text,
				 size_t size)
{
	const char *dir_end = strrchr(sf->rel, '/');
	size_t dir_len = dir_end ? (size_t)(dir_end - sf->rel) + 1 : 0;
	const char *p = text, *end = text + size;

	while ((p = memmem(p, end - p, "#include \"", 10))) {
		const char *name = p + 10;
		const char *q = memchr(name, '"', end - name);
		char *path;

		if (!q)
			break;
		path = beside(sf->rel, dir_len, name, q - name);
		if (path)
			vec_push(&sf->includes, path);
		p = q;
	}
}

static void consider_file(struct walk_state *ws, const char *rel,
			  bool is_header)
{
	char *path = path_join(ws->tree->root, rel);
	struct source_file *sf;
	size_t size;
	char *text = read_file(path, &size);

	ws->stats->files_seen++;
	if (!text) {
		warn("skipping unreadable file %s: %s", rel, strerror(errno));
		ws->stats->unreadable++;
		free(path);
		return;
	}
	free(path);
	if (looks_binary(text, size)) {
		warn("skipping %s: binary content in a source file", rel);
		ws->stats->binary++;
		free(text);
		return;
	}
	sf = xcalloc(1, sizeof(*sf));
	sf->rel = xstrdup(rel);
	sf->is_header = is_header;
	sf->relevant = mentions_relevant_token(text, size);
	if (!sf->relevant)
		note_quoted_includes(sf, text, size);
	free(text);
	vec_push(&ws->sources, sf);
}

static void walk_dir(struct walk_state *ws, const char *rel)
{
	char *path = rel[0] ? path_join(ws->tree->root, rel)
			    : xstrdup(ws->tree->root);
	DIR *dir = opendir(path);
	struct dirent *de;

	if (!dir) {
		warn("skipping unreadable directory %s: %s",
		     rel[0] ? rel : ".", strerror(errno));
		ws->stats->unreadable++;
		free(path);
		return;
	}
	while ((de = readdir(dir))) {
		const char *name = de->d_name;
		char *child;
		bool is_c = ends_with(name, ".c"), is_h = ends_with(name, ".h");
		unsigned char type = de->d_type;
		struct stat st;

		if (name[0] == '.' && (!name[1] || !strcmp(name, "..") ||
				       !strcmp(name, ".git")))
			continue;
		child = rel[0] ? xasprintf("%s/%s", rel, name) : xstrdup(name);
		if (type == DT_UNKNOWN || type == DT_LNK) {
			char *full = path_join(ws->tree->root, child);

			/* Links to directories are not followed: no loops. */
			if (type == DT_UNKNOWN && !lstat(full, &st))
				type = S_ISDIR(st.st_mode) ? DT_DIR :
				       S_ISLNK(st.st_mode) ? DT_LNK : DT_REG;
			if (type == DT_LNK && (is_c || is_h)) {
				if (stat(full, &st) || !S_ISREG(st.st_mode)) {
					warn("skipping %s: broken or looping symbolic link",
					     child);
					ws->stats->bad_links++;
					type = DT_UNKNOWN;
				} else {
					type = DT_REG;
				}
			}
			free(full);
		}
		if (type == DT_DIR)
			walk_dir(ws, child);
		else if (type == DT_REG && (is_c || is_h))
			consider_file(ws, child, is_h);
		free(child);
	}
	closedir(dir);
	free(path);
}

static int cmp_source(const void *a, const void *b)
{
	const struct source_file *sa = *(const struct source_file *const *)a;
	const struct source_file *sb = *(const struct source_file *const *)b;

	return strcmp(sa->rel, sb->rel);
}

static struct source_file *find_source(struct vec *sources, const char *rel)
{
	struct source_file key = { .rel = (char *)rel }, *kp = &key;
	struct source_file **found;

	found = bsearch(&kp, sources->items, sources->nr,
			sizeof(*sources->items), cmp_source);
	return found ? *found : NULL;
}

/* Quoted includes are followed this deep: a template including a header. */
#define INCLUDE_DEPTH 3

static bool includes_relevant_header(struct vec *sources,
				     struct source_file *sf, int depth)
{
	size_t i;

	for (i = 0; i < sf->includes.nr && depth < INCLUDE_DEPTH; i++) {
		struct source_file *hdr = find_source(sources,
						      sf->includes.items[i]);

		if (hdr && hdr->is_header &&
		    (hdr->relevant ||
		     includes_relevant_header(sources, hdr, depth + 1)))
			return true;
	}
	return false;
}

void tree_find_candidates(const struct tree *tree, struct vec *files,
			  struct tree_stats *stats)
{
	struct walk_state ws = { .tree = tree, .stats = stats };
	size_t i;

	memset(stats, 0, sizeof(*stats));
	walk_dir(&ws, "");
	vec_sort(&ws.sources, cmp_source);
	for (i = 0; i < ws.sources.nr; i++) {
		struct source_file *sf = ws.sources.items[i];

		if (!sf->is_header &&
		    (sf->relevant ||
		     includes_relevant_header(&ws.sources, sf, 0)))
			vec_push(files, xstrdup(sf->rel));
	}
	for (i = 0; i < ws.sources.nr; i++) {
		struct source_file *sf = ws.sources.items[i];

		free(sf->rel);
		vec_free(&sf->includes, free);
		free(sf);
	}
	vec_free(&ws.sources, NULL);
}

static bool text_is_relevant(const struct tree *tree, const char *rel,
			      const char *text, size_t size, int depth)
{
	struct source_file sf = { .rel = (char *)rel };
	bool found = mentions_relevant_token(text, size);
	size_t i;

	if (found || depth >= INCLUDE_DEPTH)
		return found;
	note_quoted_includes(&sf, text, size);
	for (i = 0; i < sf.includes.nr && !found; i++) {
		char *path = path_join(tree->root, sf.includes.items[i]);
		size_t hsize;
		char *htext = read_file(path, &hsize);

		found = htext && text_is_relevant(tree, sf.includes.items[i],
						  htext, hsize, depth + 1);
		free(htext);
		free(path);
	}
	vec_free(&sf.includes, free);
	return found;
}

bool tree_file_is_candidate(const struct tree *tree, const char *rel,
			    const char *text, size_t size)
{
	return text_is_relevant(tree, rel, text, size, 0);
}

/* git @args in @tree's root, stderr with stdout; its trimmed output. */
static char *git_answer(const struct tree *tree, const char *const *args)
{
	struct strbuf out = { 0 };
	char *root = xstrndup(tree->root, strlen(tree->root) - 1);
	int ret = git_with_stderr(root, &out, args);

	free(root);
	if (ret) {
		strbuf_release(&out);
		return NULL;
	}
	return strbuf_detach_trimmed(&out);
}

char *git_place(const struct tree *tree)
{
	char *prefix, *tracked = NULL;

	/* Outside a repository git complains: no answer then. */
	prefix = git_answer(tree, (const char *[]){ "rev-parse",
			    "--show-prefix", NULL });
	if (!prefix || !*prefix)
		return prefix;
	/* The copy is cloned from the top: @tree's root less the prefix. */
	if (!ends_with(tree->root, prefix) ||
	    tree->root[strlen(tree->root) - strlen(prefix) - 1] != '/') {
		free(prefix);
		return NULL;
	}
	/* A kernel tree is the top of its own; a module's files in HEAD. */
	if (tree->kernel)
		tracked = git_answer(tree, (const char *[]){ "ls-tree", "-r",
				     "--name-only", "HEAD", "--", ".", NULL });
	if (!tracked || !*tracked) {
		free(prefix);
		prefix = NULL;
	}
	free(tracked);
	return prefix;
}
