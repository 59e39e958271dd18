/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Scratch copies of a tree: series writes its patches in one, series
 * --verify applies them to another. The user's tree and repository are
 * only ever read.
 */
#ifndef IOMMU_PGSIZE_SCRATCH_H
#define IOMMU_PGSIZE_SCRATCH_H

#include <stdbool.h>

#include "scan/tree.h"
#include "lib/util.h"

/* run_program() with its output thrown away. */
int run_quiet(char *const argv[]);

/*
 * A temporary directory *@scratch holding *@work, a copy of @tree with one
 * commit *@base to build on: for a tree in git (@place from git_place()),
 * a shared clone of HEAD, *@work its @place directory; else the files as
 * they are, committed. remove_scratch() when done.
 */
int make_scratch(const struct tree *tree, const char *place, char **scratch,
		 char **work, char **base);
/* Remove what make_scratch() made and free its three strings. */
void remove_scratch(char **scratch, char **work, char **base);

#endif
