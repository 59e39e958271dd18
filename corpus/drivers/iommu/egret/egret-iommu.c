// SPDX-License-Identifier: GPL-2.0-only
/*
 * iommu-pgsize corpus: Egret IOMMU.
 *
 * Pattern (o): the ops object is defined in egret-ops.h, included once,
 * below the callbacks; this file only registers it. The domain relies on the
 * core for its page sizes.
 *
 * Modelled on: drivers/iommu/sprd-iommu.c, with the ops table moved into a
 * header (no 6.12 driver does that).
 */

#include <linux/err.h>
#include <linux/io.h>
#include <linux/iommu.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

#define EGRET_EN		0x00
#define EGRET_PT_BASE		0x04
#define EGRET_PT_ENTRIES	512

struct egret_iommu {
	struct device		*dev;
	void __iomem		*base;
	struct iommu_device	iommu;
	struct mutex		lock; /* serialises attach */
};

struct egret_domain {
	struct iommu_domain	domain;
	struct egret_iommu	*eiommu;
	u64			*pt;
};

static struct egret_domain *to_egret_domain(struct iommu_domain *dom)
{
	return container_of(dom, struct egret_domain, domain);
}

static struct iommu_domain *egret_domain_alloc_paging(struct device *dev)
{
	struct egret_domain *edom;

	edom = kzalloc(sizeof(*edom), GFP_KERNEL);
	if (!edom)
		return NULL;

	edom->pt = kcalloc(EGRET_PT_ENTRIES, sizeof(u64), GFP_KERNEL);
	if (!edom->pt)
		goto err_free;

	edom->domain.geometry.aperture_end = (1ULL << 39) - 1;
	edom->domain.geometry.force_aperture = true;
	return &edom->domain;

err_free:
	kfree(edom);
	return NULL;
}

static void egret_domain_free(struct iommu_domain *domain)
{
	struct egret_domain *edom = to_egret_domain(domain);

	kfree(edom->pt);
	kfree(edom);
}

static int egret_attach_device(struct iommu_domain *domain,
			       struct device *dev)
{
	struct egret_domain *edom = to_egret_domain(domain);
	struct egret_iommu *eiommu = dev_iommu_priv_get(dev);
	int ret = 0;

	if (!eiommu)
		return -ENODEV;

	mutex_lock(&eiommu->lock);
	if (edom->eiommu && edom->eiommu != eiommu) {
		ret = -EINVAL;
		goto out_unlock;
	}
	edom->eiommu = eiommu;
	writel((u32)(uintptr_t)edom->pt, eiommu->base + EGRET_PT_BASE);
	writel(1, eiommu->base + EGRET_EN);
out_unlock:
	mutex_unlock(&eiommu->lock);
	return ret;
}

static int egret_map_pages(struct iommu_domain *domain, unsigned long iova,
			   phys_addr_t paddr, size_t pgsize, size_t pgcount,
			   int prot, gfp_t gfp, size_t *mapped)
{
	struct egret_domain *edom = to_egret_domain(domain);
	size_t i;

	for (i = 0; i < pgcount; i++) {
		edom->pt[(iova / pgsize) % EGRET_PT_ENTRIES] = paddr | prot;
		iova += pgsize;
		paddr += pgsize;
	}
	*mapped = pgsize * pgcount;
	return 0;
}

static struct iommu_device *egret_probe_device(struct device *dev)
{
	struct egret_iommu *eiommu = dev_iommu_priv_get(dev);

	return eiommu ? &eiommu->iommu : ERR_PTR(-ENODEV);
}

#include "egret-ops.h"

static int egret_iommu_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct egret_iommu *eiommu;

	eiommu = devm_kzalloc(dev, sizeof(*eiommu), GFP_KERNEL);
	if (!eiommu)
		return -ENOMEM;

	eiommu->dev = dev;
	mutex_init(&eiommu->lock);
	eiommu->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(eiommu->base))
		return PTR_ERR(eiommu->base);

	platform_set_drvdata(pdev, eiommu);
	return iommu_device_register(&eiommu->iommu, &egret_iommu_ops, dev);
}

static struct platform_driver egret_iommu_driver = {
	.driver	= {
		.name	= "egret-iommu",
	},
	.probe	= egret_iommu_probe,
};
module_platform_driver(egret_iommu_driver);
MODULE_LICENSE("GPL");
