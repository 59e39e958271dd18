// SPDX-License-Identifier: GPL-2.0-only
/*
 * iommu-pgsize corpus: Shrike IOMMU (a firmware-managed Kite SMMU variant).
 *
 * Pattern (c) with a constant io-pgtable narrows: the const ops say
 * .pgsize_bitmap = SZ_4K | SZ_64K | SZ_1M | SZ_16M (the v7s sizes), yet the
 * init-domain function reads them into an io_pgtable_cfg compound literal
 * for ARM_32_LPAE_S1, which with a 4K granule keeps SZ_4K only, and copies
 * that answer back into the domain (domain->pgsize_bitmap = cfg...). The
 * allocator returns &sdom->domain without sizes; another instance is
 * refused at attach.
 *
 * Modelled on: drivers/iommu/arm/arm-smmu/qcom_iommu.c
 * (qcom_iommu_init_domain, qcom_iommu_domain_alloc_paging).
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

#define SHRIKE_CB_SCTLR		0x00
#define SHRIKE_CB_TTBR0		0x20

static const struct iommu_ops shrike_iommu_ops;

struct shrike_iommu_dev {
	struct iommu_device	iommu;
	struct device		*dev;
	void __iomem		*local_base;
};

struct shrike_iommu_domain {
	struct io_pgtable_ops	*pgtbl_ops;
	struct mutex		init_mutex; /* Protects iommu pointer */
	struct iommu_domain	domain;
	struct shrike_iommu_dev	*iommu;
};

static struct shrike_iommu_domain *to_shrike_domain(struct iommu_domain *dom)
{
	return container_of(dom, struct shrike_iommu_domain, domain);
}

static int shrike_iommu_init_domain(struct iommu_domain *domain,
				    struct shrike_iommu_dev *siommu)
{
	struct shrike_iommu_domain *sdom = to_shrike_domain(domain);
	struct io_pgtable_ops *pgtbl_ops;
	struct io_pgtable_cfg pgtbl_cfg;
	int ret = 0;

	mutex_lock(&sdom->init_mutex);
	if (sdom->iommu)
		goto out_unlock;

	pgtbl_cfg = (struct io_pgtable_cfg) {
		.pgsize_bitmap	= shrike_iommu_ops.pgsize_bitmap,
		.ias		= 32,
		.oas		= 40,
		.iommu_dev	= siommu->dev,
	};

	sdom->iommu = siommu;
	pgtbl_ops = alloc_io_pgtable_ops(ARM_32_LPAE_S1, &pgtbl_cfg, sdom);
	if (!pgtbl_ops) {
		dev_err(siommu->dev, "failed to allocate pagetable ops\n");
		ret = -ENOMEM;
		goto out_clear_iommu;
	}

	/* Update the domain's page sizes to reflect the page table format */
	domain->pgsize_bitmap = pgtbl_cfg.pgsize_bitmap;
	domain->geometry.aperture_end = (1ULL << pgtbl_cfg.ias) - 1;
	domain->geometry.force_aperture = true;

	writel(0, siommu->local_base + SHRIKE_CB_SCTLR);
	writel(0, siommu->local_base + SHRIKE_CB_TTBR0);

	/* Publish page table ops for map/unmap */
	sdom->pgtbl_ops = pgtbl_ops;
	mutex_unlock(&sdom->init_mutex);
	return 0;

out_clear_iommu:
	sdom->iommu = NULL;
out_unlock:
	mutex_unlock(&sdom->init_mutex);
	return ret;
}

static struct iommu_domain *shrike_iommu_domain_alloc_paging(struct device *dev)
{
	struct shrike_iommu_domain *sdom;

	/*
	 * Allocate the domain and initialise some of its data structures.
	 * Nothing meaningful can be done until a master is added.
	 */
	sdom = kzalloc(sizeof(*sdom), GFP_KERNEL);
	if (!sdom)
		return NULL;

	mutex_init(&sdom->init_mutex);
	return &sdom->domain;
}

static void shrike_iommu_domain_free(struct iommu_domain *domain)
{
	struct shrike_iommu_domain *sdom = to_shrike_domain(domain);

	free_io_pgtable_ops(sdom->pgtbl_ops);
	kfree(sdom);
}

static int shrike_iommu_attach_dev(struct iommu_domain *domain,
				   struct device *dev)
{
	struct shrike_iommu_dev *siommu = dev_iommu_priv_get(dev);
	struct shrike_iommu_domain *sdom = to_shrike_domain(domain);
	int ret;

	if (!siommu) {
		dev_err(dev, "cannot attach to IOMMU, is it on the same bus?\n");
		return -ENXIO;
	}

	/* Ensure that the domain is finalized */
	ret = shrike_iommu_init_domain(domain, siommu);
	if (ret < 0)
		return ret;

	/*
	 * Sanity check the domain. Domains across different IOMMUs are not
	 * supported.
	 */
	if (sdom->iommu != siommu)
		return -EINVAL;
	return 0;
}

static struct iommu_device *shrike_iommu_probe_device(struct device *dev)
{
	struct shrike_iommu_dev *siommu = dev_iommu_priv_get(dev);

	return siommu ? &siommu->iommu : ERR_PTR(-ENODEV);
}

static const struct iommu_ops shrike_iommu_ops = {
	.domain_alloc_paging = shrike_iommu_domain_alloc_paging,
	.probe_device	= shrike_iommu_probe_device,
	.device_group	= generic_device_group,
	.pgsize_bitmap	= SZ_4K | SZ_64K | SZ_1M | SZ_16M,
	.default_domain_ops = &(const struct iommu_domain_ops) {
		.attach_dev	= shrike_iommu_attach_dev,
		.free		= shrike_iommu_domain_free,
	}
};

static int shrike_iommu_probe(struct platform_device *pdev)
{
	struct shrike_iommu_dev *siommu;

	siommu = devm_kzalloc(&pdev->dev, sizeof(*siommu), GFP_KERNEL);
	if (!siommu)
		return -ENOMEM;

	siommu->dev = &pdev->dev;
	siommu->local_base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(siommu->local_base))
		return PTR_ERR(siommu->local_base);

	platform_set_drvdata(pdev, siommu);
	return iommu_device_register(&siommu->iommu, &shrike_iommu_ops,
				     &pdev->dev);
}

static struct platform_driver shrike_iommu_driver = {
	.driver	= {
		.name	= "shrike-iommu",
	},
	.probe	= shrike_iommu_probe,
};
module_platform_driver(shrike_iommu_driver);
MODULE_LICENSE("GPL v2");
