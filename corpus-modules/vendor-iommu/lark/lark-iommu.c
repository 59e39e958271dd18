// SPDX-License-Identifier: GPL-2.0
/*
 * lark: an out-of-tree IOMMU driver whose ops page sizes start as every
 * size the format has and are narrowed at init to what the hardware
 * reports; its allocator copies them into each domain from the ops.
 */
#include <linux/err.h>
#include <linux/iommu.h>
#include <linux/module.h>
#include <linux/sizes.h>
#include <linux/slab.h>

struct lark_domain {
	struct iommu_domain domain;
};

static struct iommu_device lark_iommu;
static struct iommu_ops lark_iommu_ops;

static unsigned long lark_hw_pgsizes(void)
{
	return SZ_4K | SZ_64K;
}

static struct iommu_domain *lark_domain_alloc_paging(struct device *dev)
{
	struct lark_domain *ld = kzalloc(sizeof(*ld), GFP_KERNEL);

	if (!ld)
		return NULL;
	ld->domain.pgsize_bitmap = lark_iommu_ops.pgsize_bitmap;
	return &ld->domain;
}

static void lark_domain_free(struct iommu_domain *dom)
{
	kfree(container_of(dom, struct lark_domain, domain));
}

static int lark_attach_dev(struct iommu_domain *dom, struct device *dev)
{
	return 0;
}

static int lark_map_pages(struct iommu_domain *dom, unsigned long iova,
			  phys_addr_t paddr, size_t pgsize, size_t pgcount,
			  int prot, gfp_t gfp, size_t *mapped)
{
	*mapped = pgsize * pgcount;
	return 0;
}

static size_t lark_unmap_pages(struct iommu_domain *dom, unsigned long iova,
			       size_t pgsize, size_t pgcount,
			       struct iommu_iotlb_gather *gather)
{
	return pgsize * pgcount;
}

static struct iommu_device *lark_probe_device(struct device *dev)
{
	return ERR_PTR(-ENODEV);
}

static struct iommu_ops lark_iommu_ops = {
	.domain_alloc_paging	= lark_domain_alloc_paging,
	.probe_device		= lark_probe_device,
	.device_group		= generic_device_group,
	.pgsize_bitmap		= SZ_4K | SZ_64K | SZ_2M,
	.owner			= THIS_MODULE,
	.default_domain_ops = &(const struct iommu_domain_ops) {
		.attach_dev	= lark_attach_dev,
		.map_pages	= lark_map_pages,
		.unmap_pages	= lark_unmap_pages,
		.free		= lark_domain_free,
	},
};

static int __init lark_init(void)
{
	lark_iommu_ops.pgsize_bitmap &= lark_hw_pgsizes();
	return iommu_device_register(&lark_iommu, &lark_iommu_ops, NULL);
}
module_init(lark_init);

static void __exit lark_exit(void)
{
	iommu_device_unregister(&lark_iommu);
}
module_exit(lark_exit);

MODULE_DESCRIPTION("lark IOMMU (iommu-pgsize corpus module)");
MODULE_LICENSE("GPL");
