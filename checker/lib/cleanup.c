// SPDX-License-Identifier: GPL-2.0
/*
 * The handler may only use async-signal-safe calls: the registry is a
 * fixed table of atomic pointers changed with the signals blocked, and removal
 * runs rm -rf through fork and execve.
 */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lib/cleanup.h"
#include "lib/util.h"

#define MAX_PATHS	64
#define MAX_CHILDREN	256

/* Lock-free atomics: safe to read in the handler. */
static _Atomic(char *) paths[MAX_PATHS];
static _Atomic(pid_t) children[MAX_CHILDREN];
static const int signals[] = { SIGINT, SIGTERM, SIGHUP };

static void block(sigset_t *old)
{
	sigset_t set;
	size_t i;

	sigemptyset(&set);
	for (i = 0; i < ARRAY_SIZE(signals); i++)
		sigaddset(&set, signals[i]);
	pthread_sigmask(SIG_BLOCK, &set, old);
}

static void unblock(const sigset_t *old)
{
	pthread_sigmask(SIG_SETMASK, old, NULL);
}

static void remove_path(const char *path)
{
	char *const argv[] = { "rm", "-rf", "--", (char *)path, NULL };
	char *const envp[] = { NULL };
	pid_t pid = fork();

	if (pid == 0) {
		execve("/bin/rm", argv, envp);
		_exit(127);
	}
	while (pid > 0 && waitpid(pid, NULL, 0) < 0 && errno == EINTR)
		;
}

static void on_signal(int sig)
{
	static atomic_flag once = ATOMIC_FLAG_INIT;
	size_t i;

	if (atomic_flag_test_and_set(&once))
		return;
	for (i = 0; i < MAX_CHILDREN; i++)
		if (children[i] > 0)
			kill(children[i], SIGTERM);
	for (i = 0; i < MAX_CHILDREN; i++)
		if (children[i] > 0)
			waitpid(children[i], NULL, 0);
	for (i = 0; i < MAX_PATHS; i++)
		if (paths[i])
			remove_path(paths[i]);
	_exit(128 + sig);
}

void cleanup_install(void)
{
	struct sigaction sa;
	size_t i;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigfillset(&sa.sa_mask);
	for (i = 0; i < ARRAY_SIZE(signals); i++)
		sigaction(signals[i], &sa, NULL);
}

void cleanup_add(const char *path)
{
	sigset_t old;
	size_t i;

	block(&old);
	for (i = 0; i < MAX_PATHS; i++)
		if (!paths[i]) {
			paths[i] = xstrdup(path);
			break;
		}
	unblock(&old);
}

void cleanup_forget(const char *path)
{
	char *gone = NULL;
	sigset_t old;
	size_t i;

	block(&old);
	for (i = 0; i < MAX_PATHS && !gone; i++)
		if (paths[i] && !strcmp(paths[i], path)) {
			gone = paths[i];
			paths[i] = NULL;
		}
	unblock(&old);
	free(gone);
}

void cleanup_add_child(pid_t pid)
{
	sigset_t old;
	size_t i;

	block(&old);
	for (i = 0; i < MAX_CHILDREN; i++)
		if (!children[i]) {
			children[i] = pid;
			break;
		}
	unblock(&old);
}

void cleanup_forget_child(pid_t pid)
{
	sigset_t old;
	size_t i;

	block(&old);
	for (i = 0; i < MAX_CHILDREN; i++)
		if (children[i] == pid)
			children[i] = 0;
	unblock(&old);
}

char *make_temp_dir(const char *what)
{
	const char *tmp = getenv("TMPDIR");
	char *dir;

	/* Scratch paths reach spatch, which hands them to a shell. */
	if (!tmp || *tmp != '/' || !shell_safe(tmp))
		tmp = "/tmp";
	dir = xasprintf("%s/iommu-pgsize-%s-XXXXXX", tmp, what);
	if (!mkdtemp(dir)) {
		int saved = errno;

		free(dir);
		errno = saved;
		return NULL;
	}
	cleanup_add(dir);
	return dir;
}
