// SPDX-License-Identifier: GPL-2.0-only
/*
 * iommu-pgsize corpus: Merlin SMMU.
 *
 * Pattern (b), migratable: a NON-const ops object (declared early, then
 * defined) starts at -1UL ("restricted during device attach"), and probe
 * merges every instance's sizes into it with an if/else of = and |=.
 * Nothing else reads the ops member. Given a device, the allocator
 * finalises the domain at once through io-pgtable from that device's
 * instance (as arm-smmu-v3 and apple-dart do); attach finalises the
 * others, copies the page table's answer back and refuses another
 * instance. Unlike kite-smmu (finalised at attach only), its domains have
 * page sizes before the core maps direct regions into them.
 *
 * Modelled on: drivers/iommu/arm/arm-smmu-v3/arm-smmu-v3.c.
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

#define MERLIN_SMMU_GR0_ID2		0x28
#define MERLIN_SMMU_ID2_PTFS_4K		BIT(12)
#define MERLIN_SMMU_ID2_PTFS_16K		BIT(13)
#define MERLIN_SMMU_ID2_PTFS_64K		BIT(14)

static struct iommu_ops merlin_smmu_ops;

struct merlin_smmu_device {
	struct device			*dev;
	void __iomem			*base;
	u32				id2;
	unsigned long			pgsize_bitmap;
	struct iommu_device		iommu;
};

struct merlin_smmu_domain {
	struct merlin_smmu_device		*smmu;
	struct io_pgtable_ops		*pgtbl_ops;
	struct mutex			init_mutex; /* Protects smmu */
	struct iommu_domain		domain;
};

static struct merlin_smmu_domain *to_merlin_domain(struct iommu_domain *dom)
{
	return container_of(dom, struct merlin_smmu_domain, domain);
}

static int merlin_smmu_init_domain_context(struct merlin_smmu_domain *mdom,
					 struct merlin_smmu_device *smmu)
{
	struct iommu_domain *domain = &mdom->domain;
	struct io_pgtable_ops *pgtbl_ops;
	struct io_pgtable_cfg pgtbl_cfg;
	int ret = 0;

	mutex_lock(&mdom->init_mutex);
	if (mdom->smmu)
		goto out_unlock;

	pgtbl_cfg = (struct io_pgtable_cfg) {
		.pgsize_bitmap	= smmu->pgsize_bitmap,
		.ias		= 48,
		.oas		= 48,
		.iommu_dev	= smmu->dev,
	};

	mdom->smmu = smmu;
	pgtbl_ops = alloc_io_pgtable_ops(ARM_64_LPAE_S1, &pgtbl_cfg, mdom);
	if (!pgtbl_ops) {
		ret = -ENOMEM;
		goto out_clear_smmu;
	}

	/* Update the domain's page sizes to reflect the page table format */
	domain->pgsize_bitmap = pgtbl_cfg.pgsize_bitmap;
	domain->geometry.aperture_end = (1UL << pgtbl_cfg.ias) - 1;
	domain->geometry.force_aperture = true;

	mdom->pgtbl_ops = pgtbl_ops;
	mutex_unlock(&mdom->init_mutex);
	return 0;

out_clear_smmu:
	mdom->smmu = NULL;
out_unlock:
	mutex_unlock(&mdom->init_mutex);
	return ret;
}

static struct iommu_domain *merlin_smmu_domain_alloc_paging(struct device *dev)
{
	struct merlin_smmu_domain *mdom;
	int ret;

	mdom = kzalloc(sizeof(*mdom), GFP_KERNEL);
	if (!mdom)
		return NULL;

	mutex_init(&mdom->init_mutex);
	/* Given its device, the domain is finalised from that SMMU now. */
	if (dev) {
		ret = merlin_smmu_init_domain_context(mdom,
						      dev_iommu_priv_get(dev));
		if (ret) {
			kfree(mdom);
			return ERR_PTR(ret);
		}
	}
	return &mdom->domain;
}

static void merlin_smmu_domain_free(struct iommu_domain *domain)
{
	struct merlin_smmu_domain *mdom = to_merlin_domain(domain);

	free_io_pgtable_ops(mdom->pgtbl_ops);
	kfree(mdom);
}

static int merlin_smmu_attach_dev(struct iommu_domain *domain,
				struct device *dev)
{
	struct merlin_smmu_domain *mdom = to_merlin_domain(domain);
	struct merlin_smmu_device *smmu = dev_iommu_priv_get(dev);
	int ret;

	ret = merlin_smmu_init_domain_context(mdom, smmu);
	if (ret < 0)
		return ret;

	/* Domains cannot span SMMUs */
	if (mdom->smmu != smmu)
		return -EINVAL;
	return 0;
}

static void merlin_smmu_device_cfg_probe(struct merlin_smmu_device *smmu)
{
	smmu->id2 = readl(smmu->base + MERLIN_SMMU_GR0_ID2);

	if (smmu->id2 & MERLIN_SMMU_ID2_PTFS_4K)
		smmu->pgsize_bitmap |= SZ_4K | SZ_2M | SZ_1G;
	if (smmu->id2 & MERLIN_SMMU_ID2_PTFS_16K)
		smmu->pgsize_bitmap |= SZ_16K | SZ_32M;
	if (smmu->id2 & MERLIN_SMMU_ID2_PTFS_64K)
		smmu->pgsize_bitmap |= SZ_64K | SZ_512M;

	if (merlin_smmu_ops.pgsize_bitmap == -1UL)
		merlin_smmu_ops.pgsize_bitmap = smmu->pgsize_bitmap;
	else
		merlin_smmu_ops.pgsize_bitmap |= smmu->pgsize_bitmap;
	dev_notice(smmu->dev, "\tSupported page sizes: 0x%08lx\n",
		   smmu->pgsize_bitmap);
}

static struct iommu_device *merlin_smmu_probe_device(struct device *dev)
{
	struct merlin_smmu_device *smmu = dev_iommu_priv_get(dev);

	return smmu ? &smmu->iommu : ERR_PTR(-ENODEV);
}

static struct iommu_ops merlin_smmu_ops = {
	.domain_alloc_paging	= merlin_smmu_domain_alloc_paging,
	.probe_device		= merlin_smmu_probe_device,
	.device_group		= generic_device_group,
	.pgsize_bitmap		= -1UL, /* Restricted during device attach */
	.owner			= THIS_MODULE,
	.default_domain_ops = &(const struct iommu_domain_ops) {
		.attach_dev		= merlin_smmu_attach_dev,
		.free			= merlin_smmu_domain_free,
	}
};

static int merlin_smmu_device_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct merlin_smmu_device *smmu;

	smmu = devm_kzalloc(dev, sizeof(*smmu), GFP_KERNEL);
	if (!smmu)
		return -ENOMEM;

	smmu->dev = dev;
	smmu->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(smmu->base))
		return PTR_ERR(smmu->base);

	merlin_smmu_device_cfg_probe(smmu);
	platform_set_drvdata(pdev, smmu);
	return iommu_device_register(&smmu->iommu, &merlin_smmu_ops, dev);
}

static struct platform_driver merlin_smmu_driver = {
	.driver	= { .name = "merlin-smmu" },
	.probe	= merlin_smmu_device_probe,
};
module_platform_driver(merlin_smmu_driver);
MODULE_LICENSE("GPL v2");
