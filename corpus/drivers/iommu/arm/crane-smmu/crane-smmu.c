// SPDX-License-Identifier: GPL-2.0-only
/*
 * iommu-pgsize corpus: Crane SMMU.
 *
 * Pattern (b) + (q), migrated: a NON-const ops object (declared early,
 * then defined) starts at -1UL ("restricted during device attach"), and
 * probe merges every instance's sizes into it with an if/else of = and |=.
 * Nothing else reads the ops member. domain_alloc_paging() returns an
 * empty domain: attach finds the master's cfg with dev_iommu_priv_get(),
 * refuses a device without one (-ENODEV), takes cfg->smmu and has
 * crane_smmu_init_domain_context() finalise the domain from a
 * (struct io_pgtable_cfg){...} compound literal built from the instance's
 * sizes, copying the page table's answer back into the domain; another
 * instance is refused (-EINVAL). The structs live in crane-smmu.h.
 *
 * Modelled on: drivers/iommu/arm/arm-smmu/arm-smmu.c (arm_smmu_attach_dev,
 * arm_smmu_init_domain_context, arm_smmu_device_cfg_probe) and arm-smmu.h.
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

#include "crane-smmu.h"

static struct iommu_ops crane_smmu_ops;
static struct platform_driver crane_smmu_driver;

static struct crane_smmu_domain *to_smmu_domain(struct iommu_domain *dom)
{
	return container_of(dom, struct crane_smmu_domain, domain);
}

static int crane_smmu_init_domain_context(struct crane_smmu_domain *smmu_domain,
					  struct crane_smmu_device *smmu,
					  struct device *dev)
{
	int ret = 0;
	unsigned long ias, oas;
	struct io_pgtable_ops *pgtbl_ops;
	struct io_pgtable_cfg pgtbl_cfg;
	struct iommu_domain *domain = &smmu_domain->domain;

	mutex_lock(&smmu_domain->init_mutex);
	if (smmu_domain->smmu)
		goto out_unlock;

	ias = smmu->va_size;
	oas = smmu->pa_size;
	smmu_domain->smmu = smmu;

	pgtbl_cfg = (struct io_pgtable_cfg) {
		.pgsize_bitmap	= smmu->pgsize_bitmap,
		.ias		= ias,
		.oas		= oas,
		.iommu_dev	= smmu->dev,
	};

	pgtbl_ops = alloc_io_pgtable_ops(ARM_64_LPAE_S1, &pgtbl_cfg,
					 smmu_domain);
	if (!pgtbl_ops) {
		ret = -ENOMEM;
		goto out_clear_smmu;
	}

	/* Update the domain's page sizes to reflect the page table format */
	domain->pgsize_bitmap = pgtbl_cfg.pgsize_bitmap;
	domain->geometry.aperture_end = (1UL << ias) - 1;
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

static struct iommu_domain *crane_smmu_domain_alloc_paging(struct device *dev)
{
	struct crane_smmu_domain *smmu_domain;

	/*
	 * Allocate the domain and initialise some of its data structures.
	 * We can't really do anything meaningful until we've added a
	 * master.
	 */
	smmu_domain = kzalloc(sizeof(*smmu_domain), GFP_KERNEL);
	if (!smmu_domain)
		return NULL;

	mutex_init(&smmu_domain->init_mutex);

	return &smmu_domain->domain;
}

static void crane_smmu_domain_free(struct iommu_domain *domain)
{
	struct crane_smmu_domain *smmu_domain = to_smmu_domain(domain);

	free_io_pgtable_ops(smmu_domain->pgtbl_ops);
	kfree(smmu_domain);
}

static int crane_smmu_attach_dev(struct iommu_domain *domain,
				 struct device *dev)
{
	struct crane_smmu_domain *smmu_domain = to_smmu_domain(domain);
	struct crane_smmu_master_cfg *cfg;
	struct crane_smmu_device *smmu;
	int ret;

	/*
	 * A device that was never probed has no cfg: say no, more politely
	 * than by dereferencing NULL.
	 */
	cfg = dev_iommu_priv_get(dev);
	if (!cfg)
		return -ENODEV;

	smmu = cfg->smmu;

	/* Ensure that the domain is finalised */
	ret = crane_smmu_init_domain_context(smmu_domain, smmu, dev);
	if (ret < 0)
		return ret;

	/*
	 * Sanity check the domain. We don't support domains across
	 * different SMMUs.
	 */
	if (smmu_domain->smmu != smmu)
		return -EINVAL;

	return 0;
}

static struct crane_smmu_device *
crane_smmu_get_by_fwnode(struct fwnode_handle *fwnode)
{
	struct device *dev = driver_find_device_by_fwnode(&crane_smmu_driver.driver,
							  fwnode);

	put_device(dev);
	return dev ? dev_get_drvdata(dev) : NULL;
}

