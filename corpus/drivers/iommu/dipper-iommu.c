// SPDX-License-Identifier: GPL-2.0
/*
 * iommu-pgsize corpus: Dipper IOMMU.
 *
 * Verdicts: attach-binding "checked". Like Auk, the first attach records
 * its instance in the domain, but a device behind another instance is
 * refused (-EINVAL) before the recorded instance's registers are
 * programmed. attach-instance "bound" (the same guard), domain-init "sets".
 *
 * Resembles: drivers that remember the first IOMMU and refuse the others.
 */

#include <linux/bitops.h>
#include <linux/err.h>
#include <linux/io.h>
#include <linux/iommu.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/platform_device.h>
#include <linux/sizes.h>
#include <linux/slab.h>

#define DIPPER_CTRL		0x00
#define DIPPER_CTRL_ENABLE		BIT(0)
#define DIPPER_PGT_BASE		0x08

struct dipper_iommu {
	struct device		*dev;
	void __iomem		*base;
	struct iommu_device	iommu;
};

struct dipper_domain {
	struct iommu_domain	domain;
	struct dipper_iommu	*iommu;		/* the instance it serves */
	struct mutex		lock;
	u64			*pgt;
};

static struct dipper_domain *to_dipper_domain(struct iommu_domain *dom)
{
	return container_of(dom, struct dipper_domain, domain);
}

static struct iommu_domain *dipper_domain_alloc_paging(struct device *dev)
{
	struct dipper_domain *ddom;

	ddom = kzalloc(sizeof(*ddom), GFP_KERNEL);
	if (!ddom)
		return ERR_PTR(-ENOMEM);

	ddom->pgt = kcalloc(512, sizeof(u64), GFP_KERNEL);
	if (!ddom->pgt) {
		kfree(ddom);
		return ERR_PTR(-ENOMEM);
	}
	mutex_init(&ddom->lock);
	ddom->domain.pgsize_bitmap = SZ_4K;
	return &ddom->domain;
}

static void dipper_domain_free(struct iommu_domain *domain)
{
	struct dipper_domain *ddom = to_dipper_domain(domain);

	kfree(ddom->pgt);
	kfree(ddom);
}

static int dipper_attach_dev(struct iommu_domain *domain, struct device *dev)
{
	struct dipper_domain *ddom = to_dipper_domain(domain);
	struct dipper_iommu *iommu = dev_iommu_priv_get(dev);

	if (!iommu)
		return -ENODEV;

	mutex_lock(&ddom->lock);
	if (!ddom->iommu)
		ddom->iommu = iommu;
	/* Its table base is in that instance's registers only */
	if (ddom->iommu != iommu) {
		mutex_unlock(&ddom->lock);
		return -EINVAL;
	}
	mutex_unlock(&ddom->lock);

	writeq(virt_to_phys(ddom->pgt), ddom->iommu->base + DIPPER_PGT_BASE);
	writel(DIPPER_CTRL_ENABLE, iommu->base + DIPPER_CTRL);
	return 0;
}

static const struct iommu_ops dipper_iommu_ops = {
	.domain_alloc_paging	= dipper_domain_alloc_paging,
	.device_group		= generic_single_device_group,
	.default_domain_ops = &(const struct iommu_domain_ops) {
		.attach_dev	= dipper_attach_dev,
		.free		= dipper_domain_free,
	}
};

static int dipper_iommu_probe(struct platform_device *pdev)
{
	struct dipper_iommu *iommu;

	iommu = devm_kzalloc(&pdev->dev, sizeof(*iommu), GFP_KERNEL);
	if (!iommu)
		return -ENOMEM;

	iommu->dev = &pdev->dev;
	iommu->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(iommu->base))
		return PTR_ERR(iommu->base);

	platform_set_drvdata(pdev, iommu);
	return iommu_device_register(&iommu->iommu, &dipper_iommu_ops,
				     &pdev->dev);
}

static struct platform_driver dipper_iommu_driver = {
	.driver	= { .name = "dipper-iommu" },
	.probe	= dipper_iommu_probe,
};
module_platform_driver(dipper_iommu_driver);
MODULE_LICENSE("GPL");
