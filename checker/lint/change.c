// SPDX-License-Identifier: GPL-2.0
/*
 * What a change touches: the files changed since a revision, or by a
 * patch applied in a scratch directory (the user's tree is only read),
 * and the translation units worth parsing to judge them.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lint/lint.h"
#include "scan/parse.h"
#include "scan/tree.h"
#include "lib/cleanup.h"
#include "lib/diffpath.h"
#include "lib/fileio.h"
#include "lib/git.h"
#include "lib/spawn.h"

static char *trim(struct strbuf *sb)
{
	while (sb->len && (sb->buf[sb->len - 1] == '\n' ||
			   sb->buf[sb->len - 1] == '\r'))
		sb->buf[--sb->len] = '\0';
	return strbuf_detach(sb);
}

static void add_unique(struct vec *v, const char *s)
{
	if (!vec_contains_str(v, s))
		vec_push(v, xstrdup(s));
}

static bool is_source(const char *rel)
{
	return ends_with(rel, ".c") || ends_with(rel, ".h");
}

static void add_overlay(struct vec *v, const struct tree *tree,
			const char *rel, char *text, size_t len)
{
	struct source_overlay *o = xcalloc(1, sizeof(*o));

	o->path = path_join(tree->root, rel);
	o->text = text;
	o->len = len;
	vec_push(v, o);
}

static void overlay_free(void *p)
{
	struct source_overlay *o = p;

	free(o->path);
	free(o->text);
	free(o);
}

int changes_since(const struct tree *tree, const char *rev,
		  struct change_set *cs)
{
	struct strbuf out = { 0 };
	char *spec = xasprintf("%s^{commit}", rev), *base, *line, *save;
	int ret = -1;

	memset(cs, 0, sizeof(*cs));
	if (git(tree->root, &out, (const char *[]){ "rev-parse",
			"--is-inside-work-tree", NULL }) ||
	    strncmp(out.buf ? out.buf : "", "true", 4)) {
		error("--since needs a git work tree, and %s is not one",
		      tree->root);
		goto out;
	}
	strbuf_release(&out);
	if (git(tree->root, &out, (const char *[]){ "rev-parse", "--verify",
			"--quiet", spec, NULL })) {
		error("--since: unknown revision '%s' in %s", rev, tree->root);
		goto out;
	}
	strbuf_release(&out);
	/* A branch's own changes: from where it left REV, not REV's later ones. */
	if (git(tree->root, &out, (const char *[]){ "merge-base", spec,
			"HEAD", NULL })) {
		error("--since: %s and HEAD have no common ancestor", rev);
		goto out;
	}
	base = trim(&out);
	if (git(tree->root, &out, (const char *[]){ "diff", "--name-only",
			"--no-renames", "--relative", base, "--", NULL })) {
		error("--since: git diff %s failed in %s", base, tree->root);
		free(base);
		goto out;
	}
	for (line = strtok_r(out.buf ? out.buf : "", "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		struct strbuf old = { 0 };
		char *obj;

		if (!is_source(line))
			continue;
		add_unique(&cs->files, line);
		obj = xasprintf("%s:./%s", base, line);
		if (git(tree->root, &old, (const char *[]){ "cat-file",
				"blob", obj, NULL })) {
			vec_push(&cs->gone_before, xstrdup(line));
			strbuf_release(&old);
		} else {
			size_t len = old.len;

			add_overlay(&cs->before, tree, line,
				    strbuf_detach(&old), len);
		}
		free(obj);
		obj = path_join(tree->root, line);
		if (access(obj, F_OK))
			vec_push(&cs->gone_after, xstrdup(line));
		free(obj);
	}
	cs->how = xasprintf("changes since %s", rev);
	free(base);
	ret = 0;
out:
	strbuf_release(&out);
	free(spec);
	return ret;
}

/* The patch's files; -1 when one would lead out of the tree. */
int patch_files(const char *text, struct vec *old, struct vec *new)
{
	const char *p = text;
	char *path, *inside;

	for (; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL) {
		if (strncmp(p, "--- ", 4) && strncmp(p, "+++ ", 4))
			continue;
		if (diff_file_path(p + 4, &path) || !path)
			continue;
		inside = confined_path(path);
		if (!inside) {
			error("the patch names %s, outside the tree; refused",
			      path);
			free(path);
			return -1;
		}
		if (is_source(inside))
			add_unique(p[0] == '-' ? old : new, inside);
		free(inside);
		free(path);
	}
	return 0;
}

/* A symlink in the tree may lead out of it: copy only what is inside. */
static bool inside_tree(const struct tree *tree, const char *path)
{
	char *real = realpath(path, NULL), *root = realpath(tree->root, NULL);
	size_t len = root ? strlen(root) : 0;
	bool ok = real && root && !strncmp(real, root, len) &&
		  real[len] == '/';

	free(real);
	free(root);
	return ok;
}

