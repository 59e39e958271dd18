// SPDX-License-Identifier: GPL-2.0
/*
 * iommu-pgsize corpus: Hoopoe IOMMU.
 *
 * Verdicts: attach-binding "rebinds". A domain serves one device at a
 * time: attach fails (-EBUSY) while another device still uses it, and
 * release_device lets go of it. Every attach then records the new
 * instance and programs it (hoopoe_attach_dev), so no device is ever left
 * behind the instance the record no longer names. attach-instance
 * "unguarded-constant", domain-init "sets".
 *
 * Resembles: drivers with one device per domain.
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

#define HOOPOE_CTRL		0x00
#define HOOPOE_CTRL_ENABLE	BIT(0)
#define HOOPOE_PGT_BASE		0x08

struct hoopoe_domain;

struct hoopoe_iommu {
	struct device		*dev;
	void __iomem		*base;
	struct hoopoe_domain	*cur;		/* the domain it serves */
	struct iommu_device	iommu;
};

struct hoopoe_domain {
	struct iommu_domain	domain;
	struct hoopoe_iommu	*iommu;		/* of the one device */
	struct device		*dev;
	u64			*pgt;
};

static struct hoopoe_domain *to_hoopoe_domain(struct iommu_domain *dom)
{
	return container_of(dom, struct hoopoe_domain, domain);
}

static struct iommu_domain *hoopoe_domain_alloc_paging(struct device *dev)
{
	struct hoopoe_domain *hdom;

	hdom = kzalloc(sizeof(*hdom), GFP_KERNEL);
	if (!hdom)
		return ERR_PTR(-ENOMEM);

	hdom->pgt = kcalloc(512, sizeof(u64), GFP_KERNEL);
	if (!hdom->pgt) {
		kfree(hdom);
		return ERR_PTR(-ENOMEM);
	}
	hdom->domain.pgsize_bitmap = SZ_4K;
	return &hdom->domain;
}

static void hoopoe_domain_free(struct iommu_domain *domain)
{
	struct hoopoe_domain *hdom = to_hoopoe_domain(domain);

	kfree(hdom->pgt);
	kfree(hdom);
}

static int hoopoe_attach_dev(struct iommu_domain *domain, struct device *dev)
{
	struct hoopoe_domain *hdom = to_hoopoe_domain(domain);
	struct hoopoe_iommu *iommu = dev_iommu_priv_get(dev);

	if (!iommu)
		return -ENODEV;

	/* One device at a time: the last one must have let go */
	if (hdom->dev && hdom->dev != dev)
		return -EBUSY;

	hdom->dev = dev;
	hdom->iommu = iommu;
	iommu->cur = hdom;
	writeq(virt_to_phys(hdom->pgt), hdom->iommu->base + HOOPOE_PGT_BASE);
	writel(HOOPOE_CTRL_ENABLE, hdom->iommu->base + HOOPOE_CTRL);
	return 0;
}

static void hoopoe_release_device(struct device *dev)
{
	struct hoopoe_iommu *iommu = dev_iommu_priv_get(dev);
	struct hoopoe_domain *hdom;

	if (!iommu)
		return;
	hdom = iommu->cur;
	if (hdom && hdom->dev == dev) {
		writel(0, iommu->base + HOOPOE_CTRL);
		hdom->dev = NULL;
	}
}

static const struct iommu_ops hoopoe_iommu_ops = {
	.domain_alloc_paging	= hoopoe_domain_alloc_paging,
	.release_device		= hoopoe_release_device,
	.device_group		= generic_single_device_group,
	.default_domain_ops = &(const struct iommu_domain_ops) {
		.attach_dev	= hoopoe_attach_dev,
		.free		= hoopoe_domain_free,
	}
};

static int hoopoe_iommu_probe(struct platform_device *pdev)
{
	struct hoopoe_iommu *iommu;

	iommu = devm_kzalloc(&pdev->dev, sizeof(*iommu), GFP_KERNEL);
	if (!iommu)
		return -ENOMEM;

	iommu->dev = &pdev->dev;
	iommu->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(iommu->base))
		return PTR_ERR(iommu->base);

	platform_set_drvdata(pdev, iommu);
	return iommu_device_register(&iommu->iommu, &hoopoe_iommu_ops,
				     &pdev->dev);
}

static struct platform_driver hoopoe_iommu_driver = {
	.driver	= { .name = "hoopoe-iommu" },
	.probe	= hoopoe_iommu_probe,
};
module_platform_driver(hoopoe_iommu_driver);
MODULE_LICENSE("GPL");
