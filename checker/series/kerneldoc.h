/* SPDX-License-Identifier: GPL-2.0 */
/* Comments Coccinelle cannot edit. */
#ifndef IOMMU_PGSIZE_KERNELDOC_H
#define IOMMU_PGSIZE_KERNELDOC_H

/*
 * Remove the "@pgsize_bitmap:" paragraph from the kernel-doc comment of
 * struct iommu_ops in @rel below @root, once the member itself is gone.
 * Returns 1 if removed, 0 if the file has no such paragraph, -1 on error.
 */
int remove_member_doc(const char *root, const char *rel);

/* The same on text in memory: a new string, or NULL if nothing changed. */
char *kerneldoc_without_member(const char *text, const char *record,
			       const char *member);

/*
 * When spatch removes an initializer line that ends in a comment, the
 * comment is glued to the line before ("x,/" "* ... *" "/"): drop such
 * comments from @patched where @original has no such line. NULL: none.
 */
char *unglue_comments(const char *patched, const char *original);

#endif
