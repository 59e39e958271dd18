// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

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

int write_file(const char *path, const char *text, size_t len)
{
	FILE *fp = fopen(path, "w");
	int saved;

	if (!fp)
		return -1;
	if (fwrite(text, 1, len, fp) != len) {
		saved = errno;
		fclose(fp);
		errno = saved;
		return -1;
	}
	return fclose(fp) ? -1 : 0;
}
