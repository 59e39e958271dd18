// SPDX-License-Identifier: GPL-2.0-only
/*
 * iommu-pgsize corpus: Kite SMMU.
 *
 * Pattern (b), migratable: a NON-const ops object (declared early, then
 * defined) starts at -1UL ("restricted during device attach"), and probe
 * merges every instance's sizes into it with an if/else of = and |=.
 * Nothing else reads the ops member. Given a device, the allocator
 * finalises the domain at once through io-pgtable from that device's
 * instance (as arm-smmu-v3 and apple-dart do); attach finalises the
 * others, copies the page table's answer back and refuses another
 * instance. Unlike heron and petrel (finalised at attach only), its domains have
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

#define KITE_SMMU_GR0_ID2		0x28
#define KITE_SMMU_ID2_PTFS_4K		BIT(12)
#define KITE_SMMU_ID2_PTFS_16K		BIT(13)
#define KITE_SMMU_ID2_PTFS_64K		BIT(14)

static struct iommu_ops kite_smmu_ops;

struct kite_smmu_device {
	struct device			*dev;
	void __iomem			*base;
	u32				id2;
	unsigned long			pgsize_bitmap;
	struct iommu_device		iommu;
};

struct kite_smmu_domain {
	struct kite_smmu_device		*smmu;
	struct io_pgtable_ops		*pgtbl_ops;
	struct mutex			init_mutex; /* Protects smmu */
	struct iommu_domain		domain;
};

static struct kite_smmu_domain *to_kite_domain(struct iommu_domain *dom)
{
	return container_of(dom, struct kite_smmu_domain, domain);
}

static int kite_smmu_init_domain_context(struct kite_smmu_domain *kdom,
					 struct kite_smmu_device *smmu)
{
	struct iommu_domain *domain = &kdom->domain;
	struct io_pgtable_ops *pgtbl_ops;
	struct io_pgtable_cfg pgtbl_cfg;
	int ret = 0;

	mutex_lock(&kdom->init_mutex);
	if (kdom->smmu)
		goto out_unlock;

	pgtbl_cfg = (struct io_pgtable_cfg) {
		.pgsize_bitmap	= smmu->pgsize_bitmap,
		.ias		= 48,
		.oas		= 48,
		.iommu_dev	= smmu->dev,
	};

	kdom->smmu = smmu;
	pgtbl_ops = alloc_io_pgtable_ops(ARM_64_LPAE_S1, &pgtbl_cfg, kdom);
	if (!pgtbl_ops) {
		ret = -ENOMEM;
		goto out_clear_smmu;
	}

	/* Update the domain's page sizes to reflect the page table format */
	domain->pgsize_bitmap = pgtbl_cfg.pgsize_bitmap;
	domain->geometry.aperture_end = (1UL << pgtbl_cfg.ias) - 1;
	domain->geometry.force_aperture = true;

	kdom->pgtbl_ops = pgtbl_ops;
	mutex_unlock(&kdom->init_mutex);
	return 0;

out_clear_smmu:
	kdom->smmu = NULL;
out_unlock:
	mutex_unlock(&kdom->init_mutex);
	return ret;
}

static struct iommu_domain *kite_smmu_domain_alloc_paging(struct device *dev)
{
	struct kite_smmu_domain *kdom;
	int ret;

	kdom = kzalloc(sizeof(*kdom), GFP_KERNEL);
	if (!kdom)
		return NULL;

	mutex_init(&kdom->init_mutex);
	/* Given its device, the domain is finalised from that SMMU now. */
	if (dev) {
		ret = kite_smmu_init_domain_context(kdom,
						      dev_iommu_priv_get(dev));
		if (ret) {
			kfree(kdom);
			return ERR_PTR(ret);
		}
	}
	return &kdom->domain;
}

static void kite_smmu_domain_free(struct iommu_domain *domain)
{
	struct kite_smmu_domain *kdom = to_kite_domain(domain);

	free_io_pgtable_ops(kdom->pgtbl_ops);
	kfree(kdom);
}

static int kite_smmu_attach_dev(struct iommu_domain *domain,
				struct device *dev)
{
	struct kite_smmu_domain *kdom = to_kite_domain(domain);
	struct kite_smmu_device *smmu = dev_iommu_priv_get(dev);
	int ret;

	ret = kite_smmu_init_domain_context(kdom, smmu);
	if (ret < 0)
		return ret;

	/* Domains cannot span SMMUs */
	if (kdom->smmu != smmu)
		return -EINVAL;
	return 0;
}

static void kite_smmu_device_cfg_probe(struct kite_smmu_device *smmu)
{
	smmu->id2 = readl(smmu->base + KITE_SMMU_GR0_ID2);

	if (smmu->id2 & KITE_SMMU_ID2_PTFS_4K)
		smmu->pgsize_bitmap |= SZ_4K | SZ_2M | SZ_1G;
	if (smmu->id2 & KITE_SMMU_ID2_PTFS_16K)
		smmu->pgsize_bitmap |= SZ_16K | SZ_32M;
	if (smmu->id2 & KITE_SMMU_ID2_PTFS_64K)
		smmu->pgsize_bitmap |= SZ_64K | SZ_512M;

	if (kite_smmu_ops.pgsize_bitmap == -1UL)
		kite_smmu_ops.pgsize_bitmap = smmu->pgsize_bitmap;
	else
		kite_smmu_ops.pgsize_bitmap |= smmu->pgsize_bitmap;
	dev_notice(smmu->dev, "\tSupported page sizes: 0x%08lx\n",
		   smmu->pgsize_bitmap);
}

static struct iommu_device *kite_smmu_probe_device(struct device *dev)
{
	struct kite_smmu_device *smmu = dev_iommu_priv_get(dev);

	return smmu ? &smmu->iommu : ERR_PTR(-ENODEV);
}

static struct iommu_ops kite_smmu_ops = {
	.domain_alloc_paging	= kite_smmu_domain_alloc_paging,
	.probe_device		= kite_smmu_probe_device,
	.device_group		= generic_device_group,
	.pgsize_bitmap		= -1UL, /* Restricted during device attach */
	.owner			= THIS_MODULE,
	.default_domain_ops = &(const struct iommu_domain_ops) {
		.attach_dev		= kite_smmu_attach_dev,
		.free			= kite_smmu_domain_free,
	}
};

static int kite_smmu_device_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct kite_smmu_device *smmu;

	smmu = devm_kzalloc(dev, sizeof(*smmu), GFP_KERNEL);
	if (!smmu)
		return -ENOMEM;

	smmu->dev = dev;
	smmu->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(smmu->base))
		return PTR_ERR(smmu->base);

	kite_smmu_device_cfg_probe(smmu);
	platform_set_drvdata(pdev, smmu);
	return iommu_device_register(&smmu->iommu, &kite_smmu_ops, dev);
}

static struct platform_driver kite_smmu_driver = {
	.driver	= { .name = "kite-smmu" },
	.probe	= kite_smmu_device_probe,
};
module_platform_driver(kite_smmu_driver);
MODULE_LICENSE("GPL v2");
