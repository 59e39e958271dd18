// SPDX-License-Identifier: GPL-2.0-only
/*
 * iommu-pgsize corpus: Ibis IOMMU.
 *
 * Pattern: the arm-smmu-v3 style merge of per-instance sizes, but done
 * THROUGH A POINTER: two non-const ops objects (one per bus flavour) start
 * at -1UL, and probe reaches the right one through its platform data,
 * struct iommu_ops *ops = pdata->ops, then compares, writes and |= on
 * ops->pgsize_bitmap. The instance keeps its own pgsize_bitmap (a decoy) and
 * the domain copies it when it is finalised at first attach.
 *
 * Modelled on: drivers/iommu/arm/arm-smmu-v3/arm-smmu-v3.c
 * (arm_smmu_device_hw_probe, arm_smmu_domain_finalise).
 */

#include <linux/err.h>
#include <linux/io.h>
#include <linux/iommu.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/of.h>
#include <linux/platform_device.h>
#include <linux/sizes.h>
#include <linux/slab.h>

#define IBIS_IDR5		0x14
#define IBIS_IDR5_GRAN64K	BIT(6)
#define IBIS_IDR5_GRAN16K	BIT(5)
#define IBIS_IDR5_GRAN4K	BIT(4)

struct ibis_plat_data {
	struct iommu_ops	*ops;
	const char		*name;
};

struct ibis_device {
	struct device		*dev;
	void __iomem		*base;
	unsigned long		pgsize_bitmap;
	struct iommu_device	iommu;
};

struct ibis_domain {
	struct mutex		init_mutex; /* Protects ibis pointer */
	struct ibis_device	*ibis;
	struct iommu_domain	domain;
};

static struct ibis_domain *to_ibis_domain(struct iommu_domain *dom)
{
	return container_of(dom, struct ibis_domain, domain);
}

static struct iommu_domain *ibis_domain_alloc_paging(struct device *dev)
{
	struct ibis_domain *idom;

	idom = kzalloc(sizeof(*idom), GFP_KERNEL);
	if (!idom)
		return ERR_PTR(-ENOMEM);

	mutex_init(&idom->init_mutex);
	return &idom->domain;
}

static void ibis_domain_free(struct iommu_domain *domain)
{
	kfree(to_ibis_domain(domain));
}

static int ibis_attach_dev(struct iommu_domain *domain, struct device *dev)
{
	struct ibis_domain *idom = to_ibis_domain(domain);
	struct ibis_device *ibis = dev_iommu_priv_get(dev);
	int ret = 0;

	mutex_lock(&idom->init_mutex);
	if (!idom->ibis) {
		/* Finalise: the domain takes this instance's sizes */
		idom->ibis = ibis;
		domain->pgsize_bitmap = ibis->pgsize_bitmap;
		domain->geometry.aperture_end = (1UL << 48) - 1;
	} else if (idom->ibis != ibis) {
		ret = -EINVAL;
	}
	mutex_unlock(&idom->init_mutex);
	return ret;
}

static struct iommu_device *ibis_probe_device(struct device *dev)
{
	struct ibis_device *ibis = dev_iommu_priv_get(dev);

	return ibis ? &ibis->iommu : ERR_PTR(-ENODEV);
}

static const struct iommu_domain_ops ibis_domain_ops = {
	.attach_dev	= ibis_attach_dev,
	.free		= ibis_domain_free,
};

static struct iommu_ops ibis_pcie_ops = {
	.domain_alloc_paging	= ibis_domain_alloc_paging,
	.probe_device		= ibis_probe_device,
	.device_group		= generic_device_group,
	.pgsize_bitmap		= -1UL, /* Restricted at probe */
	.default_domain_ops	= &ibis_domain_ops,
};

static struct iommu_ops ibis_platform_ops = {
	.domain_alloc_paging	= ibis_domain_alloc_paging,
	.probe_device		= ibis_probe_device,
	.device_group		= generic_single_device_group,
	.pgsize_bitmap		= -1UL, /* Restricted at probe */
	.default_domain_ops	= &ibis_domain_ops,
};

static const struct ibis_plat_data ibis_pcie_data = {
	.ops	= &ibis_pcie_ops,
	.name	= "pcie",
};

static const struct ibis_plat_data ibis_platform_data = {
	.ops	= &ibis_platform_ops,
	.name	= "platform",
};

static int ibis_device_hw_probe(struct ibis_device *ibis,
				struct iommu_ops *ops)
{
	u32 reg = readl(ibis->base + IBIS_IDR5);

	/* Page sizes */
	if (reg & IBIS_IDR5_GRAN64K)
		ibis->pgsize_bitmap |= SZ_64K | SZ_512M;
	if (reg & IBIS_IDR5_GRAN16K)
		ibis->pgsize_bitmap |= SZ_16K | SZ_32M;
	if (reg & IBIS_IDR5_GRAN4K)
		ibis->pgsize_bitmap |= SZ_4K | SZ_2M | SZ_1G;
	if (!ibis->pgsize_bitmap)
		return -ENXIO;

	if (ops->pgsize_bitmap == -1UL)
		ops->pgsize_bitmap = ibis->pgsize_bitmap;
	else
		ops->pgsize_bitmap |= ibis->pgsize_bitmap;
	return 0;
}

static int ibis_device_probe(struct platform_device *pdev)
{
	const struct ibis_plat_data *pdata;
	struct device *dev = &pdev->dev;
	struct ibis_device *ibis;
	int ret;

	pdata = of_device_get_match_data(dev);
	ibis = devm_kzalloc(dev, sizeof(*ibis), GFP_KERNEL);
	if (!ibis)
		return -ENOMEM;

	ibis->dev = dev;
	ibis->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(ibis->base))
		return PTR_ERR(ibis->base);

	ret = ibis_device_hw_probe(ibis, pdata->ops);
	if (ret)
		return ret;

	platform_set_drvdata(pdev, ibis);
	return iommu_device_register(&ibis->iommu, pdata->ops, dev);
}

static const struct of_device_id ibis_of_match[] = {
	{ .compatible = "corpus,ibis-pcie", .data = &ibis_pcie_data },
	{ .compatible = "corpus,ibis", .data = &ibis_platform_data },
	{ },
};

static struct platform_driver ibis_driver = {
	.driver	= {
		.name		= "ibis-iommu",
		.of_match_table	= ibis_of_match,
	},
	.probe	= ibis_device_probe,
};
module_platform_driver(ibis_driver);
MODULE_LICENSE("GPL v2");
