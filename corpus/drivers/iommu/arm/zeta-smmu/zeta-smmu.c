// SPDX-License-Identifier: GPL-2.0-only
/*
 * iommu-pgsize corpus: Zeta SMMU.
 *
 * Pattern (b): run-time merge of per-instance page sizes into a NON-const
 * struct iommu_ops that starts as -1UL ("restricted during device attach"):
 * compare, write and |= on zeta_smmu_ops.pgsize_bitmap in the probe path.
 * The domain is finalised at its first attach from an io_pgtable_cfg built
 * from the instance's own bitmap, and the page table's answer is copied back
 * into domain->pgsize_bitmap.
 *
 * Modelled on: drivers/iommu/arm/arm-smmu/arm-smmu.c.
 */

#include <linux/bitops.h>
#include <linux/err.h>
#include <linux/io-pgtable.h>
#include <linux/io.h>
#include <linux/iommu.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/platform_device.h>
#include <linux/sizes.h>
#include <linux/slab.h>

#define ZETA_SMMU_GR0_ID2		0x28

static struct iommu_ops zeta_smmu_ops;

struct zeta_smmu_device {
	struct device			*dev;
	void __iomem			*base;
	unsigned long			features;
#define ZETA_SMMU_FEAT_FMT_AARCH64_4K	BIT(12)
#define ZETA_SMMU_FEAT_FMT_AARCH64_16K	BIT(13)
#define ZETA_SMMU_FEAT_FMT_AARCH64_64K	BIT(14)
#define ZETA_SMMU_FEAT_FMT_AARCH32_S	BIT(15)
	unsigned long			pgsize_bitmap;
	struct iommu_device		iommu;
};

struct zeta_smmu_domain {
	struct zeta_smmu_device		*smmu;
	struct io_pgtable_ops		*pgtbl_ops;
	struct mutex			init_mutex; /* Protects smmu */
	struct iommu_domain		domain;
};

static struct zeta_smmu_domain *to_smmu_domain(struct iommu_domain *dom)
{
	return container_of(dom, struct zeta_smmu_domain, domain);
}

static int zeta_smmu_init_domain_context(struct zeta_smmu_domain *smmu_domain,
					 struct zeta_smmu_device *smmu)
{
	struct iommu_domain *domain = &smmu_domain->domain;
	struct io_pgtable_ops *pgtbl_ops;
	struct io_pgtable_cfg pgtbl_cfg;
	int ret = 0;

	mutex_lock(&smmu_domain->init_mutex);
	if (smmu_domain->smmu)
		goto out_unlock;

	pgtbl_cfg = (struct io_pgtable_cfg) {
		.pgsize_bitmap	= smmu->pgsize_bitmap,
		.ias		= 48,
		.oas		= 48,
		.iommu_dev	= smmu->dev,
	};

	smmu_domain->smmu = smmu;
	pgtbl_ops = alloc_io_pgtable_ops(ARM_64_LPAE_S1, &pgtbl_cfg,
					 smmu_domain);
	if (!pgtbl_ops) {
		ret = -ENOMEM;
		goto out_clear_smmu;
	}

	/* Update the domain's page sizes to reflect the page table format */
	domain->pgsize_bitmap = pgtbl_cfg.pgsize_bitmap;
	domain->geometry.aperture_end = (1UL << pgtbl_cfg.ias) - 1;
	domain->geometry.force_aperture = true;

	smmu_domain->pgtbl_ops = pgtbl_ops;
	mutex_unlock(&smmu_domain->init_mutex);
	return 0;

out_clear_smmu:
	smmu_domain->smmu = NULL;
out_unlock:
	mutex_unlock(&smmu_domain->init_mutex);
	return ret;
}

static struct iommu_domain *zeta_smmu_domain_alloc_paging(struct device *dev)
{
	struct zeta_smmu_domain *smmu_domain;

	smmu_domain = kzalloc(sizeof(*smmu_domain), GFP_KERNEL);
	if (!smmu_domain)
		return NULL;

