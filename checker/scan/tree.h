/* SPDX-License-Identifier: GPL-2.0 */
/* A kernel source tree: validation and the files worth parsing. */
#ifndef IOMMU_PGSIZE_TREE_H
#define IOMMU_PGSIZE_TREE_H

#include <stdbool.h>

#include "lib/util.h"

struct tree {
	char *root;		/* real path, ending in '/' */
	bool kbuild;		/* a real kernel tree with a kbuild Makefile */
	char *version;		/* "6.12.57" for kbuild trees */
	/*
	 * An external module directory: root is the module's, kernel the
	 * tree it builds against (kbuild, version and headers are its).
	 */
	struct tree *kernel;
};

struct tree_stats {
	unsigned int files_seen;	/* .c and .h files looked at */
	unsigned int unreadable;
	unsigned int binary;
	unsigned int bad_links;
};

/* Returns 0, or prints why @path is not a usable tree and returns -1. */
int tree_open(const char *path, struct tree *tree);
void tree_release(struct tree *tree);

/*
 * Open @path as an external module directory built against the kernel
 * tree @kernel (--kernel), or as a kernel tree when @kernel is NULL.
 * Returns 0, or prints why not and returns -1.
 */
int tree_open_with(const char *path, const char *kernel, struct tree *tree);

/*
 * Fill @files (relative paths, sorted) with the .c files that mention the
 * scan's names or include a header in their directory that does.
 */
void tree_find_candidates(const struct tree *tree, struct vec *files,
			  struct tree_stats *stats);

/*
 * Would tree_find_candidates() pick @rel with contents @text? For one
 * file at a time, when only a few changed.
 */
bool tree_file_is_candidate(const struct tree *tree, const char *rel,
			    const char *text, size_t size);

/*
 * Where @tree's files come from git: "" when it is the top of a checkout;
 * for an external module below the top of a bigger repository whose HEAD
 * tracks it, its directory there ("vendor/iommu/", patches name files
 * from the top, as git am wants them); NULL otherwise (free() it).
 */
char *git_place(const struct tree *tree);

#endif
