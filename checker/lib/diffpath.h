/* SPDX-License-Identifier: GPL-2.0 */
/*
 * File names in git's diff headers. git C-quotes a name with unusual
 * bytes ("a/x\"y", octal escapes for non-ASCII); a line ends at its
 * newline or NUL.
 */
#ifndef IOMMU_PGSIZE_DIFFPATH_H
#define IOMMU_PGSIZE_DIFFPATH_H

/*
 * Split a "diff --git a/OLD b/NEW" line into OLD and NEW, without their
 * a/ and b/. Returns 0, or -1 when @line is not a well-formed one (then
 * both are NULL).
 */
int diff_git_paths(const char *line, char **old_path, char **new_path);

/* OLD of such a line, or NULL. */
char *diff_git_path(const char *line);

/*
 * The file of a "--- a/PATH" or "+++ b/PATH" line, @name being what
 * follows the four-character prefix: an a/ or b/ is dropped, and so is a
 * tab and what follows (a plain diff's date). Returns 0 (*@path NULL for
 * /dev/null), or -1 when the name is malformed.
 */
int diff_file_path(const char *name, char **path);

/*
 * @path relative and inside its directory: "." and empty components
 * dropped. NULL when it is absolute, empty or has a ".." component.
 */
char *confined_path(const char *path);

#endif
