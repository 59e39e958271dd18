/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kbuild's command lines (kbuild_cmd.h) kept in the object tree between
 * runs. They are used again only while everything the dry run read is the
 * same: the Makefiles on the way to each file and kbuild's own, the
 * configuration, the environment kbuild reads and the compiler.
 */
#ifndef IOMMU_PGSIZE_KBUILD_CACHE_H
#define IOMMU_PGSIZE_KBUILD_CACHE_H

#include <stdbool.h>

#include "lib/util.h"

/*
 * As kbuild_dry_run() for a tree's own files (no module), with the
 * commands kept in @objtree for the same files and inputs; @fresh: dry-run
 * all the same (and keep what it printed).
 */
int kbuild_commands(const char *srcroot, const char *objtree,
		    const char *arch, const char *llvm, bool fresh,
		    char *const *rels, size_t n, struct vec *cmds);

#endif
