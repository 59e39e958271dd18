/* SPDX-License-Identifier: GPL-2.0 */
/*
 * iommu-pgsize corpus-removed: Wagtail page-table library, shared by the
 * drivers whose domains embed a struct wagtail_pt. It owns the table and
 * gives the embedded domain the sizes that table can map.
 *
 * Resembles: drivers/iommu/generic_pt/ (struct pt_iommu, pt_iommu_*_init()).
 */
#ifndef WAGTAIL_PT_H
#define WAGTAIL_PT_H

#include <linux/iommu.h>
#include <linux/types.h>

struct wagtail_pt {
	struct iommu_domain	domain;
	u64			*top;
	unsigned int		levels;
};

int wagtail_pt_init(struct wagtail_pt *pt, unsigned int levels);
void wagtail_pt_deinit(struct wagtail_pt *pt);

#endif