static int copy_into(const struct tree *tree, const char *rel,
		     const char *scratch)
{
	char *from = path_join(tree->root, rel), *to = path_join(scratch, rel);
	char *dir = xstrdup(to), *slash = strrchr(dir, '/');
	int ret = 0;
	size_t len;
	char *text = read_file(from, &len);

	if (slash)
		*slash = '\0';
	if (text && !inside_tree(tree, from)) {
		error("%s leads out of %s; refused", rel, tree->root);
		ret = -1;
	} else if (text) {
		ret = mkdir_p(dir) || write_file(to, text, len);
		if (ret)
			error("cannot copy %s into %s", rel, scratch);
	}
	free(text);
	free(dir);
	free(from);
	free(to);
	return ret ? -1 : 0;
}

static char *read_patch(const char *patch, size_t *len)
{
	struct strbuf sb = { 0 };
	char buf[65536];
	size_t n;

	if (strcmp(patch, "-"))
		return read_file(patch, len);
	while ((n = fread(buf, 1, sizeof(buf), stdin)) > 0)
		strbuf_add(&sb, buf, n);
	if (ferror(stdin)) {
		strbuf_release(&sb);
		return NULL;
	}
	*len = sb.len;
	return sb.buf ? strbuf_detach(&sb) : xstrdup("");
}

/*
 * A module below the top of its repository gets patches naming files
 * from the top (series writes them so, for git am): make @files
 * relative to the module's directory @place; -1 for one outside it.
 */
static int strip_place(const char *place, struct vec *files)
{
	size_t i;

	for (i = 0; i < files->nr; i++) {
		char *f = files->items[i];

		if (!starts_with(f, place)) {
			error("the patch changes %s, outside the module (%s in its repository); refused",
			      f, place);
			return -1;
		}
		files->items[i] = xstrdup(f + strlen(place));
		free(f);
	}
	return 0;
}

/* git apply's -pN: a/ and each directory of @place stripped. */
static char *strip_option(const char *place)
{
	int n = 1;
	const char *p;

	for (p = place; p && *p; p++)
		n += *p == '/';
	return xasprintf("-p%d", n);
}

int changes_from_patch(const struct tree *tree, const char *patch,
		       struct change_set *cs)
{
	struct vec old = { 0 }, new = { 0 };
	struct strbuf out = { 0 };
	char *text, *patch_copy = NULL, *strip = NULL;
	char *place = tree->kernel ? git_place(tree) : NULL;
	size_t len, i;
	int ret = -1;

	memset(cs, 0, sizeof(*cs));
	text = read_patch(patch, &len);
	if (!text) {
		error("cannot read the patch %s: %s", patch, strerror(errno));
		return -1;
	}
	if (patch_files(text, &old, &new))
		goto out;
	if (place && *place &&
	    (strip_place(place, &old) || strip_place(place, &new)))
		goto out;
	strip = strip_option(place);
	if (!old.nr && !new.nr) {
		error("%s: no change to a .c or .h file: not a patch?",
		      strcmp(patch, "-") ? patch : "standard input");
		goto out;
	}
	cs->scratch = make_temp_dir("lint");
	if (!cs->scratch) {
		error("cannot create a scratch directory: %s", strerror(errno));
		goto out;
	}
	patch_copy = path_join(cs->scratch, "change.patch");
	if (write_file(patch_copy, text, len)) {
		error("cannot write %s", patch_copy);
		goto out;
	}
	/* Only the touched files are copied; the patch applies to them. */
	for (i = 0; i < old.nr; i++)
		if (copy_into(tree, old.items[i], cs->scratch))
			goto out;
	/* Outside any repository, git apply patches plain files. */
	setenv("GIT_CEILING_DIRECTORIES", "/tmp", 1);
	if (git(cs->scratch, &out, (const char *[]){ "apply", "--check",
			strip, "change.patch", NULL }) ||
	    git(cs->scratch, &out, (const char *[]){ "apply", strip,
			"change.patch", NULL })) {
		error("the patch %s does not apply to %s (see git apply's message above)",
		      strcmp(patch, "-") ? patch : "on standard input",
		      tree->root);
		goto out;
	}
	for (i = 0; i < old.nr; i++)
		add_unique(&cs->files, old.items[i]);
	for (i = 0; i < new.nr; i++)
		add_unique(&cs->files, new.items[i]);
	for (i = 0; i < cs->files.nr; i++) {
		const char *rel = cs->files.items[i];
		char *path = path_join(cs->scratch, rel);
		char *applied = read_file(path, &len);

		if (applied)
			add_overlay(&cs->after, tree, rel, applied, len);
		else
			vec_push(&cs->gone_after, xstrdup(rel));
		free(path);
		path = path_join(tree->root, rel);
		if (access(path, F_OK))
			vec_push(&cs->gone_before, xstrdup(rel));
		free(path);
	}
	cs->how = xasprintf("patch %s", strcmp(patch, "-") ? patch : "-");
	ret = 0;
out:
	strbuf_release(&out);
	vec_free(&old, free);
	vec_free(&new, free);
	free(patch_copy);
	free(text);
	free(strip);
	free(place);
	return ret;
}

