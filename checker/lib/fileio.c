// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lib/cleanup.h"
#include "lib/fileio.h"
#include "lib/util.h"

char *read_file(const char *path, size_t *size)
{
	struct strbuf sb = { 0 };
	char chunk[65536];
	ssize_t n;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return NULL;
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
