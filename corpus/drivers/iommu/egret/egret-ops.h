/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * iommu-pgsize corpus: the Egret IOMMU operations table.
 *
 * Pattern (o): a static const struct iommu_ops DEFINED in a header. It is
 * included by egret-iommu.c only, after the callbacks it names.
 */
#ifndef __EGRET_OPS_H
#define __EGRET_OPS_H

#include <linux/iommu.h>
#include <linux/module.h>
#include <linux/sizes.h>

#define EGRET_PGSIZES	(SZ_4K | SZ_2M)

static const struct iommu_domain_ops egret_domain_ops = {
	.attach_dev	= egret_attach_device,
	.map_pages	= egret_map_pages,
	.free		= egret_domain_free,
};

static const struct iommu_ops egret_iommu_ops = {
	.domain_alloc_paging	= egret_domain_alloc_paging,
	.probe_device		= egret_probe_device,
	.device_group		= generic_single_device_group,
	.pgsize_bitmap		= EGRET_PGSIZES,
	.owner			= THIS_MODULE,
	.default_domain_ops	= &egret_domain_ops,
};

#endif /* __EGRET_OPS_H */
