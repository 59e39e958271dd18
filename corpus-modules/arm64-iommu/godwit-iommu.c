// SPDX-License-Identifier: GPL-2.0
/*
 * godwit: an out-of-tree IOMMU driver whose Kbuild names no CONFIG_
 * symbol, but which only builds for arm64: it reads ID_AA64MMFR0_EL1
 * through <asm/sysreg.h> to learn whether the CPU has a 64K granule.
 */
#include <linux/err.h>
#include <linux/iommu.h>
#include <linux/module.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <asm/sysreg.h>

struct godwit_domain {
	struct iommu_domain domain;
	u64 *pgt;
};

static struct iommu_device godwit_iommu;

static struct iommu_domain *godwit_domain_alloc_paging(struct device *dev)
{
	struct godwit_domain *wd = kzalloc(sizeof(*wd), GFP_KERNEL);

	if (!wd)
		return NULL;
	return &wd->domain;
}

static void godwit_domain_free(struct iommu_domain *dom)
{
	kfree(container_of(dom, struct godwit_domain, domain));
}

static int godwit_attach_dev(struct iommu_domain *dom, struct device *dev)
{
	return 0;
}

static int godwit_map_pages(struct iommu_domain *dom, unsigned long iova,
			  phys_addr_t paddr, size_t pgsize, size_t pgcount,
			  int prot, gfp_t gfp, size_t *mapped)
{
	*mapped = pgsize * pgcount;
	return 0;
}

static size_t godwit_unmap_pages(struct iommu_domain *dom, unsigned long iova,
			       size_t pgsize, size_t pgcount,
			       struct iommu_iotlb_gather *gather)
{
	return pgsize * pgcount;
}

static struct iommu_device *godwit_probe_device(struct device *dev)
{
	return ERR_PTR(-ENODEV);
}

static const struct iommu_ops godwit_iommu_ops = {
	.domain_alloc_paging	= godwit_domain_alloc_paging,
	.probe_device		= godwit_probe_device,
	.device_group		= generic_device_group,
	.pgsize_bitmap		= SZ_64K | SZ_512M,
	.owner			= THIS_MODULE,
	.default_domain_ops = &(const struct iommu_domain_ops) {
		.attach_dev	= godwit_attach_dev,
		.map_pages	= godwit_map_pages,
		.unmap_pages	= godwit_unmap_pages,
		.free		= godwit_domain_free,
	},
};

static int __init godwit_init(void)
{
	u64 mmfr0 = read_sysreg_s(SYS_ID_AA64MMFR0_EL1);

	/* The IOMMU shares the CPU's page tables: it needs a 64K granule. */
	if (((mmfr0 >> ID_AA64MMFR0_EL1_TGRAN64_SHIFT) & 0xf) ==
	    ID_AA64MMFR0_EL1_TGRAN64_NI)
		return -ENODEV;
	return iommu_device_register(&godwit_iommu, &godwit_iommu_ops, NULL);
}
module_init(godwit_init);

static void __exit godwit_exit(void)
{
	iommu_device_unregister(&godwit_iommu);
}
module_exit(godwit_exit);

MODULE_DESCRIPTION("godwit IOMMU (iommu-pgsize corpus module, arm64 only)");
MODULE_LICENSE("GPL");
