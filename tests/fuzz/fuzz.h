/* SPDX-License-Identifier: GPL-2.0 */
/* Shared by the libFuzzer harnesses: the input as a C string. */
#ifndef IOMMU_PGSIZE_FUZZ_H
#define IOMMU_PGSIZE_FUZZ_H
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib/util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* @data NUL-terminated (an inner NUL ends the string early, as in C). */
static inline char *fuzz_string(const uint8_t *data, size_t size)
{
	char *s = xmalloc(size + 1);

	memcpy(s, data, size);
	s[size] = '\0';
	return s;
}
#endif
