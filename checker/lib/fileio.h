/* SPDX-License-Identifier: GPL-2.0 */
/* Whole files in and out. */
#ifndef IOMMU_PGSIZE_FILEIO_H
#define IOMMU_PGSIZE_FILEIO_H

#include <stddef.h>

/* Read a whole file; NULL with errno set on failure. */
char *read_file(const char *path, size_t *size);
/*
 * The same for a file that must be a regular one, not reached through a
 * symbolic link (an input directory's member, which could name any file
 * of the user's): ELOOP for a symlink, EINVAL for anything else.
 */
char *read_regular_file(const char *path, size_t *size);
/* Why read_regular_file() failed, in words. */
const char *read_regular_error(int err);

/*
 * Replace @path whole with @len bytes of @text (a temporary file in the
 * same directory, fsync, rename), keeping an existing file's mode.
 * Returns 0, or -1 with errno set and @path untouched.
 */
int write_file(const char *path, const char *text, size_t len);

#endif
