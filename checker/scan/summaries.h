/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The tree-wide table of function summaries: once every file is parsed,
 * confirm the stores a rule assumed of functions defined in other files.
 */
#ifndef IOMMU_PGSIZE_SUMMARIES_H
#define IOMMU_PGSIZE_SUMMARIES_H

#include "model/model.h"

void summaries_resolve(struct inventory *inv);

#endif
