// SPDX-License-Identifier: GPL-2.0
/*
 * iommu-pgsize corpus: Fulmar IOMMU.
 *
 * Verdicts: attach-binding "checked". Like Coot, the page table is DMA
 * memory allocated against the first attaching instance's device; the
 * domain remembers that device and refuses a device behind an instance
 * with another one (-EINVAL). attach-instance "unguarded-constant" (it
 * compares devices, not instances), domain-init "sets".
 *
 * Resembles: drivers that allocate their tables with dma_alloc_coherent()
 * on the IOMMU's device at first attach.
 */

#include <linux/bitops.h>
#include <linux/dma-mapping.h>
#include <linux/err.h>
#include <linux/io.h>
#include <linux/iommu.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/sizes.h>
#include <linux/slab.h>

#define FULMAR_PGT_BASE		0x08

struct fulmar_iommu {
	struct device		*dev;
	void __iomem		*base;
	struct iommu_device	iommu;
};

struct fulmar_domain {
	struct iommu_domain	domain;
	u32			*pgt;
	dma_addr_t		pgt_dma;
	struct device		*dma_dev;	/* pgt_dma is valid for it */
};

static struct fulmar_domain *to_fulmar_domain(struct iommu_domain *dom)
{
	return container_of(dom, struct fulmar_domain, domain);
}

static struct iommu_domain *fulmar_domain_alloc_paging(struct device *dev)
{
	struct fulmar_domain *fdom;

	fdom = kzalloc(sizeof(*fdom), GFP_KERNEL);
	if (!fdom)
		return ERR_PTR(-ENOMEM);
	fdom->domain.pgsize_bitmap = SZ_4K;
	return &fdom->domain;
}

static void fulmar_domain_free(struct iommu_domain *domain)
{
	kfree(to_fulmar_domain(domain));
}

static int fulmar_attach_dev(struct iommu_domain *domain, struct device *dev)
{
	struct fulmar_domain *fdom = to_fulmar_domain(domain);
	struct fulmar_iommu *fiommu = dev_iommu_priv_get(dev);

	if (!fiommu)
		return -ENODEV;

	if (!fdom->pgt) {
		fdom->pgt = dma_alloc_coherent(fiommu->dev, SZ_4K,
					       &fdom->pgt_dma, GFP_KERNEL);
		if (!fdom->pgt)
			return -ENOMEM;
		fdom->dma_dev = fiommu->dev;
	} else if (fdom->dma_dev != fiommu->dev) {
		return -EINVAL;
	}

	writel(lower_32_bits(fdom->pgt_dma), fiommu->base + FULMAR_PGT_BASE);
	return 0;
}

static const struct iommu_ops fulmar_iommu_ops = {
	.domain_alloc_paging	= fulmar_domain_alloc_paging,
	.device_group		= generic_single_device_group,
	.default_domain_ops = &(const struct iommu_domain_ops) {
		.attach_dev	= fulmar_attach_dev,
		.free		= fulmar_domain_free,
	}
};

static int fulmar_iommu_probe(struct platform_device *pdev)
{
	struct fulmar_iommu *fiommu;

	fiommu = devm_kzalloc(&pdev->dev, sizeof(*fiommu), GFP_KERNEL);
	if (!fiommu)
		return -ENOMEM;

	fiommu->dev = &pdev->dev;
	fiommu->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(fiommu->base))
		return PTR_ERR(fiommu->base);

	platform_set_drvdata(pdev, fiommu);
	return iommu_device_register(&fiommu->iommu, &fulmar_iommu_ops,
				     &pdev->dev);
}

static struct platform_driver fulmar_iommu_driver = {
	.driver	= { .name = "fulmar-iommu" },
	.probe	= fulmar_iommu_probe,
};
module_platform_driver(fulmar_iommu_driver);
MODULE_LICENSE("GPL");
