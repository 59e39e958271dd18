// SPDX-License-Identifier: GPL-2.0
/*
 * dotterel: an out-of-tree IOMMU driver for an arm64 SoC. Its Kbuild gates
 * it on CONFIG_ARM64, and it reads the CPU's MIDR through arm64's
 * <asm/cputype.h>; its page sizes are a constant on struct iommu_ops.
 */
#include <linux/err.h>
#include <linux/iommu.h>
#include <linux/module.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <asm/cputype.h>

#define DOTTEREL_PGSIZES	(SZ_4K | SZ_2M | SZ_1G)

struct dotterel_domain {
	struct iommu_domain domain;
	u64 *pgt;
};

static struct iommu_device dotterel_iommu;

static struct iommu_domain *dotterel_domain_alloc_paging(struct device *dev)
{
	struct dotterel_domain *hd = kzalloc(sizeof(*hd), GFP_KERNEL);

	if (!hd)
		return NULL;
	return &hd->domain;
}

static void dotterel_domain_free(struct iommu_domain *dom)
{
	kfree(container_of(dom, struct dotterel_domain, domain));
}

static int dotterel_attach_dev(struct iommu_domain *dom, struct device *dev)
{
	return 0;
}

static int dotterel_map_pages(struct iommu_domain *dom, unsigned long iova,
			   phys_addr_t paddr, size_t pgsize, size_t pgcount,
			   int prot, gfp_t gfp, size_t *mapped)
{
	*mapped = pgsize * pgcount;
	return 0;
}

static size_t dotterel_unmap_pages(struct iommu_domain *dom, unsigned long iova,
				size_t pgsize, size_t pgcount,
				struct iommu_iotlb_gather *gather)
{
	return pgsize * pgcount;
}

static struct iommu_device *dotterel_probe_device(struct device *dev)
{
	return ERR_PTR(-ENODEV);
}

static const struct iommu_ops dotterel_iommu_ops = {
	.domain_alloc_paging	= dotterel_domain_alloc_paging,
	.probe_device		= dotterel_probe_device,
	.device_group		= generic_device_group,
	.pgsize_bitmap		= DOTTEREL_PGSIZES,
	.owner			= THIS_MODULE,
	.default_domain_ops = &(const struct iommu_domain_ops) {
		.attach_dev	= dotterel_attach_dev,
		.map_pages	= dotterel_map_pages,
		.unmap_pages	= dotterel_unmap_pages,
		.free		= dotterel_domain_free,
	},
};

static int __init dotterel_init(void)
{
	/* The SoC's IOMMU sits beside Arm's own cores only. */
	if (MIDR_IMPLEMENTOR(read_cpuid_id()) != ARM_CPU_IMP_ARM)
		return -ENODEV;
	return iommu_device_register(&dotterel_iommu, &dotterel_iommu_ops, NULL);
}
module_init(dotterel_init);

static void __exit dotterel_exit(void)
{
	iommu_device_unregister(&dotterel_iommu);
}
module_exit(dotterel_exit);

MODULE_DESCRIPTION("dotterel IOMMU (iommu-pgsize corpus module, arm64 only)");
MODULE_LICENSE("GPL");
