// SPDX-License-Identifier: GPL-2.0
/*
 * iommu-pgsize corpus: Auk IOMMU.
 *
 * Verdicts: attach-binding "bound". The first attach records its instance
 * in the domain (auk_attach_dev, "if (!adom->iommu)"); a later attach
 * through another Auk neither fails nor records anything for it, and
 * writes the page-table base into the FIRST instance's registers, then
 * enables the second one with no table at all. attach-instance
 * "unguarded-constant" (one page size everywhere), domain-init "sets".
 *
 * Resembles: drivers whose domain remembers "the" IOMMU at first attach.
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

#define AUK_CTRL		0x00
#define AUK_CTRL_ENABLE		BIT(0)
#define AUK_PGT_BASE		0x08

struct auk_iommu {
	struct device		*dev;
	void __iomem		*base;
	struct iommu_device	iommu;
};

struct auk_domain {
	struct iommu_domain	domain;
	struct auk_iommu	*iommu;		/* the instance it serves */
	struct mutex		lock;
	u64			*pgt;
};

static struct auk_domain *to_auk_domain(struct iommu_domain *dom)
{
	return container_of(dom, struct auk_domain, domain);
}

static struct iommu_domain *auk_domain_alloc_paging(struct device *dev)
{
	struct auk_domain *adom;

	adom = kzalloc(sizeof(*adom), GFP_KERNEL);
	if (!adom)
		return ERR_PTR(-ENOMEM);

	adom->pgt = kcalloc(512, sizeof(u64), GFP_KERNEL);
	if (!adom->pgt) {
		kfree(adom);
		return ERR_PTR(-ENOMEM);
	}
	mutex_init(&adom->lock);
	adom->domain.pgsize_bitmap = SZ_4K;
	return &adom->domain;
}

static void auk_domain_free(struct iommu_domain *domain)
{
	struct auk_domain *adom = to_auk_domain(domain);

	kfree(adom->pgt);
	kfree(adom);
}

static int auk_attach_dev(struct iommu_domain *domain, struct device *dev)
{
	struct auk_domain *adom = to_auk_domain(domain);
	struct auk_iommu *iommu = dev_iommu_priv_get(dev);

	if (!iommu)
		return -ENODEV;

	mutex_lock(&adom->lock);
	if (!adom->iommu)
		adom->iommu = iommu;
	mutex_unlock(&adom->lock);

	writeq(virt_to_phys(adom->pgt), adom->iommu->base + AUK_PGT_BASE);
	writel(AUK_CTRL_ENABLE, iommu->base + AUK_CTRL);
	return 0;
}

static const struct iommu_ops auk_iommu_ops = {
	.domain_alloc_paging	= auk_domain_alloc_paging,
	.device_group		= generic_single_device_group,
	.default_domain_ops = &(const struct iommu_domain_ops) {
		.attach_dev	= auk_attach_dev,
		.free		= auk_domain_free,
	}
};

static int auk_iommu_probe(struct platform_device *pdev)
{
	struct auk_iommu *iommu;

	iommu = devm_kzalloc(&pdev->dev, sizeof(*iommu), GFP_KERNEL);
	if (!iommu)
		return -ENOMEM;

	iommu->dev = &pdev->dev;
	iommu->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(iommu->base))
		return PTR_ERR(iommu->base);

	platform_set_drvdata(pdev, iommu);
	return iommu_device_register(&iommu->iommu, &auk_iommu_ops,
				     &pdev->dev);
}

static struct platform_driver auk_iommu_driver = {
	.driver	= { .name = "auk-iommu" },
	.probe	= auk_iommu_probe,
};
module_platform_driver(auk_iommu_driver);
MODULE_LICENSE("GPL");