bool change_touches_header(const struct change_set *cs)
{
	size_t i;

	for (i = 0; i < cs->files.nr; i++)
		if (ends_with(cs->files.items[i], ".h"))
			return true;
	return false;
}

static const struct source_overlay *find_overlay(const struct vec *v,
						 const char *path)
{
	size_t i;

	for (i = 0; i < v->nr; i++) {
		const struct source_overlay *o = v->items[i];

		if (!strcmp(o->path, path))
			return o;
	}
	return NULL;
}

/* Does @text #include a header called @base (quoted or angled)? */
static bool includes_name(const char *text, const char *base)
{
	const char *p = text;
	size_t len = strlen(base);

	while ((p = strstr(p, base))) {
		char before = p == text ? ' ' : p[-1], after = p[len];

		if ((before == '"' || before == '/' || before == '<') &&
		    (after == '"' || after == '>')) {
			const char *line = p;

			while (line > text && line[-1] != '\n')
				line--;
			if (strstr(line, "include") &&
			    strstr(line, "include") < p)
				return true;
		}
		p += len;
	}
	return false;
}

/* The text of @rel in one state; NULL when it does not exist there. */
static char *state_text(const struct tree *tree, const struct change_set *cs,
			const char *rel, bool after, size_t *len)
{
	const struct vec *gone = after ? &cs->gone_after : &cs->gone_before;
	const struct source_overlay *o;
	char *path;
	char *text;

	if (vec_contains_str(gone, rel))
		return NULL;
	path = path_join(tree->root, rel);
	o = find_overlay(after ? &cs->after : &cs->before, path);
	if (o) {
		free(path);
		*len = o->len;
		return xstrndup(o->text, o->len);
	}
	text = read_file(path, len);
	free(path);
	return text;
}

/* Is @rel a candidate in either state? */
static bool unit_candidate(const struct tree *tree,
			   const struct change_set *cs, const char *rel)
{
	bool found = false;
	int state;

	for (state = 0; state < 2 && !found; state++) {
		size_t len;
		char *text = state_text(tree, cs, rel, state, &len);

		found = text && tree_file_is_candidate(tree, rel, text, len);
		free(text);
	}
	return found;
}

/* Does a candidate include one of the changed headers, in either state? */
static bool includes_changed_header(const struct tree *tree,
				    const struct change_set *cs,
				    const char *rel)
{
	bool found = false;
	int state;
	size_t i;

	for (state = 0; state < 2 && !found; state++) {
		size_t len;
		char *text = state_text(tree, cs, rel, state, &len);

		for (i = 0; text && i < cs->files.nr && !found; i++) {
			const char *h = cs->files.items[i];
			const char *base = strrchr(h, '/');

			found = ends_with(h, ".h") &&
				includes_name(text, base ? base + 1 : h);
		}
		free(text);
	}
	return found;
}

void changed_units(const struct tree *tree, const struct change_set *cs,
		   struct vec *units)
{
	struct tree_stats stats;
	struct vec all = { 0 };
	size_t i;

	for (i = 0; i < cs->files.nr; i++) {
		const char *rel = cs->files.items[i];

		if (ends_with(rel, ".c") && unit_candidate(tree, cs, rel))
			add_unique(units, rel);
	}
	if (change_touches_header(cs)) {
		/* The candidates that include a changed header, by name. */
		tree_find_candidates(tree, &all, &stats);
		for (i = 0; i < all.nr; i++)
			if (includes_changed_header(tree, cs, all.items[i]))
				add_unique(units, all.items[i]);
	}
	vec_free(&all, free);
}

void units_in_state(const struct change_set *cs, const struct vec *units,
		    bool after, struct vec *out)
{
	const struct vec *gone = after ? &cs->gone_after : &cs->gone_before;
	size_t i;

	for (i = 0; i < units->nr; i++)
		if (!vec_contains_str(gone, units->items[i]))
			vec_push(out, xstrdup(units->items[i]));
}

void change_set_release(struct change_set *cs)
{
	if (cs->scratch) {
		run_program((char *const[]){ "rm", "-rf", cs->scratch, NULL },
			    NULL);
		cleanup_forget(cs->scratch);
	}
	free(cs->scratch);
	free((char *)cs->how);
	vec_free(&cs->files, free);
	vec_free(&cs->before, overlay_free);
	vec_free(&cs->after, overlay_free);
	vec_free(&cs->gone_before, free);
	vec_free(&cs->gone_after, free);
}
