/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What an interrupted run leaves behind: scratch directories, temporary
 * files and child processes are registered here; SIGINT, SIGTERM and
 * SIGHUP stop the children, remove the paths and exit 128 + the signal.
 */
#ifndef IOMMU_PGSIZE_CLEANUP_H
#define IOMMU_PGSIZE_CLEANUP_H

#include <signal.h>
#include <sys/types.h>

/* Install the handlers; once, early in main(). */
void cleanup_install(void);

/* The signals handled: SIGINT, SIGTERM, SIGHUP. */
void cleanup_signals(sigset_t *set);

/*
 * Around creating a path or child and registering it: the signals are
 * blocked in this thread (@old gets the mask before) and a handler in
 * another thread waits for cleanup_release(); after a signal, the
 * thread stops here until the process exits.
 */
void cleanup_hold(sigset_t *old);
void cleanup_release(const sigset_t *old);

/* Remove @path (a file or a whole directory) if a signal comes. */
void cleanup_add(const char *path);
/* @path is kept, or was removed by its owner. */
void cleanup_forget(const char *path);

/* A running child, stopped if a signal comes. */
void cleanup_add_child(pid_t pid);
void cleanup_forget_child(pid_t pid);

/*
 * A scratch directory "$TMPDIR/iommu-pgsize-@what-XXXXXX" (/tmp when
 * TMPDIR is unset, relative or not shell_safe()), registered; NULL with errno set on failure.
 */
char *make_temp_dir(const char *what);

#endif
