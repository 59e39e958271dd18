// SPDX-License-Identifier: GPL-2.0
/*
 * iommu-pgsize corpus: Coot IOMMU.
 *
 * Verdicts: attach-binding "bound". The page table is DMA memory allocated
 * against the first attaching instance's device (coot_attach_dev, while
 * the domain has none); its DMA address is only valid for that device,
 * yet a device behind another Coot is pointed at it. attach-instance
 * "unguarded-constant", domain-init "sets".
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

#define COOT_PGT_BASE		0x08

struct coot_iommu {
	struct device		*dev;
	void __iomem		*base;
	struct iommu_device	iommu;
};

struct coot_domain {
	struct iommu_domain	domain;
	u32			*pgt;
	dma_addr_t		pgt_dma;
};

static struct coot_domain *to_coot_domain(struct iommu_domain *dom)
{
	return container_of(dom, struct coot_domain, domain);
}

static struct iommu_domain *coot_domain_alloc_paging(struct device *dev)
{
	struct coot_domain *cdom;

	cdom = kzalloc(sizeof(*cdom), GFP_KERNEL);
	if (!cdom)
		return ERR_PTR(-ENOMEM);
	cdom->domain.pgsize_bitmap = SZ_4K;
	return &cdom->domain;
}

static void coot_domain_free(struct iommu_domain *domain)
{
	kfree(to_coot_domain(domain));
}

static int coot_attach_dev(struct iommu_domain *domain, struct device *dev)
{
	struct coot_domain *cdom = to_coot_domain(domain);
	struct coot_iommu *ciommu = dev_iommu_priv_get(dev);

	if (!ciommu)
		return -ENODEV;

	if (!cdom->pgt) {
		cdom->pgt = dma_alloc_coherent(ciommu->dev, SZ_4K,
					       &cdom->pgt_dma, GFP_KERNEL);
		if (!cdom->pgt)
			return -ENOMEM;
	}

	writel(lower_32_bits(cdom->pgt_dma), ciommu->base + COOT_PGT_BASE);
	return 0;
}

static const struct iommu_ops coot_iommu_ops = {
	.domain_alloc_paging	= coot_domain_alloc_paging,
	.device_group		= generic_single_device_group,
	.default_domain_ops = &(const struct iommu_domain_ops) {
		.attach_dev	= coot_attach_dev,
		.free		= coot_domain_free,
	}
};

static int coot_iommu_probe(struct platform_device *pdev)
{
	struct coot_iommu *ciommu;

	ciommu = devm_kzalloc(&pdev->dev, sizeof(*ciommu), GFP_KERNEL);
	if (!ciommu)
		return -ENOMEM;

	ciommu->dev = &pdev->dev;
	ciommu->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(ciommu->base))
		return PTR_ERR(ciommu->base);

	platform_set_drvdata(pdev, ciommu);
	return iommu_device_register(&ciommu->iommu, &coot_iommu_ops,
				     &pdev->dev);
}

static struct platform_driver coot_iommu_driver = {
	.driver	= { .name = "coot-iommu" },
	.probe	= coot_iommu_probe,
};
module_platform_driver(coot_iommu_driver);
MODULE_LICENSE("GPL");
