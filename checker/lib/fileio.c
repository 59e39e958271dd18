// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lib/cleanup.h"
#include "lib/fileio.h"
#include "lib/util.h"

/* All of @fd, which is closed. */
static char *read_all(int fd, size_t *size)
{
	struct strbuf sb = { 0 };
	char chunk[65536];
	ssize_t n;

	while ((n = read(fd, chunk, sizeof(chunk))) != 0) {
		if (n < 0) {
			int saved = errno;

			if (errno == EINTR)
				continue;
			close(fd);
			strbuf_release(&sb);
			errno = saved;
			return NULL;
		}
		strbuf_add(&sb, chunk, n);
	}
	close(fd);
	*size = sb.len;
	return strbuf_detach(&sb);
}

char *read_file(const char *path, size_t *size)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	return fd < 0 ? NULL : read_all(fd, size);
}

char *read_regular_file(const char *path, size_t *size)
{
	/* O_NONBLOCK: opening a FIFO must not wait for a writer. */
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
	struct stat st;

	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) || !S_ISREG(st.st_mode)) {
		close(fd);
		errno = EINVAL;
		return NULL;
	}
	return read_all(fd, size);
}

const char *read_regular_error(int err)
{
	if (err == ELOOP)
		return "it is a symbolic link";
	if (err == EINVAL)
		return "it is not a regular file";
	return strerror(err);
}

static int write_all(int fd, const char *text, size_t len)
{
	ssize_t n;

	while (len) {
		n = write(fd, text, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		text += n;
		len -= n;
	}
	return 0;
}

/*
 * A temporary file next to @path, synced and renamed over it: a full
 * disk or a signal leaves the old file or the new one, never half.
 */
int write_file(const char *path, const char *text, size_t len)
{
	char *tmp = xasprintf("%s.tmp-XXXXXX", path);
	struct stat st;
	int fd, saved;
	sigset_t old;
	mode_t mask;

	cleanup_hold(&old);
	fd = mkostemp(tmp, O_CLOEXEC);
	if (fd >= 0)
		cleanup_add(tmp);
	saved = errno;
	cleanup_release(&old);
	errno = saved;
	if (fd < 0)
		goto fail;
	/* mkstemp makes 0600; keep the old file's mode, or the umask's. */
	if (!stat(path, &st)) {
		fchmod(fd, st.st_mode & 07777);
	} else {
		mask = umask(0);
		umask(mask);
		fchmod(fd, 0666 & ~mask);
	}
	if (write_all(fd, text, len) || fsync(fd)) {
		saved = errno;
		close(fd);
		goto fail_unlink;
	}
	if (close(fd))
		goto fail_saved;
	if (rename(tmp, path))
		goto fail_saved;
	cleanup_forget(tmp);
	free(tmp);
	return 0;
fail_saved:
	saved = errno;
fail_unlink:
	unlink(tmp);
	cleanup_forget(tmp);
	errno = saved;
fail:
	saved = errno;
	free(tmp);
	errno = saved;
	return -1;
}
