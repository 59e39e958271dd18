/* SPDX-License-Identifier: GPL-2.0 */
/* git, run from an argv of any length and never through a shell. */
#ifndef IOMMU_PGSIZE_GIT_H
#define IOMMU_PGSIZE_GIT_H

struct strbuf;

/*
 * Run "git -C @dir ARGS..." (@args NULL-terminated; @dir NULL: in the
 * current directory) with stdout into @out and stderr inherited. @out may
 * be NULL: then stdout and stderr are both thrown away, out of the user's
 * way. Returns git's exit status, or -1 when it could not run.
 */
int git(const char *dir, struct strbuf *out, const char *const *args);

/* The same with stderr into @out too: git's complaints are an answer. */
int git_with_stderr(const char *dir, struct strbuf *out,
		    const char *const *args);

#endif
