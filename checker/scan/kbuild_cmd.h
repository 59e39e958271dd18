/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The compiler command line kbuild itself runs for a file, read from one
 * batched dry run ("make -n dir/a.o dir/b.o ...") in a prepared object
 * tree, so every flag a kernel adds arrives without a code change.
 */
#ifndef IOMMU_PGSIZE_KBUILD_CMD_H
#define IOMMU_PGSIZE_KBUILD_CMD_H

#include "lib/util.h"

/*
 * Dry-run kbuild for @n source files @rels (.c, relative to @srcroot) in
 * @objtree with ARCH=@arch and LLVM=@llvm. With @module (an external
 * module's directory, or NULL for the tree's own files) make gets
 * M=@module and @rels are relative to @module. @cmds gets @n entries:
 * the compiler argv (struct vec of char *) of each file, or NULL where
 * kbuild printed none. Returns 0, or -1 when make failed.
 */
int kbuild_dry_run(const char *srcroot, const char *objtree, const char *arch,
		   const char *llvm, const char *module, char *const *rels,
		   size_t n, struct vec *cmds);

/* The command of @cmds (from shell_commands()) compiling @rel, or NULL. */
struct vec *kbuild_find_command(struct vec *cmds, const char *rel);

/*
 * The arguments for libclang from a compiler argv: argv[0], -c, -o FILE,
 * -Wp,-MMD,FILE (and the other dependency-file options) and the source
 * file itself are left out; everything else is kept as kbuild wrote it.
 */
void kbuild_parse_args(const struct vec *argv, const char *rel,
		       struct vec *out);

#endif
