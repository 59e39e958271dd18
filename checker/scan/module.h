/* SPDX-License-Identifier: GPL-2.0 */
/*
 * External modules: a directory whose Kbuild (or Makefile naming obj-)
 * is built with "make -C KTREE M=DIR", outside the kernel tree it uses.
 */
#ifndef IOMMU_PGSIZE_MODULE_H
#define IOMMU_PGSIZE_MODULE_H

#include <stdbool.h>

#include "lib/util.h"

/* Does @dir, or a directory below it, hold a module's kbuild file? */
bool module_dir_detect(const char *dir);

/*
 * The module directory building @rel (a file relative to @top, which
 * ends in '/'): the nearest directory at or above the file's, up to
 * @top, with a kbuild file; "" for @top itself, NULL when none.
 */
char *module_root_of(const char *top, const char *rel);

/*
 * The CONFIG_ symbols source @text refuses to build without, at its top
 * level: "#ifndef CONFIG_X", "#if !defined(CONFIG_X)" or
 * "#if !IS_ENABLED(CONFIG_X)" whose next line is an #error (how a module
 * for one architecture often says so). Added to @symbols (char *).
 */
void module_error_gates(const char *text, struct vec *symbols);

/*
 * kbuild_dry_run() for @n files @rels of the modules under @top, each
 * with M= its module directory. The dry run sees a mirror of @top made
 * of links (kbuild writes beside the module's Makefile even with -n);
 * the commands name @top's files again. Returns 0, or -1 when a make
 * failed.
 */
int module_dry_run(const char *ktree, const char *objtree, const char *arch,
		   const char *llvm, const char *top, char *const *rels,
		   size_t n, struct vec *cmds);

/*
 * When @ktree's struct iommu_ops has no pgsize_bitmap, add to @overlays
 * (struct source_overlay) its include/linux/iommu.h with the member put
 * back, marked as absent from the kernel: a module's uses of it are then
 * still understood, and reported as the compile errors they are there.
 */
void module_member_overlay(const char *ktree, struct vec *overlays);
/* Free one of those overlays (for vec_free()). */
void module_overlay_free(void *overlay);

#endif
