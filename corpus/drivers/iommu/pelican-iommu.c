// SPDX-License-Identifier: GPL-2.0-only
/*
 * iommu-pgsize corpus: Pelican IOMMU, generations 1 and 2 in one driver.
 *
 * Pattern (i): two const struct iommu_ops objects in one file, one per
 * hardware generation, with different constant page sizes
 * (PELICAN_V1_PAGE_SIZE, a (1UL << 12) macro, and SZ_4K | SZ_64K | SZ_1M |
 * SZ_16M). The match data picks the ops at probe. Only v2 has an identity
 * domain.
 *
 * Modelled on: drivers/iommu/mtk_iommu_v1.c and mtk_iommu.c, folded together.
 */

#include <linux/err.h>
#include <linux/io.h>
#include <linux/iommu.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/platform_device.h>
#include <linux/sizes.h>
#include <linux/slab.h>

#define PELICAN_V1_PAGE_SHIFT	12
#define PELICAN_V1_PAGE_SIZE	(1UL << PELICAN_V1_PAGE_SHIFT)

#define REG_MMU_PT_BASE_ADDR	0x000
#define REG_MMU_CTRL		0x110
#define F_MMU_BYPASS		BIT(0)
#define F_MMU_TRANSLATE		BIT(1)

struct pelican_iommu {
	struct device		*dev;
	void __iomem		*base;
	struct iommu_device	iommu;
};

struct pelican_domain {
	struct iommu_domain	domain;
	u32			*pgt;
	struct pelican_iommu	*data;
};

static struct pelican_domain *to_pelican_domain(struct iommu_domain *dom)
{
	return container_of(dom, struct pelican_domain, domain);
}

static struct iommu_domain *pelican_domain_alloc_paging(struct device *dev)
{
	struct pelican_domain *dom;

	dom = kzalloc(sizeof(*dom), GFP_KERNEL);
	if (!dom)
		return NULL;

	dom->pgt = kzalloc(SZ_16K, GFP_KERNEL);
	if (!dom->pgt) {
		kfree(dom);
		return NULL;
	}
	return &dom->domain;
}

static void pelican_domain_free(struct iommu_domain *domain)
{
	struct pelican_domain *dom = to_pelican_domain(domain);

	kfree(dom->pgt);
	kfree(dom);
}

static int pelican_attach(struct iommu_domain *domain, struct device *dev,
			  u32 ctrl)
{
	struct pelican_domain *dom = to_pelican_domain(domain);
	struct pelican_iommu *data = dev_iommu_priv_get(dev);

	if (!data)
		return -ENODEV;
	if (dom->data && dom->data != data)
		return -EINVAL;

	dom->data = data;
	writel((u32)(uintptr_t)dom->pgt, data->base + REG_MMU_PT_BASE_ADDR);
	writel(ctrl, data->base + REG_MMU_CTRL);
	return 0;
}

static int pelican_v1_attach_device(struct iommu_domain *domain,
				    struct device *dev)
{
	return pelican_attach(domain, dev, 0);
}

static int pelican_v2_attach_device(struct iommu_domain *domain,
				    struct device *dev)
{
	return pelican_attach(domain, dev, F_MMU_TRANSLATE);
}

static int pelican_identity_attach(struct iommu_domain *identity_domain,
				   struct device *dev)
{
	struct pelican_iommu *data = dev_iommu_priv_get(dev);

	writel(F_MMU_BYPASS, data->base + REG_MMU_CTRL);
	return 0;
}

static const struct iommu_domain_ops pelican_identity_ops = {
	.attach_dev = pelican_identity_attach,
};

static struct iommu_domain pelican_identity_domain = {
	.type = IOMMU_DOMAIN_IDENTITY,
	.ops = &pelican_identity_ops,
};

static struct iommu_device *pelican_probe_device(struct device *dev)
{
	struct pelican_iommu *data = dev_iommu_priv_get(dev);

	return data ? &data->iommu : ERR_PTR(-ENODEV);
}

static const struct iommu_ops pelican_v1_ops = {
	.domain_alloc_paging	= pelican_domain_alloc_paging,
	.probe_device		= pelican_probe_device,
	.device_group		= generic_single_device_group,
	.pgsize_bitmap		= PELICAN_V1_PAGE_SIZE,
	.owner			= THIS_MODULE,
	.default_domain_ops = &(const struct iommu_domain_ops) {
		.attach_dev	= pelican_v1_attach_device,
		.free		= pelican_domain_free,
	}
};

static const struct iommu_ops pelican_v2_ops = {
	.identity_domain	= &pelican_identity_domain,
	.domain_alloc_paging	= pelican_domain_alloc_paging,
	.probe_device		= pelican_probe_device,
	.device_group		= generic_device_group,
	.pgsize_bitmap		= SZ_4K | SZ_64K | SZ_1M | SZ_16M,
	.owner			= THIS_MODULE,
	.default_domain_ops = &(const struct iommu_domain_ops) {
		.attach_dev	= pelican_v2_attach_device,
		.free		= pelican_domain_free,
	}
};

static int pelican_iommu_probe(struct platform_device *pdev)
{
	const struct iommu_ops *ops = of_device_get_match_data(&pdev->dev);
	struct pelican_iommu *data;

	data = devm_kzalloc(&pdev->dev, sizeof(*data), GFP_KERNEL);
	if (!data)
		return -ENOMEM;

	data->dev = &pdev->dev;
	data->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(data->base))
		return PTR_ERR(data->base);

	platform_set_drvdata(pdev, data);
	return iommu_device_register(&data->iommu, ops, &pdev->dev);
}

static const struct of_device_id pelican_iommu_of_ids[] = {
	{ .compatible = "corpus,pelican-v1", .data = &pelican_v1_ops },
	{ .compatible = "corpus,pelican-v2", .data = &pelican_v2_ops },
	{}
};

static struct platform_driver pelican_iommu_driver = {
	.probe	= pelican_iommu_probe,
	.driver	= {
		.name = "pelican-iommu",
		.of_match_table = pelican_iommu_of_ids,
	}
};
module_platform_driver(pelican_iommu_driver);
MODULE_LICENSE("GPL v2");
