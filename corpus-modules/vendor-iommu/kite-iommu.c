// SPDX-License-Identifier: GPL-2.0
/*
 * kite: an out-of-tree IOMMU driver written for 6.x. Its page sizes are
 * a constant on struct iommu_ops, and its paging allocator returns
 * domains without any: they get the ops value from the core's fallback.
 */
#include <linux/err.h>
#include <linux/iommu.h>
#include <linux/module.h>
#include <linux/sizes.h>
#include <linux/slab.h>

#define KITE_PGSIZES	(SZ_4K | SZ_2M)

struct kite_domain {
	struct iommu_domain domain;
	u64 *pgt;
};

static struct iommu_device kite_iommu;

static struct kite_domain *to_kite_domain(struct iommu_domain *dom)
{
	return container_of(dom, struct kite_domain, domain);
}

static struct iommu_domain *kite_domain_alloc_paging(struct device *dev)
{
	struct kite_domain *kd = kzalloc(sizeof(*kd), GFP_KERNEL);

	if (!kd)
		return NULL;
	kd->domain.geometry.aperture_end = SZ_1G - 1;
	kd->domain.geometry.force_aperture = true;
	return &kd->domain;
}

static void kite_domain_free(struct iommu_domain *dom)
{
	kfree(to_kite_domain(dom));
}

static int kite_attach_dev(struct iommu_domain *dom, struct device *dev)
{
	return 0;
}

static int kite_map_pages(struct iommu_domain *dom, unsigned long iova,
			  phys_addr_t paddr, size_t pgsize, size_t pgcount,
			  int prot, gfp_t gfp, size_t *mapped)
{
	*mapped = pgsize * pgcount;
	return 0;
}

static size_t kite_unmap_pages(struct iommu_domain *dom, unsigned long iova,
			       size_t pgsize, size_t pgcount,
			       struct iommu_iotlb_gather *gather)
{
	return pgsize * pgcount;
}

static phys_addr_t kite_iova_to_phys(struct iommu_domain *dom, dma_addr_t iova)
{
	return 0;
}

static struct iommu_device *kite_probe_device(struct device *dev)
{
	return ERR_PTR(-ENODEV);
}

static const struct iommu_ops kite_iommu_ops = {
	.domain_alloc_paging	= kite_domain_alloc_paging,
	.probe_device		= kite_probe_device,
	.device_group		= generic_device_group,
	.pgsize_bitmap		= KITE_PGSIZES,
	.owner			= THIS_MODULE,
	.default_domain_ops = &(const struct iommu_domain_ops) {
		.attach_dev	= kite_attach_dev,
		.map_pages	= kite_map_pages,
		.unmap_pages	= kite_unmap_pages,
		.iova_to_phys	= kite_iova_to_phys,
		.free		= kite_domain_free,
	},
};

static int __init kite_init(void)
{
	return iommu_device_register(&kite_iommu, &kite_iommu_ops, NULL);
}
module_init(kite_init);

static void __exit kite_exit(void)
{
	iommu_device_unregister(&kite_iommu);
}
module_exit(kite_exit);

MODULE_DESCRIPTION("kite IOMMU (iommu-pgsize corpus module)");
MODULE_LICENSE("GPL");
