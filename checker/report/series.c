// SPDX-License-Identifier: GPL-2.0
/*
 * The series directory `series -o DIR` wrote: which patch belongs to which
 * driver (the one whose file it touches, from its `diff --git` lines) and
 * what the cover letter says about each ops object.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "report/report.h"
#include "lib/diffpath.h"
#include "lib/fileio.h"

#define COVER_LETTER "0000-cover-letter.patch"

static struct report_driver *driver_of(struct report *r, const char *file)
{
	size_t i;

	for (i = 0; i < r->drivers.nr; i++) {
		struct report_driver *d = r->drivers.items[i];

		if (!strcmp(d->file, file))
			return d;
	}
	return NULL;
}

int report_patch_drivers(struct report *r, const char *name, char *text)
{
	char *line, *save = NULL;
	int matched = 0;

	for (line = strtok_r(text, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		char *file = diff_git_path(line);
		struct report_driver *d = file ? driver_of(r, file) : NULL;

		if (d && !d->patch) {
			d->patch = xstrdup(name);
			matched++;
		}
		free(file);
	}
	return matched;
}

/* Give every driver the patch file touches its file; how many did. */
static int map_patch(struct report *r, const char *dir, const char *name)
{
	char *path = path_join(dir, name);
	size_t size;
	char *text = read_regular_file(path, &size);
	int matched;

	if (!text) {
		error("cannot read %s: %s", path, read_regular_error(errno));
		free(path);
		return -1;
	}
	matched = report_patch_drivers(r, name, text);
	if (!matched)
		warn("%s touches no driver file of the scan", path);
	free(text);
	free(path);
	return matched;
}

/* The rest of the line at @at, trimmed. */
static char *line_at(const char *at)
{
	return xstrndup(at, strcspn(at, "\n"));
}

/*
 * The cover letter lists "  FILE NAME: EXPR (VALUE), how" for migrated
 * objects and "  FILE NAME:\n    reason" for the others (series.c).
 */
static void read_cover_note(const char *cover, struct report_ops *o)
{
	char *key;
	const char *at;
	char *how, *next;

	if (!o->name || !o->file)
		return;
	key = xasprintf("\n  %s %s:", o->file, o->name);
	at = strstr(cover, key);
	if (at) {
		at += strlen(key);
		if (starts_with(at, "\n    ")) {
			o->series_note = line_at(at + 5);
		} else if (*at == ' ') {
			o->series_note = line_at(at + 1);
			o->note_migrated = true;
			/* The expression may hold "), " too: the last one. */
			how = NULL;
			for (next = o->series_note;
			     (next = strstr(next, "), ")); next++)
				how = next;
			if (how)
				memmove(o->series_note, how + 3,
					strlen(how + 3) + 1);
		}
	}
	free(key);
}

void report_cover_notes(struct report *r, const char *text)
{
	size_t i, k;

	for (i = 0; i < r->drivers.nr; i++) {
		struct report_driver *d = r->drivers.items[i];

		for (k = 0; k < d->ops.nr; k++)
			read_cover_note(text, d->ops.items[k]);
	}
}

static void read_cover(struct report *r, const char *dir)
{
	char *path = path_join(dir, r->cover);
	size_t size;
	char *text = read_regular_file(path, &size);

	if (!text) {
		warn("cannot read %s: %s", path, read_regular_error(errno));
		free(path);
		return;
	}
	report_cover_notes(r, text);
	free(text);
	free(path);
}

int report_add_series(struct report *r, const char *dir)
{
	DIR *dh = opendir(dir);
	struct dirent *de;
	struct stat st;
	int patches = 0, matched = 0, n, err;
	size_t i;

	if (!dh) {
		error("cannot open series directory %s: %s", dir,
		      strerror(errno));
		return -1;
	}
	while ((de = readdir(dh))) {
		if (!ends_with(de->d_name, ".patch"))
			continue;
		/* A link could name any file of the user's: we copy them. */
		err = fstatat(dirfd(dh), de->d_name, &st, AT_SYMLINK_NOFOLLOW) ?
		      errno : S_ISLNK(st.st_mode) ? ELOOP :
		      S_ISREG(st.st_mode) ? 0 : EINVAL;
		if (err) {
			error("%s/%s: %s; a series directory holds the files 'iommu-pgsize series -o' wrote",
			      dir, de->d_name, read_regular_error(err));
			closedir(dh);
			return -1;
		}
		vec_push(&r->patches, xstrdup(de->d_name));
	}
	closedir(dh);
	vec_sort(&r->patches, vec_cmp_str);
	if (!r->patches.nr) {
		error("%s has no *.patch files: not a directory 'iommu-pgsize series -o' wrote",
		      dir);
		return -1;
	}
	for (i = 0; i < r->patches.nr; i++) {
		const char *name = r->patches.items[i];

		if (!strcmp(name, COVER_LETTER)) {
			r->cover = name;
			continue;
		}
		patches++;
		n = map_patch(r, dir, name);
		if (n < 0)
			return -1;
		matched += n;
	}
	if (patches && !matched) {
		error("no patch in %s touches a driver of the scan: a series of another tree?",
		      dir);
		return -1;
	}
	if (r->cover)
		read_cover(r, dir);
	r->have_series = true;
	memset(r->count, 0, sizeof(r->count));
	for (i = 0; i < r->drivers.nr; i++) {
		struct report_driver *d = r->drivers.items[i];

		if (d->patch)
			d->status = RS_MIGRATED;
		r->count[d->status]++;
	}
	return 0;
}
