// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <openssl/evp.h>

#include "lib/digest.h"
#include "lib/util.h"

struct digest {
	EVP_MD_CTX *ctx;
};

struct digest *digest_new(void)
{
	struct digest *d = xcalloc(1, sizeof(*d));

	d->ctx = EVP_MD_CTX_new();
	if (!d->ctx || !EVP_DigestInit_ex(d->ctx, EVP_sha256(), NULL))
		die("cannot start a SHA-256 digest");
	return d;
}

void digest_add(struct digest *d, const void *data, size_t len)
{
	if (len && !EVP_DigestUpdate(d->ctx, data, len))
		die("cannot update a SHA-256 digest");
}

void digest_add_str(struct digest *d, const char *s)
{
	digest_add(d, s ? s : "", s ? strlen(s) + 1 : 1);
}

void digest_end(struct digest *d, char *hex)
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int i, len = 0;

	if (!EVP_DigestFinal_ex(d->ctx, md, &len))
		die("cannot finish a SHA-256 digest");
	for (i = 0; i < len && i < DIGEST_HEX_LEN / 2; i++)
		sprintf(hex + 2 * i, "%02x", md[i]);
	hex[2 * i] = '\0';
	EVP_MD_CTX_free(d->ctx);
	free(d);
}

int digest_file(const char *path, char *hex)
{
	struct digest *d;
	char buf[65536];
	ssize_t got;
	int fd = open(path, O_RDONLY | O_CLOEXEC), saved;

	if (fd < 0)
		return -1;
	d = digest_new();
	while ((got = read(fd, buf, sizeof(buf))) != 0) {
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			saved = errno;
			close(fd);
			digest_end(d, hex);
			errno = saved;
			return -1;
		}
		digest_add(d, buf, got);
	}
	close(fd);
	digest_end(d, hex);
	return 0;
}
