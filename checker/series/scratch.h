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

/* Detach @sb's text without trailing newlines and spaces. */
char *trimmed(struct strbuf *sb);

/* Is @tree the top of a git checkout? */
bool is_git_top(const struct tree *tree);

/* run_program() with its output thrown away. */
int run_quiet(char *const argv[]);

/*
 * A temporary directory *@scratch holding *@work, a copy of @tree with one
 * commit *@base to build on: a shared clone of HEAD for a git checkout
 * (@git), else the files as they are, committed. remove_scratch() when
 * done.
 */
int make_scratch(const struct tree *tree, bool git, char **scratch,
		 char **work, char **base);
/* Remove what make_scratch() made and free its three strings. */
void remove_scratch(char **scratch, char **work, char **base);

#endif
