/* SPDX-License-Identifier: GPL-2.0 */
/* Run external programs from an argv array, never through a shell. */
#ifndef IOMMU_PGSIZE_SPAWN_H
#define IOMMU_PGSIZE_SPAWN_H

#include <stdbool.h>

/*
 * Run @argv (NULL-terminated) with stdin from /dev/null and stdout and
 * stderr appended to @log_path (or inherited when NULL). Returns the exit
 * status, or -1 when the program could not be started or was killed.
 */
int run_program(char *const argv[], const char *log_path);

/*
 * Run @argv with stdout collected into @out (stderr inherited, or into
 * @out too when @merge_stderr). Returns the exit status as run_program().
 */
struct strbuf;
int run_capture(char *const argv[], struct strbuf *out, bool merge_stderr);
/* The same, run in directory @dir. */
int run_capture_in(const char *dir, char *const argv[], struct strbuf *out,
		   bool merge_stderr);

#endif
