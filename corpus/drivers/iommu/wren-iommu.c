// SPDX-License-Identifier: GPL-2.0-only
/*
 * iommu-pgsize corpus: Wren IOMMU.
 *
 * Pattern (g): domain_alloc_paging(dev) plus .default_domain_ops pointing
 * at a compound literal "&(const struct iommu_domain_ops) { ... }", which
 * holds the only attach_dev of the driver.
 * Pattern (p): the driver reads the ops' page sizes through pointers:
 * ops = dev_iommu_ops(dev) then ops->pgsize_bitmap, a direct
 * dev_iommu_ops(dev)->pgsize_bitmap, and domain->owner->pgsize_bitmap.
 *
 * Modelled on: drivers/iommu/sprd-iommu.c and tegra-smmu.c; the pointer
 * reads have no 6.12 counterpart outside the core.
 */

#include <linux/bitops.h>
#include <linux/bug.h>
#include <linux/err.h>
#include <linux/io.h>
#include <linux/iommu.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/sizes.h>
#include <linux/slab.h>

#define WREN_PAGE_SIZE		SZ_4K
#define WREN_PGT_ENTRIES	1024

#define WREN_CFG		0x00
#define WREN_CFG_EN		BIT(0)
#define WREN_PGT_BASE		0x08

struct wren_iommu_device {
	struct device		*dev;
	void __iomem		*base;
	struct iommu_device	iommu;
};

struct wren_domain {
	struct iommu_domain	domain;
	struct wren_iommu_device *sdev;
	u32			*pgt;
	unsigned long		granule;
};

static struct wren_domain *to_wren_domain(struct iommu_domain *dom)
{
	return container_of(dom, struct wren_domain, domain);
}

static struct iommu_domain *wren_domain_alloc_paging(struct device *dev)
{
	const struct iommu_ops *ops = dev_iommu_ops(dev);
	struct wren_domain *dom;

	/* The table walker only handles the smallest advertised size */
	if (!(ops->pgsize_bitmap & WREN_PAGE_SIZE))
		return ERR_PTR(-EINVAL);

	dom = kzalloc(sizeof(*dom), GFP_KERNEL);
	if (!dom)
		return ERR_PTR(-ENOMEM);

	dom->pgt = kcalloc(WREN_PGT_ENTRIES, sizeof(u32), GFP_KERNEL);
	if (!dom->pgt) {
		kfree(dom);
		return ERR_PTR(-ENOMEM);
	}

	dom->granule = 1UL << __ffs(ops->pgsize_bitmap);
	dom->domain.geometry.aperture_start = 0;
	dom->domain.geometry.aperture_end = dom->granule * WREN_PGT_ENTRIES - 1;
	dom->domain.geometry.force_aperture = true;
	return &dom->domain;
}

static void wren_domain_free(struct iommu_domain *domain)
{
	struct wren_domain *dom = to_wren_domain(domain);

	kfree(dom->pgt);
	kfree(dom);
}

static int wren_attach_device(struct iommu_domain *domain, struct device *dev)
{
	struct wren_domain *dom = to_wren_domain(domain);
	struct wren_iommu_device *sdev = dev_iommu_priv_get(dev);

	if (!sdev)
		return -ENODEV;
	if (dom->sdev && dom->sdev != sdev)
		return -EINVAL;

	dev_dbg(dev, "attach, page sizes %#lx\n",
		dev_iommu_ops(dev)->pgsize_bitmap);

	dom->sdev = sdev;
	writel((u32)(uintptr_t)dom->pgt, sdev->base + WREN_PGT_BASE);
	writel(WREN_CFG_EN, sdev->base + WREN_CFG);
	return 0;
}

static int wren_map_pages(struct iommu_domain *domain, unsigned long iova,
			  phys_addr_t paddr, size_t pgsize, size_t pgcount,
			  int prot, gfp_t gfp, size_t *mapped)
{
	struct wren_domain *dom = to_wren_domain(domain);
	size_t i;

	if (WARN_ON(pgsize & ~domain->owner->pgsize_bitmap))
		return -EINVAL;

	for (i = 0; i < pgcount; i++) {
		dom->pgt[(iova / dom->granule) % WREN_PGT_ENTRIES] =
			(u32)(paddr >> 12);
		iova += pgsize;
		paddr += pgsize;
	}
	*mapped = pgsize * pgcount;
	return 0;
}

static struct iommu_device *wren_iommu_probe_device(struct device *dev)
{
	struct wren_iommu_device *sdev = dev_iommu_priv_get(dev);

	return sdev ? &sdev->iommu : ERR_PTR(-ENODEV);
}

static const struct iommu_ops wren_iommu_ops = {
	.domain_alloc_paging	= wren_domain_alloc_paging,
	.probe_device	= wren_iommu_probe_device,
	.device_group	= generic_single_device_group,
	.pgsize_bitmap	= WREN_PAGE_SIZE,
	.owner		= THIS_MODULE,
	.default_domain_ops = &(const struct iommu_domain_ops) {
		.attach_dev	= wren_attach_device,
		.map_pages	= wren_map_pages,
		.free		= wren_domain_free,
	}
};

static int wren_iommu_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct wren_iommu_device *sdev;

	sdev = devm_kzalloc(dev, sizeof(*sdev), GFP_KERNEL);
	if (!sdev)
		return -ENOMEM;

	sdev->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(sdev->base))
		return PTR_ERR(sdev->base);

	sdev->dev = dev;
	platform_set_drvdata(pdev, sdev);
	return iommu_device_register(&sdev->iommu, &wren_iommu_ops, dev);
}

static struct platform_driver wren_iommu_driver = {
	.driver	= {
		.name		= "wren-iommu",
	},
	.probe	= wren_iommu_probe,
};
module_platform_driver(wren_iommu_driver);
MODULE_LICENSE("GPL");
