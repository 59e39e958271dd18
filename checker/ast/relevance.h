/* SPDX-License-Identifier: GPL-2.0 */
/* Whether a file's bytes can matter to the scan, before any parsing. */
#ifndef IOMMU_PGSIZE_RELEVANCE_H
#define IOMMU_PGSIZE_RELEVANCE_H

#include <stdbool.h>
#include <stddef.h>

/* Whether a file's bytes mention anything the scan looks at. */
bool mentions_relevant_token(const char *buf, size_t size);

#endif
