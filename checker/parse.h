/* SPDX-License-Identifier: GPL-2.0 */
/* Parse candidate files in parallel and collect their inventories. */
#ifndef IOMMU_PGSIZE_PARSE_H
#define IOMMU_PGSIZE_PARSE_H

#include "flags.h"
#include "model.h"
#include "tree.h"

struct parse_job {
	char *rel;
	struct vec args;
};

/* Parse every job with @jobs threads, adding to @inv. */
void parse_all(const struct tree *tree, struct parse_job *jobs, size_t n,
	       int threads, struct inventory *inv);

#endif
