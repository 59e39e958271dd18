// SPDX-License-Identifier: GPL-2.0-only
/*
 * iommu-pgsize corpus: Avocet SMMU.
 *
 * Verdicts: domain-init "fallback" on ONE branch: domain_alloc_paging() and
 * domain_alloc_user() size the domain in avocet_domain_finalise(), but the
 * AVOCET_ALLOC_NEST_PARENT branch of domain_alloc_user() returns before it.
 * attach-instance "bound": the domain records its SMMU at allocation and
 * attach refuses any other SMMU. pgsize-format "n/a" (no io-pgtable).
 *
 * Resembles: drivers/iommu/arm/arm-smmu-v3/arm-smmu-v3.c
 * (arm_smmu_domain_alloc_user with IOMMU_HWPT_ALLOC_NEST_PARENT), plus an
 * early return that the real driver does not have.
 */

#include <linux/bitops.h>
#include <linux/err.h>
#include <linux/io.h>
#include <linux/iommu.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/sizes.h>
#include <linux/slab.h>

/* Stands for IOMMU_HWPT_ALLOC_NEST_PARENT (include/uapi/linux/iommufd.h) */
#define AVOCET_ALLOC_NEST_PARENT	BIT(0)
#define AVOCET_IDR5_GRAN4K		BIT(4)
#define AVOCET_STE_CFG			0x40

struct avocet_device {
	void __iomem		*base;
	unsigned long		pgsizes;
	struct iommu_device	iommu;
};

struct avocet_domain {
	struct avocet_device	*smmu;
	bool			nest_parent;
	struct iommu_domain	domain;
};

static void avocet_domain_finalise(struct avocet_domain *adom)
{
	adom->domain.pgsize_bitmap = adom->smmu->pgsizes;
	adom->domain.geometry.aperture_end = (1ULL << 48) - 1;
}

static struct avocet_domain *avocet_domain_alloc(struct device *dev)
{
	struct avocet_device *smmu = dev_iommu_priv_get(dev);
	struct avocet_domain *adom;

	if (!smmu)
		return ERR_PTR(-ENODEV);
	adom = kzalloc(sizeof(*adom), GFP_KERNEL);
	if (!adom)
		return ERR_PTR(-ENOMEM);
	adom->smmu = smmu;
	return adom;
}

static struct iommu_domain *avocet_domain_alloc_paging(struct device *dev)
{
	struct avocet_domain *adom = avocet_domain_alloc(dev);

	if (IS_ERR(adom))
		return ERR_CAST(adom);
	avocet_domain_finalise(adom);
	return &adom->domain;
}

static struct iommu_domain *
avocet_domain_alloc_user(struct device *dev, u32 flags,
			 struct iommu_domain *parent,
			 const struct iommu_user_data *user_data)
{
	struct avocet_domain *adom;

	if (parent || user_data || (flags & ~AVOCET_ALLOC_NEST_PARENT))
		return ERR_PTR(-EOPNOTSUPP);
	adom = avocet_domain_alloc(dev);
	if (IS_ERR(adom))
		return ERR_CAST(adom);

	if (flags & AVOCET_ALLOC_NEST_PARENT) {
		/* Stage 2 for nesting: returned before it is finalised */
		adom->nest_parent = true;
		return &adom->domain;
	}

	avocet_domain_finalise(adom);
	return &adom->domain;
}

static void avocet_domain_free(struct iommu_domain *domain)
{
	kfree(container_of(domain, struct avocet_domain, domain));
}

static int avocet_attach_dev(struct iommu_domain *domain, struct device *dev)
{
	struct avocet_domain *adom =
		container_of(domain, struct avocet_domain, domain);
	struct avocet_device *smmu = dev_iommu_priv_get(dev);

	/* The domain was sized for the SMMU it was allocated on */
	if (adom->smmu != smmu)
		return -EINVAL;

	writel(adom->nest_parent ? 2 : 1, smmu->base + AVOCET_STE_CFG);
	return 0;
}

static const struct iommu_ops avocet_ops = {
	.domain_alloc_user	= avocet_domain_alloc_user,
	.domain_alloc_paging	= avocet_domain_alloc_paging,
	.pgsize_bitmap		= -1UL, /* Restricted per SMMU at probe */
	.default_domain_ops = &(const struct iommu_domain_ops) {
		.attach_dev	= avocet_attach_dev,
		.free		= avocet_domain_free,
	}
};

static int avocet_probe(struct platform_device *pdev)
{
	struct avocet_device *smmu;

	smmu = devm_kzalloc(&pdev->dev, sizeof(*smmu), GFP_KERNEL);
	if (!smmu)
		return -ENOMEM;

	smmu->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(smmu->base))
		return PTR_ERR(smmu->base);

	if (readl(smmu->base) & AVOCET_IDR5_GRAN4K)
		smmu->pgsizes = SZ_4K | SZ_2M | SZ_1G;
	else
		smmu->pgsizes = SZ_64K | SZ_512M;

	platform_set_drvdata(pdev, smmu);
	return iommu_device_register(&smmu->iommu, &avocet_ops, &pdev->dev);
}

static struct platform_driver avocet_driver = {
	.driver	= { .name = "avocet-smmu" },
	.probe	= avocet_probe,
};
module_platform_driver(avocet_driver);
MODULE_LICENSE("GPL v2");