	mutex_init(&smmu_domain->init_mutex);
	return &smmu_domain->domain;
}

static void zeta_smmu_domain_free(struct iommu_domain *domain)
{
	struct zeta_smmu_domain *smmu_domain = to_smmu_domain(domain);

	free_io_pgtable_ops(smmu_domain->pgtbl_ops);
	kfree(smmu_domain);
}

static int zeta_smmu_attach_dev(struct iommu_domain *domain,
				struct device *dev)
{
	struct zeta_smmu_domain *smmu_domain = to_smmu_domain(domain);
	struct zeta_smmu_device *smmu = dev_iommu_priv_get(dev);
	int ret;

	ret = zeta_smmu_init_domain_context(smmu_domain, smmu);
	if (ret < 0)
		return ret;

	/* A domain belongs to the SMMU that first attached it */
	if (smmu_domain->smmu != smmu)
		return -EINVAL;
	return 0;
}

static void zeta_smmu_device_cfg_probe(struct zeta_smmu_device *smmu)
{
	smmu->features = readl(smmu->base + ZETA_SMMU_GR0_ID2);

	/* Now we've corralled the various formats, what'll it do? */
	if (smmu->features & ZETA_SMMU_FEAT_FMT_AARCH32_S)
		smmu->pgsize_bitmap |= SZ_4K | SZ_64K | SZ_1M | SZ_16M;
	if (smmu->features & ZETA_SMMU_FEAT_FMT_AARCH64_4K)
		smmu->pgsize_bitmap |= SZ_4K | SZ_2M | SZ_1G;
	if (smmu->features & ZETA_SMMU_FEAT_FMT_AARCH64_16K)
		smmu->pgsize_bitmap |= SZ_16K | SZ_32M;
	if (smmu->features & ZETA_SMMU_FEAT_FMT_AARCH64_64K)
		smmu->pgsize_bitmap |= SZ_64K | SZ_512M;

	if (zeta_smmu_ops.pgsize_bitmap == -1UL)
		zeta_smmu_ops.pgsize_bitmap = smmu->pgsize_bitmap;
	else
		zeta_smmu_ops.pgsize_bitmap |= smmu->pgsize_bitmap;
	dev_notice(smmu->dev, "\tSupported page sizes: 0x%08lx of 0x%08lx\n",
		   smmu->pgsize_bitmap, zeta_smmu_ops.pgsize_bitmap);
}

static struct iommu_device *zeta_smmu_probe_device(struct device *dev)
{
	struct zeta_smmu_device *smmu = dev_iommu_priv_get(dev);

	return smmu ? &smmu->iommu : ERR_PTR(-ENODEV);
}

static struct iommu_ops zeta_smmu_ops = {
	.domain_alloc_paging	= zeta_smmu_domain_alloc_paging,
	.probe_device		= zeta_smmu_probe_device,
	.device_group		= generic_device_group,
	.pgsize_bitmap		= -1UL, /* Restricted during device attach */
	.owner			= THIS_MODULE,
	.default_domain_ops = &(const struct iommu_domain_ops) {
		.attach_dev		= zeta_smmu_attach_dev,
		.free			= zeta_smmu_domain_free,
	}
};

static int zeta_smmu_device_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct zeta_smmu_device *smmu;

	smmu = devm_kzalloc(dev, sizeof(*smmu), GFP_KERNEL);
	if (!smmu)
		return -ENOMEM;

	smmu->dev = dev;
	smmu->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(smmu->base))
		return PTR_ERR(smmu->base);

	zeta_smmu_device_cfg_probe(smmu);
	platform_set_drvdata(pdev, smmu);
	return iommu_device_register(&smmu->iommu, &zeta_smmu_ops, dev);
}

static struct platform_driver zeta_smmu_driver = {
	.driver	= { .name = "zeta-smmu" },
	.probe	= zeta_smmu_device_probe,
};
module_platform_driver(zeta_smmu_driver);
MODULE_LICENSE("GPL v2");
