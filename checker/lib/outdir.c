// SPDX-License-Identifier: GPL-2.0
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lib/cleanup.h"
#include "lib/fileio.h"
#include "lib/outdir.h"
#include "lib/spawn.h"
#include "lib/util.h"

/* @path resolved: its deepest existing parent by realpath(), the rest as is. */
static char *resolve(const char *path)
{
	char real[PATH_MAX], *parent, *slash, *ret;

	if (realpath(path, real))
		return xstrdup(real);
	parent = xstrdup(path);
	slash = strrchr(parent, '/');
	if (!slash) {
		free(parent);
		if (!getcwd(real, sizeof(real)))
			return NULL;
		return path_join(real, path);
	}
	if (slash == parent)
		slash[1] = '\0';
	else
		*slash = '\0';
	ret = resolve(parent);
	if (ret) {
		char *joined = path_join(ret, strrchr(path, '/') + 1);

		free(ret);
		ret = joined;
	}
	free(parent);
	return ret;
}

/* @dir is @top or below it. */
static bool below(const char *dir, const char *top)
{
	size_t len = strlen(top);

	while (len > 1 && top[len - 1] == '/')
		len--;
	return !strncmp(dir, top, len) && (dir[len] == '/' || !dir[len]);
}

/* 1 when empty, 0 when ours (stamped), -1 when neither. */
static int emptiness(const char *out)
{
	DIR *dh = opendir(out);
	struct dirent *de;
	bool empty = true, stamped = false;

	if (!dh)
		return -1;
	while ((de = readdir(dh))) {
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		empty = false;
		stamped |= !strcmp(de->d_name, OUTPUT_STAMP);
	}
	closedir(dh);
	return empty ? 1 : stamped ? 0 : -1;
}

int output_dir_check(const char *out, const char *const *reads, size_t n)
{
	char *dir = resolve(out), *read;
	struct stat st;
	int ret = 0;
	size_t i;

	if (!dir) {
		error("cannot resolve %s", out);
		return -1;
	}
	for (i = 0; i < n && !ret; i++) {
		if (!reads[i])
			continue;
		read = resolve(reads[i]);
		if (read && below(dir, read)) {
			error("%s is inside %s, which this run reads; choose another output directory",
			      out, reads[i]);
			ret = -1;
		} else if (read && below(read, dir)) {
			error("%s holds %s, which this run reads; choose another output directory",
			      out, reads[i]);
			ret = -1;
		}
		free(read);
	}
	if (!ret && !lstat(dir, &st)) {
		if (!S_ISDIR(st.st_mode)) {
			error("%s exists and is not a directory", out);
			ret = -1;
		} else if (emptiness(dir) < 0) {
			error("%s is not empty and not an earlier output of iommu-pgsize (no %s); choose another output directory",
			      out, OUTPUT_STAMP);
			ret = -1;
		}
	}
	free(dir);
	return ret;
}

int output_dir_prepare(const char *out)
{
	static const char stamp[] =
		"iommu-pgsize wrote this directory; its next run replaces it whole.\n";
	char *path, real[PATH_MAX];
	sigset_t old;
	int ret, saved;

	if (!emptiness(out) &&
	    run_program((char *const[]){ "rm", "-rf", "--", (char *)out,
					 NULL }, NULL)) {
		error("cannot remove the earlier output %s", out);
		return -1;
	}
	/* Until output_dir_done(), a signal removes it: no half output. */
	cleanup_hold(&old);
	ret = mkdir_p(out) || !realpath(out, real) ? -1 : 0;
	saved = errno;
	if (!ret)
		cleanup_add(real);
	cleanup_release(&old);
	if (ret) {
		error("cannot create %s: %s", out, strerror(saved));
		return -1;
	}
	path = path_join(out, OUTPUT_STAMP);
	ret = write_file(path, stamp, sizeof(stamp) - 1);
	if (ret)
		error("cannot write %s: %s", path, strerror(errno));
	free(path);
	return ret;
}

void output_dir_done(const char *out)
{
	char real[PATH_MAX];

	if (realpath(out, real))
		cleanup_forget(real);
}
