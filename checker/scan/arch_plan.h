/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Which flags parse which file: each candidate file gets the flags of the
 * first architecture (kbuild_arches order) whose allmodconfig builds it,
 * from that architecture's own prepared cache, so architecture-only code
 * is parsed natively with clang's own cross target. An external
 * module's file also needs every <asm/> header it names to be that
 * architecture's (its Kbuild seldom names a CONFIG_ symbol); the caches
 * are its kernel's.
 */
#ifndef IOMMU_PGSIZE_ARCH_PLAN_H
#define IOMMU_PGSIZE_ARCH_PLAN_H

#include "scan/flags.h"
#include "scan/tree.h"
#include "lib/util.h"

struct arch_group {
	const char *name;	/* the architecture's name, as users give it */
	struct flags flags;
	struct vec files;	/* char *, borrowed from the caller's list */
	struct vec fallback;	/* those of @files no prepared arch builds */
};

/*
 * Split @files (relative .c paths) into groups (struct arch_group *) in
 * @groups. With one set of flags for everything (-p, --objtree,
 * --no-prepare, not a kbuild tree), one group of the host's flags.
 * Architectures are configured in order only while files are left, and
 * prepared only when they get a file. Returns 0, or -1 when no flags
 * could be set up (an error was printed).
 */
int arch_plan_make(const struct tree *tree, const struct flags_config *cfg,
		   const struct vec *files, struct vec *groups);

void arch_group_free(void *group);

#endif
