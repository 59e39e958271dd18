// SPDX-License-Identifier: GPL-2.0-only
/*
 * iommu-pgsize corpus: Marlin multimedia IOMMU.
 *
 * Pattern (c), declaration flavour: the const ops' page sizes are read into
 * a local "struct io_pgtable_cfg cfg = { .pgsize_bitmap =
 * marlin_iommu_ops.pgsize_bitmap, ... }" and the domain takes the page
 * table's answer, either from its own config or from a shared domain's.
 *
 * Modelled on: drivers/iommu/mtk_iommu.c (mtk_iommu_domain_finalise).
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

#define REG_MMU_PT_BASE_ADDR	0x000

struct marlin_iommu_domain {
	struct io_pgtable_cfg		cfg;
	struct io_pgtable_ops		*iop;
	struct marlin_iommu_data	*data;
	struct iommu_domain		domain;
};

struct marlin_iommu_data {
	void __iomem			*base;
	struct device			*dev;
	struct iommu_device		iommu;
	struct mutex			mutex; /* Protect share_dom */
	struct marlin_iommu_domain	*share_dom;
	dma_addr_t			iova_base;
	u64				iova_size;
	bool				has_34bit_iova;
};

static const struct iommu_ops marlin_iommu_ops;

static struct marlin_iommu_domain *to_marlin_domain(struct iommu_domain *dom)
{
	return container_of(dom, struct marlin_iommu_domain, domain);
}

static int marlin_iommu_domain_finalise(struct marlin_iommu_domain *dom,
					struct marlin_iommu_data *data)
{
	struct marlin_iommu_domain *share_dom = data->share_dom;
	struct io_pgtable_cfg cfg = {
		.quirks = IO_PGTABLE_QUIRK_ARM_NS |
			  IO_PGTABLE_QUIRK_NO_PERMS |
			  IO_PGTABLE_QUIRK_ARM_MTK_EXT,
		.pgsize_bitmap = marlin_iommu_ops.pgsize_bitmap,
		.ias = data->has_34bit_iova ? 34 : 32,
		.oas = 35,
		.iommu_dev = data->dev,
	};

	/* Share pgtable when two multimedia IOMMUs share the pgtable */
	if (share_dom) {
		dom->iop = share_dom->iop;
		dom->cfg = share_dom->cfg;
		dom->domain.pgsize_bitmap = share_dom->cfg.pgsize_bitmap;
		goto update_iova_region;
	}

	dom->cfg = cfg;
	dom->iop = alloc_io_pgtable_ops(ARM_V7S, &dom->cfg, data);
	if (!dom->iop) {
		dev_err(data->dev, "Failed to alloc io pgtable\n");
		return -ENOMEM;
	}

	/* Update our support page sizes bitmap */
	dom->domain.pgsize_bitmap = dom->cfg.pgsize_bitmap;

	data->share_dom = dom;

update_iova_region:
	dom->domain.geometry.aperture_start = data->iova_base;
	dom->domain.geometry.aperture_end = data->iova_base +
					    data->iova_size - 1;
	dom->domain.geometry.force_aperture = true;
	return 0;
}

static struct iommu_domain *marlin_iommu_domain_alloc_paging(struct device *dev)
{
	struct marlin_iommu_domain *dom;

	dom = kzalloc(sizeof(*dom), GFP_KERNEL);
	if (!dom)
		return NULL;

	return &dom->domain;
}

static void marlin_iommu_domain_free(struct iommu_domain *domain)
{
	kfree(to_marlin_domain(domain));
}

static int marlin_iommu_attach_device(struct iommu_domain *domain,
				      struct device *dev)
{
	struct marlin_iommu_data *data = dev_iommu_priv_get(dev);
	struct marlin_iommu_domain *dom = to_marlin_domain(domain);
	int ret = 0;

	if (!data)
		return -ENODEV;

	mutex_lock(&data->mutex);
	if (!dom->data) {
		ret = marlin_iommu_domain_finalise(dom, data);
		if (ret)
			goto err_unlock;
		dom->data = data;
	} else if (dom->data != data) {
		dev_err(dev, "iommu domain already used by another IOMMU\n");
		ret = -EINVAL;
		goto err_unlock;
	}
	mutex_unlock(&data->mutex);

	writel(dom->cfg.arm_v7s_cfg.ttbr, data->base + REG_MMU_PT_BASE_ADDR);
	return 0;

err_unlock:
	mutex_unlock(&data->mutex);
	return ret;
}

static struct iommu_device *marlin_iommu_probe_device(struct device *dev)
{
	struct marlin_iommu_data *data = dev_iommu_priv_get(dev);

	return data ? &data->iommu : ERR_PTR(-ENODEV);
}

static const struct iommu_ops marlin_iommu_ops = {
	.domain_alloc_paging	= marlin_iommu_domain_alloc_paging,
	.probe_device	= marlin_iommu_probe_device,
	.device_group	= generic_device_group,
	.pgsize_bitmap	= SZ_4K | SZ_64K | SZ_1M | SZ_16M,
	.owner		= THIS_MODULE,
	.default_domain_ops = &(const struct iommu_domain_ops) {
		.attach_dev	= marlin_iommu_attach_device,
		.free		= marlin_iommu_domain_free,
	}
};

static int marlin_iommu_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct marlin_iommu_data *data;

	data = devm_kzalloc(dev, sizeof(*data), GFP_KERNEL);
	if (!data)
		return -ENOMEM;

	data->dev = dev;
	data->iova_size = SZ_4G;
	mutex_init(&data->mutex);
	data->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(data->base))
		return PTR_ERR(data->base);

	platform_set_drvdata(pdev, data);
	return iommu_device_register(&data->iommu, &marlin_iommu_ops, dev);
}

static struct platform_driver marlin_iommu_driver = {
	.probe	= marlin_iommu_probe,
	.driver	= {
		.name = "marlin-iommu",
	}
};
module_platform_driver(marlin_iommu_driver);
MODULE_LICENSE("GPL v2");
