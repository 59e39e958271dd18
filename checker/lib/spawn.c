// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lib/cleanup.h"
#include "lib/spawn.h"
#include "lib/util.h"

extern char **environ;

/*
 * Start @argv registered with lib/cleanup, so that a signal at any moment
 * stops it and its children; it gets the caller's signal mask and the
 * default actions.
 * 0, or an errno value.
 */
static int spawn(pid_t *pid, char *const argv[],
		 const posix_spawn_file_actions_t *actions)
{
	posix_spawnattr_t attr;
	sigset_t old, handled;
	int err;

	cleanup_signals(&handled);
	posix_spawnattr_init(&attr);
	/* Its own process group, so that the handler stops its children. */
	posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK |
					POSIX_SPAWN_SETSIGDEF |
					POSIX_SPAWN_SETPGROUP);
	posix_spawnattr_setpgroup(&attr, 0);
	posix_spawnattr_setsigdefault(&attr, &handled);
	cleanup_hold(&old);
	posix_spawnattr_setsigmask(&attr, &old);
	err = posix_spawnp(pid, argv[0], actions, &attr, argv, environ);
	if (!err)
		cleanup_add_child(*pid);
	cleanup_release(&old);
	posix_spawnattr_destroy(&attr);
	return err;
}

/* Wait for @pid and forget it: its exit status, or -1. */
static int reap(pid_t pid)
{
	int status;

	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR) {
			cleanup_forget_child(pid);
			return -1;
		}
	cleanup_forget_child(pid);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

int run_program(char *const argv[], const char *log_path)
{
	posix_spawn_file_actions_t actions;
	int err;
	pid_t pid;

	posix_spawn_file_actions_init(&actions);
	posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
	if (log_path) {
		posix_spawn_file_actions_addopen(&actions, 1, log_path,
						 O_WRONLY | O_CREAT | O_APPEND,
						 0644);
		posix_spawn_file_actions_adddup2(&actions, 1, 2);
	}
	err = spawn(&pid, argv, &actions);
	posix_spawn_file_actions_destroy(&actions);
	if (err) {
		error("cannot run %s: %s", argv[0], strerror(err));
		return -1;
	}
	return reap(pid);
}

int run_capture(char *const argv[], struct strbuf *out, bool merge_stderr)
{
	return run_capture_in(NULL, argv, out, merge_stderr);
}

int run_capture_in(const char *dir, char *const argv[], struct strbuf *out,
		   bool merge_stderr)
{
	posix_spawn_file_actions_t actions;
	char buf[65536];
	int fds[2], err;
	ssize_t n;
	pid_t pid;

	if (pipe(fds))
		return -1;
	posix_spawn_file_actions_init(&actions);
	posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_adddup2(&actions, fds[1], 1);
	if (merge_stderr)
		posix_spawn_file_actions_adddup2(&actions, fds[1], 2);
	posix_spawn_file_actions_addclose(&actions, fds[0]);
	posix_spawn_file_actions_addclose(&actions, fds[1]);
	if (dir)
		posix_spawn_file_actions_addchdir_np(&actions, dir);
	err = spawn(&pid, argv, &actions);
	posix_spawn_file_actions_destroy(&actions);
	close(fds[1]);
	if (err) {
		close(fds[0]);
		error("cannot run %s: %s", argv[0], strerror(err));
		return -1;
	}
	while ((n = read(fds[0], buf, sizeof(buf))) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		strbuf_add(out, buf, n);
	}
	close(fds[0]);
	return reap(pid);
}
