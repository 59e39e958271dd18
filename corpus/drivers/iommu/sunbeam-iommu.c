// SPDX-License-Identifier: GPL-2.0
/*
 * iommu-pgsize corpus: Sunbeam IOMMU.
 *
 * Pattern (a): the page sizes are a constant in a const struct iommu_ops
 * (.pgsize_bitmap = SZ_4K | SZ_64K) and domain_alloc_paging(dev) never sets
 * the domain's own bitmap, so __iommu_domain_alloc() copies the ops value.
 * Also a static identity domain with a named iommu_domain_ops.
 *
 * Modelled on: drivers/iommu/sun50i-iommu.c (and rockchip-iommu.c).
 */

#include <linux/device.h>
#include <linux/dma-mapping.h>
#include <linux/err.h>
#include <linux/io.h>
#include <linux/iommu.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

#define SUNBEAM_TLB_FLUSH	0x80
#define SUNBEAM_BYPASS		0x84
#define SUNBEAM_NUM_PTES	1024

struct sunbeam_iommu {
	struct iommu_device	iommu;
	struct device		*dev;
	void __iomem		*base;
	spinlock_t		iommu_lock;
	struct iommu_domain	*domain;
};

struct sunbeam_domain {
	struct iommu_domain	domain;
	u32			*pt;
	struct sunbeam_iommu	*iommu;
};

static struct sunbeam_domain *to_sunbeam_domain(struct iommu_domain *domain)
{
	return container_of(domain, struct sunbeam_domain, domain);
}

static struct iommu_domain *sunbeam_domain_alloc_paging(struct device *dev)
{
	struct sunbeam_domain *sdom;

	sdom = kzalloc(sizeof(*sdom), GFP_KERNEL);
	if (!sdom)
		return NULL;

	sdom->pt = kcalloc(SUNBEAM_NUM_PTES, sizeof(u32), GFP_KERNEL);
	if (!sdom->pt)
		goto err_free_domain;

	sdom->domain.geometry.aperture_end = DMA_BIT_MASK(32);
	sdom->domain.geometry.force_aperture = true;

	return &sdom->domain;

err_free_domain:
	kfree(sdom);
	return NULL;
}

static void sunbeam_domain_free(struct iommu_domain *domain)
{
	struct sunbeam_domain *sdom = to_sunbeam_domain(domain);

	kfree(sdom->pt);
	kfree(sdom);
}

static int sunbeam_attach_device(struct iommu_domain *domain,
				 struct device *dev)
{
	struct sunbeam_domain *sdom = to_sunbeam_domain(domain);
	struct sunbeam_iommu *iommu = dev_iommu_priv_get(dev);
	unsigned long flags;

	if (!iommu)
		return -ENODEV;

	spin_lock_irqsave(&iommu->iommu_lock, flags);
	sdom->iommu = iommu;
	iommu->domain = domain;
	writel(0, iommu->base + SUNBEAM_BYPASS);
	writel(1, iommu->base + SUNBEAM_TLB_FLUSH);
	spin_unlock_irqrestore(&iommu->iommu_lock, flags);

	return 0;
}

static int sunbeam_identity_attach(struct iommu_domain *identity_domain,
				   struct device *dev)
{
	struct sunbeam_iommu *iommu = dev_iommu_priv_get(dev);

	if (!iommu)
		return -ENODEV;

	iommu->domain = identity_domain;
	writel(1, iommu->base + SUNBEAM_BYPASS);
	return 0;
}

static const struct iommu_domain_ops sunbeam_identity_ops = {
	.attach_dev = sunbeam_identity_attach,
};

static struct iommu_domain sunbeam_identity_domain = {
	.type = IOMMU_DOMAIN_IDENTITY,
	.ops = &sunbeam_identity_ops,
};

static int sunbeam_map_pages(struct iommu_domain *domain, unsigned long iova,
			     phys_addr_t paddr, size_t pgsize, size_t pgcount,
			     int prot, gfp_t gfp, size_t *mapped)
{
	struct sunbeam_domain *sdom = to_sunbeam_domain(domain);
	size_t i;

	for (i = 0; i < pgcount; i++) {
		sdom->pt[(iova >> 12) % SUNBEAM_NUM_PTES] = (paddr >> 12) | 1;
		iova += pgsize;
		paddr += pgsize;
	}
	*mapped = pgsize * pgcount;
	return 0;
}

static int sunbeam_of_xlate(struct device *dev,
			    const struct of_phandle_args *args)
{
	struct platform_device *iommu_pdev = of_find_device_by_node(args->np);

	dev_iommu_priv_set(dev, platform_get_drvdata(iommu_pdev));
	return iommu_fwspec_add_ids(dev, args->args, 1);
}

static struct iommu_device *sunbeam_probe_device(struct device *dev)
{
	struct sunbeam_iommu *iommu = dev_iommu_priv_get(dev);

	return iommu ? &iommu->iommu : ERR_PTR(-ENODEV);
}

static const struct iommu_ops sunbeam_iommu_ops = {
	.identity_domain	= &sunbeam_identity_domain,
	.pgsize_bitmap		= SZ_4K | SZ_64K,
	.device_group		= generic_single_device_group,
	.domain_alloc_paging	= sunbeam_domain_alloc_paging,
	.of_xlate		= sunbeam_of_xlate,
	.probe_device		= sunbeam_probe_device,
	.default_domain_ops = &(const struct iommu_domain_ops) {
		.attach_dev	= sunbeam_attach_device,
		.map_pages	= sunbeam_map_pages,
		.free		= sunbeam_domain_free,
	}
};

static int sunbeam_iommu_probe(struct platform_device *pdev)
{
	struct sunbeam_iommu *iommu;

	iommu = devm_kzalloc(&pdev->dev, sizeof(*iommu), GFP_KERNEL);
	if (!iommu)
		return -ENOMEM;

	spin_lock_init(&iommu->iommu_lock);
	iommu->dev = &pdev->dev;
	iommu->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(iommu->base))
		return PTR_ERR(iommu->base);

	platform_set_drvdata(pdev, iommu);
	return iommu_device_register(&iommu->iommu, &sunbeam_iommu_ops,
				     &pdev->dev);
}

static const struct of_device_id sunbeam_iommu_dt[] = {
	{ .compatible = "corpus,sunbeam-iommu", },
	{ /* sentinel */ },
};

static struct platform_driver sunbeam_iommu_driver = {
	.driver		= {
		.name			= "sunbeam-iommu",
		.of_match_table		= sunbeam_iommu_dt,
	},
	.probe		= sunbeam_iommu_probe,
};
module_platform_driver(sunbeam_iommu_driver);

MODULE_DESCRIPTION("Sunbeam IOMMU driver (iommu-pgsize corpus)");
MODULE_LICENSE("GPL");