static struct iommu_device *crane_smmu_probe_device(struct device *dev)
{
	struct iommu_fwspec *fwspec = dev_iommu_fwspec_get(dev);
	struct crane_smmu_master_cfg *cfg;
	struct crane_smmu_device *smmu;
	int i;

	if (!fwspec)
		return ERR_PTR(-ENODEV);

	smmu = crane_smmu_get_by_fwnode(fwspec->iommu_fwnode);
	if (!smmu)
		return ERR_PTR(dev_err_probe(dev, -EPROBE_DEFER,
					     "smmu dev has not bound yet\n"));

	i = fwspec->num_ids;
	cfg = kzalloc(offsetof(struct crane_smmu_master_cfg, smendx[i]),
		      GFP_KERNEL);
	if (!cfg)
		return ERR_PTR(-ENOMEM);

	cfg->smmu = smmu;
	dev_iommu_priv_set(dev, cfg);
	while (i--)
		cfg->smendx[i] = CRANE_SMMU_INVALID_SMENDX;

	return &smmu->iommu;
}

static void crane_smmu_release_device(struct device *dev)
{
	struct crane_smmu_master_cfg *cfg = dev_iommu_priv_get(dev);

	kfree(cfg);
}

static struct iommu_ops crane_smmu_ops = {
	.domain_alloc_paging	= crane_smmu_domain_alloc_paging,
	.probe_device		= crane_smmu_probe_device,
	.release_device		= crane_smmu_release_device,
	.device_group		= generic_device_group,
	.pgsize_bitmap		= -1UL, /* Restricted during device attach */
	.owner			= THIS_MODULE,
	.default_domain_ops = &(const struct iommu_domain_ops) {
		.attach_dev		= crane_smmu_attach_dev,
		.free			= crane_smmu_domain_free,
	}
};

static int crane_smmu_device_cfg_probe(struct crane_smmu_device *smmu)
{
	u32 id = readl(smmu->base + CRANE_SMMU_GR0_ID2);

	if (id & CRANE_SMMU_ID2_PTFS_32S)
		smmu->features |= CRANE_SMMU_FEAT_FMT_AARCH32_S;
	if (id & CRANE_SMMU_ID2_PTFS_4K)
		smmu->features |= CRANE_SMMU_FEAT_FMT_AARCH64_4K;
	if (id & CRANE_SMMU_ID2_PTFS_16K)
		smmu->features |= CRANE_SMMU_FEAT_FMT_AARCH64_16K;
	if (id & CRANE_SMMU_ID2_PTFS_64K)
		smmu->features |= CRANE_SMMU_FEAT_FMT_AARCH64_64K;
	smmu->va_size = 48;
	smmu->pa_size = 48;

	/* Now we've corralled the various formats, what'll it do? */
	if (smmu->features & CRANE_SMMU_FEAT_FMT_AARCH32_S)
		smmu->pgsize_bitmap |= SZ_4K | SZ_64K | SZ_1M | SZ_16M;
	if (smmu->features & CRANE_SMMU_FEAT_FMT_AARCH64_4K)
		smmu->pgsize_bitmap |= SZ_4K | SZ_2M | SZ_1G;
	if (smmu->features & CRANE_SMMU_FEAT_FMT_AARCH64_16K)
		smmu->pgsize_bitmap |= SZ_16K | SZ_32M;
	if (smmu->features & CRANE_SMMU_FEAT_FMT_AARCH64_64K)
		smmu->pgsize_bitmap |= SZ_64K | SZ_512M;

	if (crane_smmu_ops.pgsize_bitmap == -1UL)
		crane_smmu_ops.pgsize_bitmap = smmu->pgsize_bitmap;
	else
		crane_smmu_ops.pgsize_bitmap |= smmu->pgsize_bitmap;
	dev_notice(smmu->dev, "\tSupported page sizes: 0x%08lx\n",
		   smmu->pgsize_bitmap);

	return 0;
}

static int crane_smmu_device_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct crane_smmu_device *smmu;
	int err;

	smmu = devm_kzalloc(dev, sizeof(*smmu), GFP_KERNEL);
	if (!smmu)
		return -ENOMEM;

	smmu->dev = dev;
	smmu->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(smmu->base))
		return PTR_ERR(smmu->base);

	err = crane_smmu_device_cfg_probe(smmu);
	if (err)
		return err;

	platform_set_drvdata(pdev, smmu);
	return iommu_device_register(&smmu->iommu, &crane_smmu_ops, dev);
}

static struct platform_driver crane_smmu_driver = {
	.driver	= { .name = "crane-smmu" },
	.probe	= crane_smmu_device_probe,
};
module_platform_driver(crane_smmu_driver);
MODULE_LICENSE("GPL v2");
