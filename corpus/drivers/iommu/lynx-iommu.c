// SPDX-License-Identifier: GPL-2.0-only
/*
 * iommu-pgsize corpus: Lynx System MMU.
 *
 * Pattern (f): a legacy domain_alloc(unsigned type) that switches on
 * IOMMU_DOMAIN_UNMANAGED / DMA / IDENTITY instead of domain_alloc_paging(),
 * with page sizes built from shifted int constants (LYNX_SECT_SIZE |
 * LYNX_LPAGE_SIZE | LYNX_SPAGE_SIZE). The default_domain_ops point at a
 * NAMED iommu_domain_ops object, and a static PLATFORM domain is hung on
 * .default_domain.
 *
 * Modelled on: drivers/iommu/exynos-iommu.c and omap-iommu.c as of 6.1, plus
 * fsl_pamu_domain.c's platform default domain.
 */

#include <linux/err.h>
#include <linux/io.h>
#include <linux/iommu.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

#define LYNX_SECT_ORDER		20
#define LYNX_LPAGE_ORDER	16
#define LYNX_SPAGE_ORDER	12

#define LYNX_SECT_SIZE		(1 << LYNX_SECT_ORDER)
#define LYNX_LPAGE_SIZE		(1 << LYNX_LPAGE_ORDER)
#define LYNX_SPAGE_SIZE		(1 << LYNX_SPAGE_ORDER)

#define NUM_LV1ENTRIES		4096
#define REG_MMU_CTRL		0x000
#define REG_PT_BASE_ADDR	0x014
#define CTRL_ENABLE		0x5
#define CTRL_BYPASS		0x1

struct lynx_mmu {
	struct device		*dev;
	void __iomem		*sfrbase;
	struct iommu_device	iommu;
};

struct lynx_domain {
	u32			*pgtable;	/* lv1 page table */
	bool			bypass;
	spinlock_t		lock;		/* page table lock */
	struct iommu_domain	domain;
};

static struct lynx_domain *to_lynx_domain(struct iommu_domain *dom)
{
	return container_of(dom, struct lynx_domain, domain);
}

static struct iommu_domain *lynx_domain_alloc(unsigned int type)
{
	struct lynx_domain *ldom;

	switch (type) {
	case IOMMU_DOMAIN_UNMANAGED:
	case IOMMU_DOMAIN_DMA:
	case IOMMU_DOMAIN_IDENTITY:
		break;
	default:
		return NULL;
	}

	ldom = kzalloc(sizeof(*ldom), GFP_KERNEL);
	if (!ldom)
		return NULL;

	spin_lock_init(&ldom->lock);
	if (type == IOMMU_DOMAIN_IDENTITY) {
		ldom->bypass = true;
		return &ldom->domain;
	}

	ldom->pgtable = kcalloc(NUM_LV1ENTRIES, sizeof(u32), GFP_KERNEL);
	if (!ldom->pgtable)
		goto err_pgtable;

	ldom->domain.geometry.aperture_start = 0;
	ldom->domain.geometry.aperture_end   = ~0UL;
	ldom->domain.geometry.force_aperture = true;
	return &ldom->domain;

err_pgtable:
	kfree(ldom);
	return NULL;
}

static void lynx_domain_free(struct iommu_domain *domain)
{
	struct lynx_domain *ldom = to_lynx_domain(domain);

	kfree(ldom->pgtable);
	kfree(ldom);
}

static int lynx_attach_device(struct iommu_domain *domain, struct device *dev)
{
	struct lynx_domain *ldom = to_lynx_domain(domain);
	struct lynx_mmu *data = dev_iommu_priv_get(dev);
	unsigned long flags;

	if (!data)
		return -ENODEV;

	spin_lock_irqsave(&ldom->lock, flags);
	if (ldom->bypass) {
		writel(CTRL_BYPASS, data->sfrbase + REG_MMU_CTRL);
	} else {
		writel((u32)(uintptr_t)ldom->pgtable,
		       data->sfrbase + REG_PT_BASE_ADDR);
		writel(CTRL_ENABLE, data->sfrbase + REG_MMU_CTRL);
	}
	spin_unlock_irqrestore(&ldom->lock, flags);
	return 0;
}

static const struct iommu_domain_ops lynx_domain_ops = {
	.attach_dev	= lynx_attach_device,
	.free		= lynx_domain_free,
};

static int lynx_platform_attach(struct iommu_domain *platform_domain,
				struct device *dev)
{
	/* The firmware set the MMU up; leave it alone. */
	return 0;
}

static const struct iommu_domain_ops lynx_platform_ops = {
	.attach_dev = lynx_platform_attach,
};

static struct iommu_domain lynx_platform_domain = {
	.type = IOMMU_DOMAIN_PLATFORM,
	.ops = &lynx_platform_ops,
};

static struct iommu_device *lynx_probe_device(struct device *dev)
{
	struct lynx_mmu *data = dev_iommu_priv_get(dev);

	if (!data)
		return ERR_PTR(-ENODEV);

	return &data->iommu;
}

static const struct iommu_ops lynx_iommu_ops = {
	.default_domain = &lynx_platform_domain,
	.domain_alloc = lynx_domain_alloc,
	.device_group = generic_device_group,
	.probe_device = lynx_probe_device,
	.pgsize_bitmap = LYNX_SECT_SIZE | LYNX_LPAGE_SIZE | LYNX_SPAGE_SIZE,
	.default_domain_ops = &lynx_domain_ops,
};

static int lynx_mmu_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct lynx_mmu *data;

	data = devm_kzalloc(dev, sizeof(*data), GFP_KERNEL);
	if (!data)
		return -ENOMEM;

	data->dev = dev;
	data->sfrbase = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(data->sfrbase))
		return PTR_ERR(data->sfrbase);

	platform_set_drvdata(pdev, data);
	return iommu_device_register(&data->iommu, &lynx_iommu_ops, dev);
}

static struct platform_driver lynx_mmu_driver = {
	.probe	= lynx_mmu_probe,
	.driver	= {
		.name		= "lynx-mmu",
	}
};
module_platform_driver(lynx_mmu_driver);
MODULE_LICENSE("GPL v2");
