// SPDX-License-Identifier: GPL-2.0-only
/*
 * iommu-pgsize corpus: Heron IOMMU.
 *
 * Pattern (e): domain_alloc_paging() returns an empty domain; attach_dev
 * finalises it from the device's instance and refuses a device behind
 * another instance with -EINVAL. The const ops keep -1UL for ever.
 * Pattern (j): static identity and blocked domains with named
 * iommu_domain_ops, referenced from .identity_domain, .blocked_domain and
 * (the blocked one again) .release_domain.
 *
 * Modelled on: drivers/iommu/apple-dart.c (and arm-smmu-v3's lazy finalise).
 */

#include <linux/err.h>
#include <linux/io-pgtable.h>
#include <linux/io.h>
#include <linux/iommu.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

#define HERON_PARAMS1		0x00
#define HERON_PARAMS_PAGE_SHIFT	GENMASK(27, 24)
#define HERON_TCR		0x100
#define HERON_TCR_TRANSLATE	BIT(7)
#define HERON_TCR_BYPASS		BIT(8)

struct heron_iommu {
	struct device		*dev;
	void __iomem		*regs;
	unsigned long		pgsize;
	struct iommu_device	iommu;
};

struct heron_domain {
	struct io_pgtable_ops	*pgtbl_ops;
	struct heron_iommu	*heron;	/* set once finalized */
	struct mutex		init_lock;
	struct iommu_domain	domain;
};

static struct heron_domain *to_heron_domain(struct iommu_domain *dom)
{
	return container_of(dom, struct heron_domain, domain);
}

static int heron_finalize_domain(struct heron_domain *hdom,
				      struct heron_iommu *heron)
{
	struct io_pgtable_cfg pgtbl_cfg;
	int ret = 0;

	if (heron->pgsize > PAGE_SIZE)
		return -EINVAL;

	mutex_lock(&hdom->init_lock);
	if (hdom->heron) {
		/* A domain cannot span two instances */
		if (hdom->heron != heron)
			ret = -EINVAL;
		goto done;
	}

	pgtbl_cfg = (struct io_pgtable_cfg){
		.pgsize_bitmap = heron->pgsize,
		.ias = 32,
		.oas = 36,
		.coherent_walk = 1,
		.iommu_dev = heron->dev,
	};

	hdom->pgtbl_ops = alloc_io_pgtable_ops(APPLE_DART, &pgtbl_cfg,
						      &hdom->domain);
	if (!hdom->pgtbl_ops) {
		ret = -ENOMEM;
		goto done;
	}

	hdom->domain.pgsize_bitmap = pgtbl_cfg.pgsize_bitmap;
	hdom->domain.geometry.aperture_end = (1ULL << 32) - 1;
	hdom->domain.geometry.force_aperture = true;

	hdom->heron = heron;
done:
	mutex_unlock(&hdom->init_lock);
	return ret;
}

static int heron_attach_dev_paging(struct iommu_domain *domain,
					struct device *dev)
{
	struct heron_iommu *heron = dev_iommu_priv_get(dev);
	int ret;

	ret = heron_finalize_domain(to_heron_domain(domain), heron);
	if (ret)
		return ret;

	writel(HERON_TCR_TRANSLATE, heron->regs + HERON_TCR);
	return 0;
}

static int heron_attach_dev_identity(struct iommu_domain *domain,
					  struct device *dev)
{
	struct heron_iommu *heron = dev_iommu_priv_get(dev);

	writel(HERON_TCR_BYPASS, heron->regs + HERON_TCR);
	return 0;
}

static const struct iommu_domain_ops heron_identity_ops = {
	.attach_dev = heron_attach_dev_identity,
};

static struct iommu_domain heron_identity_domain = {
	.type = IOMMU_DOMAIN_IDENTITY,
	.ops = &heron_identity_ops,
};

static int heron_attach_dev_blocked(struct iommu_domain *domain,
					 struct device *dev)
{
	struct heron_iommu *heron = dev_iommu_priv_get(dev);

	writel(0, heron->regs + HERON_TCR);
	return 0;
}

static const struct iommu_domain_ops heron_blocked_ops = {
	.attach_dev = heron_attach_dev_blocked,
};

static struct iommu_domain heron_blocked_domain = {
	.type = IOMMU_DOMAIN_BLOCKED,
	.ops = &heron_blocked_ops,
};

static struct iommu_domain *heron_domain_alloc_paging(struct device *dev)
{
	struct heron_domain *hdom;

	hdom = kzalloc(sizeof(*hdom), GFP_KERNEL);
	if (!hdom)
		return NULL;

	mutex_init(&hdom->init_lock);
	return &hdom->domain;
}

static void heron_domain_free(struct iommu_domain *domain)
{
	struct heron_domain *hdom = to_heron_domain(domain);

	free_io_pgtable_ops(hdom->pgtbl_ops);
	kfree(hdom);
}

static struct iommu_device *heron_probe_device(struct device *dev)
{
	struct heron_iommu *heron = dev_iommu_priv_get(dev);

	return heron ? &heron->iommu : ERR_PTR(-ENODEV);
}

static const struct iommu_ops heron_iommu_ops = {
	.identity_domain = &heron_identity_domain,
	.blocked_domain = &heron_blocked_domain,
	.release_domain = &heron_blocked_domain,
	.domain_alloc_paging = heron_domain_alloc_paging,
	.probe_device = heron_probe_device,
	.device_group = generic_device_group,
	.pgsize_bitmap = -1UL, /* Restricted during heron probe */
	.owner = THIS_MODULE,
	.default_domain_ops = &(const struct iommu_domain_ops) {
		.attach_dev	= heron_attach_dev_paging,
		.free		= heron_domain_free,
	}
};

static int heron_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct heron_iommu *heron;

	heron = devm_kzalloc(dev, sizeof(*heron), GFP_KERNEL);
	if (!heron)
		return -ENOMEM;

	heron->dev = dev;
	heron->regs = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(heron->regs))
		return PTR_ERR(heron->regs);

	heron->pgsize = 1UL << ((readl(heron->regs + HERON_PARAMS1) &
				HERON_PARAMS_PAGE_SHIFT) >> 24);

	platform_set_drvdata(pdev, heron);
	return iommu_device_register(&heron->iommu, &heron_iommu_ops, dev);
}

static struct platform_driver heron_driver = {
	.driver	= {
		.name	= "heron-iommu",
	},
	.probe	= heron_probe,
};
module_platform_driver(heron_driver);
MODULE_LICENSE("GPL v2");
