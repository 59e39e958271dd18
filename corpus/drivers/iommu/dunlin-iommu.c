// SPDX-License-Identifier: GPL-2.0
/*
 * iommu-pgsize corpus: Dunlin IPMMU.
 *
 * Verdicts: pgsize-format "exceeds": the ops claim SZ_4K | SZ_64K, the
 * domain gets that constant from the core (domain-init "fallback") and hands
 * it to alloc_io_pgtable_ops(ARM_64_LPAE_S1). The granule is 4K (PAGE_SIZE),
 * so the table maps 4K/2M/1G only and SZ_64K cannot be mapped; the restricted
 * cfg is never copied back. attach-instance "bound", guard in the helper.
 *
 * Resembles: drivers/iommu/ipmmu-vmsa.c (ipmmu_domain_init_context takes
 * cfg.pgsize_bitmap from io_domain.pgsize_bitmap), with a wrong constant.
 */

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

#define DUNLIN_PGSIZES		(SZ_4K | SZ_64K)
#define DUNLIN_IMTTLBR0		0x10

struct dunlin_mmu {
	struct device		*dev;
	void __iomem		*base;
	struct iommu_device	iommu;
};

struct dunlin_domain {
	struct dunlin_mmu	*mmu;
	struct iommu_domain	io_domain;
	struct io_pgtable_cfg	cfg;
	struct io_pgtable_ops	*iop;
	struct mutex		mutex;	/* Protects mmu */
};

static struct dunlin_domain *to_dunlin_domain(struct iommu_domain *dom)
{
	return container_of(dom, struct dunlin_domain, io_domain);
}

static struct iommu_domain *dunlin_domain_alloc_paging(struct device *dev)
{
	struct dunlin_domain *domain;

	domain = kzalloc(sizeof(*domain), GFP_KERNEL);
	if (!domain)
		return NULL;
	mutex_init(&domain->mutex);
	return &domain->io_domain;
}

static void dunlin_domain_free(struct iommu_domain *io_domain)
{
	struct dunlin_domain *domain = to_dunlin_domain(io_domain);

	free_io_pgtable_ops(domain->iop);
	kfree(domain);
}

static int dunlin_domain_init_context(struct dunlin_domain *domain,
				      struct dunlin_mmu *mmu)
{
	int ret = 0;

	mutex_lock(&domain->mutex);
	if (domain->mmu) {
		/* Already set up: only the IPMMU that owns it may use it */
		if (domain->mmu != mmu)
			ret = -EINVAL;
		goto out_unlock;
	}

	domain->cfg.pgsize_bitmap = domain->io_domain.pgsize_bitmap;
	domain->cfg.ias = 32;
	domain->cfg.oas = 40;
	domain->cfg.iommu_dev = mmu->dev;

	domain->iop = alloc_io_pgtable_ops(ARM_64_LPAE_S1, &domain->cfg,
					   domain);
	if (!domain->iop) {
		ret = -EINVAL;
		goto out_unlock;
	}

	domain->mmu = mmu;
	writel(domain->cfg.arm_lpae_s1_cfg.ttbr, mmu->base + DUNLIN_IMTTLBR0);
out_unlock:
	mutex_unlock(&domain->mutex);
	return ret;
}

static int dunlin_attach_device(struct iommu_domain *io_domain,
				struct device *dev)
{
	struct dunlin_mmu *mmu = dev_iommu_priv_get(dev);

	if (!mmu)
		return -ENXIO;

	return dunlin_domain_init_context(to_dunlin_domain(io_domain), mmu);
}

static struct iommu_device *dunlin_probe_device(struct device *dev)
{
	struct dunlin_mmu *mmu = dev_iommu_priv_get(dev);

	return mmu ? &mmu->iommu : ERR_PTR(-ENODEV);
}

static const struct iommu_ops dunlin_ops = {
	.domain_alloc_paging	= dunlin_domain_alloc_paging,
	.probe_device		= dunlin_probe_device,
	.device_group		= generic_device_group,
	.pgsize_bitmap		= DUNLIN_PGSIZES,
	.default_domain_ops = &(const struct iommu_domain_ops) {
		.attach_dev	= dunlin_attach_device,
		.free		= dunlin_domain_free,
	}
};

static int dunlin_probe(struct platform_device *pdev)
{
	struct dunlin_mmu *mmu;

	mmu = devm_kzalloc(&pdev->dev, sizeof(*mmu), GFP_KERNEL);
	if (!mmu)
		return -ENOMEM;

	mmu->dev = &pdev->dev;
	mmu->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(mmu->base))
		return PTR_ERR(mmu->base);

	platform_set_drvdata(pdev, mmu);
	return iommu_device_register(&mmu->iommu, &dunlin_ops, &pdev->dev);
}

static struct platform_driver dunlin_driver = {
	.driver	= { .name = "dunlin-ipmmu" },
	.probe	= dunlin_probe,
};
module_platform_driver(dunlin_driver);
MODULE_LICENSE("GPL v2");
