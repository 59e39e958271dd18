/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What each io-pgtable format can map: the one table the pgsize-format rule
 * and the migration read restricted page-size sets from.
 */
#ifndef IOMMU_PGSIZE_PGTABLE_FORMATS_H
#define IOMMU_PGSIZE_PGTABLE_FORMATS_H

#include <stdbool.h>

/*
 * The page sizes format @fmt (an enum io_pgtable_fmt name) keeps from
 * @requested, as alloc_io_pgtable_ops() restricts cfg->pgsize_bitmap, with
 * the granule chosen the way the format chooses it. Returns false for a
 * format the table does not know.
 */
bool pgtable_format_restrict(const char *fmt, unsigned long long requested,
			     unsigned long long *kept);

/* Where the table was read from, for messages and docs. */
const char *pgtable_format_source(const char *fmt);

#endif
