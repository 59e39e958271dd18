/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Which architecture's allmodconfig builds a file: kbuild compiles any
 * single object it is asked for ("make dir/file.o" ignores the object's
 * CONFIG_ symbol), so the choice is made from the kbuild Makefiles and
 * each architecture's .config instead.
 */
#ifndef IOMMU_PGSIZE_KBUILD_ARCH_H
#define IOMMU_PGSIZE_KBUILD_ARCH_H

#include <stdbool.h>
#include <stddef.h>

#include "lib/util.h"

struct kbuild_arch {
	const char *name;	/* ARCH= and the name users give */
	const char *srcarch;	/* its directory under arch/ */
	const char *cross;	/* CROSS_COMPILE=, NULL for the host */
	const char *package;	/* the Debian package of that compiler */
};

/* x86_64, arm64, arm, s390, riscv, powerpc: the order of preference. */
extern const struct kbuild_arch kbuild_arches[];
extern const size_t kbuild_nr_arches;

const struct kbuild_arch *kbuild_arch_find(const char *name);

/* Is the architecture's C compiler in $PATH? */
bool kbuild_arch_has_compiler(const struct kbuild_arch *a);

/*
 * Would kbuild build @rel (a .c file relative to @srcroot, which ends in
 * '/') with the .config text @config for architecture @a? Follows
 * obj-$(CONFIG_X) lines, composite objects (name-y, name-objs,
 * name-$(CONFIG_X)) and the directories above; every CONFIG_ symbol on
 * the way must be y or m. Conditionals (ifdef) are not evaluated.
 */
bool kbuild_builds(const char *srcroot, const char *rel, const char *config,
		   const struct kbuild_arch *a);

/*
 * The CONFIG_ symbols (char *, "CONFIG_X") on the kbuild Makefile lines
 * that lead to @rel, whatever their values: those a configuration that
 * does not build the file lacks.
 */
void kbuild_gates(const char *srcroot, const char *rel, struct vec *symbols);

#endif
