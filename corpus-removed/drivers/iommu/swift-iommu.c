// SPDX-License-Identifier: GPL-2.0
/*
 * iommu-pgsize corpus-removed: Swift IOMMU.
 *
 * Verdicts: domain-init "sets", through another translation unit whose
 * store is in a header: the paging allocator returns its domain only after
 * swift_pt_v1_init() (swiftpt/fmt/swift_v1.c, made from
 * swiftpt/swift_pt_common.h) returned 0; the "&=" after it only narrows
 * those sizes, it gives none. The domain ops map through the
 * library and have no map_pages; iova_to_phys makes them paging ops.
 *
 * Resembles: 7.x drivers/iommu/riscv/iommu.c
 * (riscv_iommu_alloc_paging_domain(), IOMMU_PT_DOMAIN_OPS(riscv_64)).
 */

#include <linux/err.h>
#include <linux/iommu.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/swift_pt.h>

/* Every Swift instance walks four levels, without 1G blocks. */
#define SWIFT_LEVELS	4
#define SWIFT_SIZES	(SZ_4K | SZ_2M)

struct swift_iommu {
	struct iommu_device	iommu;
};

struct swift_domain {
	struct swift_pt		pt;
	unsigned int		asid;
};

static struct swift_domain *to_swift_domain(struct iommu_domain *dom)
{
	return container_of(dom, struct swift_domain, pt.domain);
}

static int swift_attach_dev(struct iommu_domain *domain, struct device *dev)
{
	return 0;
}

static void swift_domain_free(struct iommu_domain *domain)
{
	struct swift_domain *sdom = to_swift_domain(domain);

	swift_pt_v1_deinit(&sdom->pt);
	kfree(sdom);
}

static const struct iommu_domain_ops swift_paging_ops = {
	SWIFT_PT_DOMAIN_OPS(v1),
	.attach_dev	= swift_attach_dev,
	.free		= swift_domain_free,
};

static struct iommu_domain *swift_domain_alloc_paging(struct device *dev)
{
	struct swift_domain *sdom;
	int ret;

	sdom = kzalloc(sizeof(*sdom), GFP_KERNEL);
	if (!sdom)
		return ERR_PTR(-ENOMEM);
	sdom->pt.domain.ops = &swift_paging_ops;
	ret = swift_pt_v1_init(&sdom->pt, SWIFT_LEVELS);
	if (ret) {
		kfree(sdom);
		return ERR_PTR(ret);
	}
	/* No 1G blocks on this IOMMU: narrows what the library gave. */
	sdom->pt.domain.pgsize_bitmap &= SWIFT_SIZES;
	return &sdom->pt.domain;
}

static const struct iommu_ops swift_iommu_ops = {
	.domain_alloc_paging	= swift_domain_alloc_paging,
	.device_group		= generic_single_device_group,
	.owner			= THIS_MODULE,
};

int swift_iommu_register(struct swift_iommu *siommu, struct device *dev)
{
	return iommu_device_register(&siommu->iommu, &swift_iommu_ops, dev);
}
