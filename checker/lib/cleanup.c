// SPDX-License-Identifier: GPL-2.0
/*
 * The handler may only use async-signal-safe calls: the registry is a
 * fixed table of atomic pointers changed with the signals blocked, and removal
 * runs rm -rf through _Fork and execve.
 *
 * A child or a path exists before it is registered: creating and
 * registering it is one step, made with cleanup_hold() (the signals
 * blocked in this thread, and a handler running in another thread waits
 * for the step to end).
 */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "lib/cleanup.h"
#include "lib/util.h"

#define MAX_PATHS	64
#define MAX_CHILDREN	256
/* A child that ignores SIGTERM gets SIGKILL after this many 10 ms. */
#define TERM_TICKS	300

/* Lock-free atomics: safe to read in the handler. */
static _Atomic(char *) paths[MAX_PATHS];
static _Atomic(pid_t) children[MAX_CHILDREN];
static atomic_int holding;
static atomic_bool dying;
static const int signals[] = { SIGINT, SIGTERM, SIGHUP };

void cleanup_signals(sigset_t *set)
{
	size_t i;

	sigemptyset(set);
	for (i = 0; i < ARRAY_SIZE(signals); i++)
		sigaddset(set, signals[i]);
}

static void block(sigset_t *old)
{
	sigset_t set;

	cleanup_signals(&set);
	pthread_sigmask(SIG_BLOCK, &set, old);
}

static void unblock(const sigset_t *old)
{
	pthread_sigmask(SIG_SETMASK, old, NULL);
}

void cleanup_hold(sigset_t *old)
{
	block(old);
	atomic_fetch_add(&holding, 1);
	/* The handler runs in another thread and will not wait for us. */
	if (atomic_load(&dying)) {
		atomic_fetch_sub(&holding, 1);
		for (;;)
			pause();
	}
}

void cleanup_release(const sigset_t *old)
{
	atomic_fetch_sub(&holding, 1);
	unblock(old);
}

static void tick(void)
{
	const struct timespec ms10 = { 0, 10 * 1000 * 1000 };

	nanosleep(&ms10, NULL);
}

static void remove_path(const char *path)
{
	char *const argv[] = { "rm", "-rf", "--", (char *)path, NULL };
	char *const envp[] = { NULL };
	/* fork() takes the malloc locks a thread may hold: not safe here. */
	pid_t pid = _Fork();

	if (pid == 0) {
		execve("/bin/rm", argv, envp);
		_exit(127);
	}
	while (pid > 0 && waitpid(pid, NULL, 0) < 0 && errno == EINTR)
		;
}

/*
 * Reap the leaders that ended; true while a process of any group lives
 * (a reaped leader's members keep its id, so it is not reused).
 */
static bool groups_alive(pid_t *groups)
{
	bool alive = false;
	size_t i;

	for (i = 0; i < MAX_CHILDREN; i++) {
		if (groups[i] <= 0)
			continue;
		/* ECHILD: the thread that started it reaped it. */
		waitpid(groups[i], NULL, WNOHANG);
		if (kill(-groups[i], 0) == 0)
			alive = true;
		else
			groups[i] = 0;
	}
	return alive;
}

/*
 * Each child leads its own process group (make's sub-makes, spatch's
 * shells): SIGTERM all of it, so that make can delete what it was
 * writing; SIGKILL what is left after a while.
 */
static void stop_children(void)
{
	static pid_t groups[MAX_CHILDREN];
	size_t i;
	int t;

	for (i = 0; i < MAX_CHILDREN; i++) {
		groups[i] = children[i];
		if (groups[i] > 0)
			kill(-groups[i], SIGTERM);
	}
	for (t = 0; t < TERM_TICKS && groups_alive(groups); t++)
		tick();
	for (i = 0; i < MAX_CHILDREN; i++)
		if (groups[i] > 0) {
			kill(-groups[i], SIGKILL);
			waitpid(groups[i], NULL, 0);
		}
}

static void on_signal(int sig)
{
	static atomic_flag once = ATOMIC_FLAG_INIT;
	size_t i;

	if (atomic_flag_test_and_set(&once))
		return;
	/* A step under cleanup_hold() in another thread ends first. */
	atomic_store(&dying, true);
	while (atomic_load(&holding))
		tick();
	stop_children();
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
	sigset_t old;
	char *dir;
	int saved;

	/* Scratch paths reach spatch, which hands them to a shell. */
	if (!tmp || *tmp != '/' || !shell_safe(tmp))
		tmp = "/tmp";
	dir = xasprintf("%s/iommu-pgsize-%s-XXXXXX", tmp, what);
	cleanup_hold(&old);
	if (!mkdtemp(dir)) {
		saved = errno;
		cleanup_release(&old);
		free(dir);
		errno = saved;
		return NULL;
	}
	cleanup_add(dir);
	cleanup_release(&old);
	return dir;
}
