/* SPDX-License-Identifier: GPL-2.0 */
/* Temporary trees for unit tests. */
#ifndef IOMMU_PGSIZE_TEST_FIXTURE_H
#define IOMMU_PGSIZE_TEST_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <ftw.h>
#include <unistd.h>

#include "lib/util.h"

static inline char *fixture_tree(void)
{
	char tmpl[] = "/tmp/iommu-pgsize-test-XXXXXX";
	char *dir = mkdtemp(tmpl);

	return dir ? xstrdup(dir) : NULL;
}

/* Write @text to @rel below @root, creating directories. */
static inline void fixture_write(const char *root, const char *rel,
				 const char *text, size_t len)
{
	char *path = path_join(root, rel);
	char *p;
	FILE *fp;

	for (p = path + strlen(root) + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		mkdir(path, 0755);
		*p = '/';
	}
	fp = fopen(path, "w");
	if (fp) {
		fwrite(text, 1, len, fp);
		fclose(fp);
	}
	free(path);
}

static inline void fixture_put(const char *root, const char *rel,
			       const char *text)
{
	fixture_write(root, rel, text, strlen(text));
}

static inline int fixture_unlink(const char *path, const struct stat *st,
				 int type, struct FTW *ftw)
{
	return remove(path);
}

static inline void fixture_remove(char *root)
{
	nftw(root, fixture_unlink, 16, FTW_DEPTH | FTW_PHYS);
	free(root);
}

#endif
