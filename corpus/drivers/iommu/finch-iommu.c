// SPDX-License-Identifier: GPL-2.0
/*
 * iommu-pgsize corpus: Finch IOMMU.
 *
 * Verdicts: attach-instance "unguarded-instance". The domain takes its page
 * sizes and its table depth from the instance of the device it is allocated
 * for (domain-init "sets"), but attach_dev only compares DEVICE pointers
 * (the device against the IOMMU's own device, and against the first device
 * of the domain). Neither is an instance check: a device behind another
 * Finch, with other sizes or depth, is attached and the domain simply
 * follows the last instance. pgsize-format "n/a".
 *
 * Resembles: drivers/iommu/sprd-iommu.c (the domain records the first
 * instance it is attached to and never checks it again).
 */

#include <linux/bitops.h>
#include <linux/err.h>
#include <linux/io.h>
#include <linux/iommu.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/sizes.h>
#include <linux/slab.h>

#define FINCH_CAP		0x00
#define FINCH_CAP_2M		BIT(0)
#define FINCH_CAP_3LVL		BIT(1)
#define FINCH_PGT_BASE		0x08
#define FINCH_PGT_LEVELS	0x0c

struct finch_iommu {
	struct device		*dev;
	void __iomem		*base;
	unsigned long		pgsizes;	/* from FINCH_CAP */
	unsigned int		levels;		/* table depth of the walker */
	struct iommu_device	iommu;
};

struct finch_domain {
	struct iommu_domain	domain;
	struct finch_iommu	*fiommu;	/* last instance programmed */
	struct device		*dev;		/* first device attached */
	unsigned int		levels;
	u64			*pgt;
};

static struct finch_domain *to_finch_domain(struct iommu_domain *dom)
{
	return container_of(dom, struct finch_domain, domain);
}

static struct iommu_domain *finch_domain_alloc_paging(struct device *dev)
{
	struct finch_iommu *fiommu = dev_iommu_priv_get(dev);
	struct finch_domain *fdom;

	if (!fiommu)
		return ERR_PTR(-ENODEV);

	fdom = kzalloc(sizeof(*fdom), GFP_KERNEL);
	if (!fdom)
		return ERR_PTR(-ENOMEM);

	fdom->pgt = kcalloc(512, sizeof(u64), GFP_KERNEL);
	if (!fdom->pgt) {
		kfree(fdom);
		return ERR_PTR(-ENOMEM);
	}

	/* Sized for the instance of the device that asked for it */
	fdom->domain.pgsize_bitmap = fiommu->pgsizes;
	fdom->levels = fiommu->levels;
	return &fdom->domain;
}

static void finch_domain_free(struct iommu_domain *domain)
{
	struct finch_domain *fdom = to_finch_domain(domain);

	kfree(fdom->pgt);
	kfree(fdom);
}

static int finch_attach_device(struct iommu_domain *domain, struct device *dev)
{
	struct finch_domain *fdom = to_finch_domain(domain);
	struct finch_iommu *fiommu = dev_iommu_priv_get(dev);

	if (!fiommu)
		return -ENODEV;

	/* The IOMMU cannot translate its own accesses */
	if (dev == fiommu->dev)
		return -EINVAL;

	/* The device is attached to this domain already */
	if (fdom->dev == dev)
		return 0;

	if (!fdom->dev)
		fdom->dev = dev;
	fdom->fiommu = fiommu;
	writel(lower_32_bits(virt_to_phys(fdom->pgt)),
	       fiommu->base + FINCH_PGT_BASE);
	writel(fdom->levels, fiommu->base + FINCH_PGT_LEVELS);
	return 0;
}

static const struct iommu_ops finch_iommu_ops = {
	.domain_alloc_paging	= finch_domain_alloc_paging,
	.device_group		= generic_single_device_group,
	.pgsize_bitmap		= SZ_4K,
	.default_domain_ops = &(const struct iommu_domain_ops) {
		.attach_dev	= finch_attach_device,
		.free		= finch_domain_free,
	}
};

static int finch_iommu_probe(struct platform_device *pdev)
{
	struct finch_iommu *fiommu;
	u32 cap;

	fiommu = devm_kzalloc(&pdev->dev, sizeof(*fiommu), GFP_KERNEL);
	if (!fiommu)
		return -ENOMEM;

	fiommu->dev = &pdev->dev;
	fiommu->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(fiommu->base))
		return PTR_ERR(fiommu->base);

	cap = readl(fiommu->base + FINCH_CAP);
	fiommu->pgsizes = SZ_4K | ((cap & FINCH_CAP_2M) ? SZ_2M : 0);
	fiommu->levels = (cap & FINCH_CAP_3LVL) ? 3 : 2;

	platform_set_drvdata(pdev, fiommu);
	return iommu_device_register(&fiommu->iommu, &finch_iommu_ops,
				     &pdev->dev);
}

static struct platform_driver finch_iommu_driver = {
	.driver	= { .name = "finch-iommu" },
	.probe	= finch_iommu_probe,
};
module_platform_driver(finch_iommu_driver);
MODULE_LICENSE("GPL");
