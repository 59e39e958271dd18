// SPDX-License-Identifier: GPL-2.0
/*
 * iommu-pgsize corpus: Siskin IOMMU.
 *
 * Verdicts: attach-instance "unguarded-constant". attach_dev compares the
 * instance's current domain with THIS domain's own pointer and returns
 * -EBUSY, which looks like a guard but binds nothing: a domain attached to
 * one Siskin is attached to a second, idle one just as well, and simply
 * follows the last instance. The page sizes are the ops constant and the
 * table format is fixed, so nothing depends on the instance: informational.
 * domain-init "fallback" (the allocator leaves the sizes to the core).
 * pgsize-format "n/a".
 *
 * Resembles: drivers/iommu/sun50i-iommu.c (iommu->domain == domain in
 * sun50i_iommu_attach_device, one domain per instance).
 */

#include <linux/err.h>
#include <linux/io.h>
#include <linux/iommu.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

#define SISKIN_DT_ENTRIES	4096
#define SISKIN_TTB		0x50
#define SISKIN_ENABLE		0x54

struct siskin_iommu {
	void __iomem		*base;
	spinlock_t		lock;	/* protects domain */
	struct iommu_domain	*domain;
	struct iommu_device	iommu;
};

struct siskin_domain {
	struct iommu_domain	domain;
	struct siskin_iommu	*iommu;	/* last instance attached */
	u32			*dt;
};

static struct siskin_domain *to_siskin_domain(struct iommu_domain *dom)
{
	return container_of(dom, struct siskin_domain, domain);
}

static struct iommu_domain *siskin_domain_alloc_paging(struct device *dev)
{
	struct siskin_domain *sdom;

	sdom = kzalloc(sizeof(*sdom), GFP_KERNEL);
	if (!sdom)
		return NULL;

	sdom->dt = kcalloc(SISKIN_DT_ENTRIES, sizeof(u32), GFP_KERNEL);
	if (!sdom->dt) {
		kfree(sdom);
		return NULL;
	}

	sdom->domain.geometry.aperture_end = SZ_4G - 1;
	sdom->domain.geometry.force_aperture = true;
	return &sdom->domain;
}

static void siskin_domain_free(struct iommu_domain *domain)
{
	struct siskin_domain *sdom = to_siskin_domain(domain);

	kfree(sdom->dt);
	kfree(sdom);
}

static int siskin_attach_device(struct iommu_domain *domain,
				struct device *dev)
{
	struct siskin_domain *sdom = to_siskin_domain(domain);
	struct siskin_iommu *iommu = dev_iommu_priv_get(dev);
	unsigned long flags;
	int ret = 0;

	if (!iommu)
		return -ENODEV;

	spin_lock_irqsave(&iommu->lock, flags);
	/* Do not take the instance away from another user domain */
	if (iommu->domain && iommu->domain != domain &&
	    iommu->domain->type == IOMMU_DOMAIN_UNMANAGED) {
		ret = -EBUSY;
		goto out_unlock;
	}

	iommu->domain = domain;
	sdom->iommu = iommu;
	writel(lower_32_bits(virt_to_phys(sdom->dt)),
	       iommu->base + SISKIN_TTB);
	writel(1, iommu->base + SISKIN_ENABLE);
out_unlock:
	spin_unlock_irqrestore(&iommu->lock, flags);
	return ret;
}

static const struct iommu_ops siskin_iommu_ops = {
	.domain_alloc_paging	= siskin_domain_alloc_paging,
	.device_group		= generic_single_device_group,
	.pgsize_bitmap		= SZ_4K | SZ_1M,
	.owner			= THIS_MODULE,
	.default_domain_ops = &(const struct iommu_domain_ops) {
		.attach_dev	= siskin_attach_device,
		.free		= siskin_domain_free,
	}
};

static int siskin_iommu_probe(struct platform_device *pdev)
{
	struct siskin_iommu *iommu;

	iommu = devm_kzalloc(&pdev->dev, sizeof(*iommu), GFP_KERNEL);
	if (!iommu)
		return -ENOMEM;

	spin_lock_init(&iommu->lock);
	iommu->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(iommu->base))
		return PTR_ERR(iommu->base);

	platform_set_drvdata(pdev, iommu);
	return iommu_device_register(&iommu->iommu, &siskin_iommu_ops,
				     &pdev->dev);
}

static struct platform_driver siskin_iommu_driver = {
	.driver	= { .name = "siskin-iommu" },
	.probe	= siskin_iommu_probe,
};
module_platform_driver(siskin_iommu_driver);
MODULE_LICENSE("GPL");
