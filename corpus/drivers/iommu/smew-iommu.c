// SPDX-License-Identifier: GPL-2.0-only
/*
 * iommu-pgsize corpus: Smew multimedia IOMMU.
 *
 * Verdicts: pgsize-format "exceeds": the short-descriptor table
 * (alloc_io_pgtable_ops(ARM_V7S)) maps 4K/64K/1M/16M, but SMEW_PGSIZES also
 * claims SZ_2M (copied from an LPAE driver). domain-init "sets": the
 * allocator writes that constant into the domain itself, so the core's
 * fallback is not used, and the v7s answer is never copied back.
 * attach-instance "bound": the first attach finalises the table for its
 * instance and a device behind another instance gets -EINVAL.
 *
 * Resembles: drivers/iommu/mtk_iommu.c (mtk_iommu_domain_finalise,
 * mtk_iommu_attach_device), with a wrong constant.
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

#define SMEW_PGSIZES		(SZ_4K | SZ_64K | SZ_1M | SZ_2M)
#define REG_MMU_PT_BASE_ADDR	0x000

struct smew_iommu_data {
	struct device		*dev;
	void __iomem		*base;
	struct iommu_device	iommu;
};

struct smew_domain {
	struct io_pgtable_cfg	cfg;
	struct io_pgtable_ops	*iop;
	struct smew_iommu_data	*data;
	struct mutex		mutex;	/* Protects data */
	struct iommu_domain	domain;
};

static struct smew_domain *to_smew_domain(struct iommu_domain *dom)
{
	return container_of(dom, struct smew_domain, domain);
}

static int smew_domain_finalise(struct smew_domain *dom,
				struct smew_iommu_data *data)
{
	dom->cfg = (struct io_pgtable_cfg) {
		.quirks		= IO_PGTABLE_QUIRK_ARM_NS,
		.pgsize_bitmap	= dom->domain.pgsize_bitmap,
		.ias		= 32,
		.oas		= 35,
		.iommu_dev	= data->dev,
	};

	dom->iop = alloc_io_pgtable_ops(ARM_V7S, &dom->cfg, data);
	if (!dom->iop)
		return -ENOMEM;
	return 0;
}

static struct iommu_domain *smew_domain_alloc_paging(struct device *dev)
{
	struct smew_domain *dom;

	dom = kzalloc(sizeof(*dom), GFP_KERNEL);
	if (!dom)
		return NULL;

	mutex_init(&dom->mutex);
	dom->domain.pgsize_bitmap = SMEW_PGSIZES;
	dom->domain.geometry.aperture_end = SZ_4G - 1;
	dom->domain.geometry.force_aperture = true;
	return &dom->domain;
}

static void smew_domain_free(struct iommu_domain *domain)
{
	struct smew_domain *dom = to_smew_domain(domain);

	if (dom->iop)
		free_io_pgtable_ops(dom->iop);
	kfree(dom);
}

static int smew_attach_device(struct iommu_domain *domain, struct device *dev)
{
	struct smew_iommu_data *data = dev_iommu_priv_get(dev);
	struct smew_domain *dom = to_smew_domain(domain);
	int ret = 0;

	if (!data)
		return -ENODEV;

	mutex_lock(&dom->mutex);
	if (!dom->data) {
		ret = smew_domain_finalise(dom, data);
		if (!ret)
			dom->data = data;
	} else if (dom->data != data) {
		dev_err(dev, "domain already used by another IOMMU\n");
		ret = -EINVAL;
	}
	mutex_unlock(&dom->mutex);
	if (ret)
		return ret;

	writel(dom->cfg.arm_v7s_cfg.ttbr, data->base + REG_MMU_PT_BASE_ADDR);
	return 0;
}

static const struct iommu_ops smew_iommu_ops = {
	.domain_alloc_paging	= smew_domain_alloc_paging,
	.device_group		= generic_device_group,
	.pgsize_bitmap		= SMEW_PGSIZES,
	.owner			= THIS_MODULE,
	.default_domain_ops = &(const struct iommu_domain_ops) {
		.attach_dev	= smew_attach_device,
		.free		= smew_domain_free,
	}
};

static int smew_iommu_probe(struct platform_device *pdev)
{
	struct smew_iommu_data *data;

	data = devm_kzalloc(&pdev->dev, sizeof(*data), GFP_KERNEL);
	if (!data)
		return -ENOMEM;

	data->dev = &pdev->dev;
	data->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(data->base))
		return PTR_ERR(data->base);

	platform_set_drvdata(pdev, data);
	return iommu_device_register(&data->iommu, &smew_iommu_ops, &pdev->dev);
}

static struct platform_driver smew_iommu_driver = {
	.driver	= { .name = "smew-iommu" },
	.probe	= smew_iommu_probe,
};
module_platform_driver(smew_iommu_driver);
MODULE_LICENSE("GPL v2");
