/* SPDX-License-Identifier: GPL-2.0 */
/* SHA-256 digests (OpenSSL's libcrypto), as lowercase hex. */
#ifndef IOMMU_PGSIZE_DIGEST_H
#define IOMMU_PGSIZE_DIGEST_H

#include <stddef.h>

#define DIGEST_HEX_LEN	64

struct digest;

struct digest *digest_new(void);
void digest_add(struct digest *d, const void *data, size_t len);
/* A string with its terminating NUL, so "ab","c" differs from "a","bc". */
void digest_add_str(struct digest *d, const char *s);
/* Finish into @hex (DIGEST_HEX_LEN + 1 bytes) and free @d. */
void digest_end(struct digest *d, char *hex);

/* The digest of a whole file; 0, or -1 with errno set. */
int digest_file(const char *path, char *hex);

#endif
