// SPDX-License-Identifier: GPL-2.0
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/datadir.h"
#include "lib/util.h"

/* @dir (resolved) when it holds the semantic patches, else NULL. */
static char *holds_data(const char *dir)
{
	char real[PATH_MAX];
	char *cocci;
	bool ok;

	if (!realpath(dir, real))
		return NULL;
	cocci = path_join(real, "cocci");
	ok = !access(cocci, F_OK);
	free(cocci);
	return ok ? xstrdup(real) : NULL;
}

static char *find_data_dir(void)
{
	char exe[PATH_MAX], *slash, *share, *dir;
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);

	if (n <= 0)
		return NULL;
	exe[n] = '\0';
	slash = strrchr(exe, '/');
	if (!slash)
		return NULL;
	*slash = '\0';
	/* Installed: PREFIX/bin/iommu-pgsize, PREFIX/share/iommu-pgsize/. */
	share = path_join(exe, "../share/iommu-pgsize");
	dir = holds_data(share);
	free(share);
	/* In the checkout: ./iommu-pgsize next to cocci/ and docs/. */
	return dir ? dir : holds_data(exe);
}

const char *data_dir(void)
{
	static char *dir;
	static bool looked;

	if (!looked) {
		dir = find_data_dir();
		looked = true;
	}
	return dir;
}

char *data_path(const char *rel)
{
	const char *dir = data_dir();

	return dir ? path_join(dir, rel) : NULL;
}
