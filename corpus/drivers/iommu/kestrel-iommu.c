// SPDX-License-Identifier: GPL-2.0-only
/*
 * iommu-pgsize corpus: Kestrel IOMMU.
 *
 * Pattern (a), macro flavour: a const struct iommu_ops whose page sizes are
 * a driver macro (KESTREL_IOMMU_PGSIZE_BITMAP, a plain hex constant), and a
 * domain_alloc_paging(dev) that leaves the domain's bitmap to the core.
 * Decoy (l): struct kestrel_hw_ops is NOT struct iommu_ops, even though its
 * objects are called kestrel_ops_v1/v2, it has a pgsize_bitmap member and
 * map_pages reads it as ops->pgsize_bitmap.
 *
 * Modelled on: drivers/iommu/rockchip-iommu.c (struct rk_iommu_ops vs
 * struct iommu_ops rk_iommu_ops).
 */

#include <linux/device.h>
#include <linux/dma-mapping.h>
#include <linux/err.h>
#include <linux/io.h>
#include <linux/iommu.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/platform_device.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

/* Support mapping any size that fits in one page table: 4 KiB to 4 MiB */
#define KESTREL_IOMMU_PGSIZE_BITMAP 0x007ff000

#define KESTREL_DTE_ADDR	0x00
#define KESTREL_COMMAND		0x08
#define KESTREL_CMD_BYPASS	0x01
#define KESTREL_CMD_PAGING	0x02

/* Per-generation hardware description; not the IOMMU core's ops. */
struct kestrel_hw_ops {
	unsigned int dte_shift;
	unsigned long pgsize_bitmap;	/* sizes the walker decodes */
};

struct kestrel_iommu {
	struct device		*dev;
	void __iomem		*base;
	const struct kestrel_hw_ops *hw;
	struct iommu_device	iommu;
	spinlock_t		lock;
};

struct kestrel_domain {
	struct iommu_domain	domain;
	u32			*dt;
	struct kestrel_iommu	*iommu;
};

static const struct kestrel_hw_ops kestrel_ops_v1 = {
	.dte_shift	= 0,
	.pgsize_bitmap	= SZ_4K,
};

static const struct kestrel_hw_ops kestrel_ops_v2 = {
	.dte_shift	= 4,
	.pgsize_bitmap	= SZ_4K | SZ_4M,
};

static struct kestrel_domain *to_kestrel_domain(struct iommu_domain *dom)
{
	return container_of(dom, struct kestrel_domain, domain);
}

static struct iommu_domain *kestrel_domain_alloc_paging(struct device *dev)
{
	struct kestrel_domain *kdom;

	kdom = kzalloc(sizeof(*kdom), GFP_KERNEL);
	if (!kdom)
		return NULL;

	kdom->dt = kzalloc(SZ_4K, GFP_KERNEL);
	if (!kdom->dt)
		goto err_free;

	kdom->domain.geometry.aperture_end = DMA_BIT_MASK(32);
	kdom->domain.geometry.force_aperture = true;
	return &kdom->domain;

err_free:
	kfree(kdom);
	return NULL;
}

static void kestrel_domain_free(struct iommu_domain *domain)
{
	struct kestrel_domain *kdom = to_kestrel_domain(domain);

	kfree(kdom->dt);
	kfree(kdom);
}

static int kestrel_attach_device(struct iommu_domain *domain,
				 struct device *dev)
{
	struct kestrel_domain *kdom = to_kestrel_domain(domain);
	struct kestrel_iommu *iommu = dev_iommu_priv_get(dev);
	unsigned long flags;

	if (!iommu)
		return -ENODEV;

	spin_lock_irqsave(&iommu->lock, flags);
	kdom->iommu = iommu;
	writel((u32)((uintptr_t)kdom->dt >> iommu->hw->dte_shift),
	       iommu->base + KESTREL_DTE_ADDR);
	writel(KESTREL_CMD_PAGING, iommu->base + KESTREL_COMMAND);
	spin_unlock_irqrestore(&iommu->lock, flags);
	return 0;
}

static int kestrel_identity_attach(struct iommu_domain *identity_domain,
				   struct device *dev)
{
	struct kestrel_iommu *iommu = dev_iommu_priv_get(dev);

	writel(KESTREL_CMD_BYPASS, iommu->base + KESTREL_COMMAND);
	return 0;
}

static const struct iommu_domain_ops kestrel_identity_ops = {
	.attach_dev = kestrel_identity_attach,
};

static struct iommu_domain kestrel_identity_domain = {
	.type = IOMMU_DOMAIN_IDENTITY,
	.ops = &kestrel_identity_ops,
};

static int kestrel_map_pages(struct iommu_domain *domain, unsigned long iova,
			     phys_addr_t paddr, size_t size, size_t count,
			     int prot, gfp_t gfp, size_t *mapped)
{
	struct kestrel_domain *kdom = to_kestrel_domain(domain);
	const struct kestrel_hw_ops *ops = kdom->iommu->hw;

	/* The v1 walker cannot decode large pages at all. */
	if (!(size & ops->pgsize_bitmap))
		return -EINVAL;

	kdom->dt[(iova >> 22) & 0x3ff] = (u32)(paddr >> 12) | 1;
	*mapped = size * count;
	return 0;
}

static struct iommu_device *kestrel_probe_device(struct device *dev)
{
	struct kestrel_iommu *iommu = dev_iommu_priv_get(dev);

	return iommu ? &iommu->iommu : ERR_PTR(-ENODEV);
}

static const struct iommu_ops kestrel_iommu_ops = {
	.identity_domain = &kestrel_identity_domain,
	.domain_alloc_paging = kestrel_domain_alloc_paging,
	.probe_device = kestrel_probe_device,
	.device_group = generic_single_device_group,
	.pgsize_bitmap = KESTREL_IOMMU_PGSIZE_BITMAP,
	.default_domain_ops = &(const struct iommu_domain_ops) {
		.attach_dev	= kestrel_attach_device,
		.map_pages	= kestrel_map_pages,
		.free		= kestrel_domain_free,
	}
};

static int kestrel_iommu_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct kestrel_iommu *iommu;

	iommu = devm_kzalloc(dev, sizeof(*iommu), GFP_KERNEL);
	if (!iommu)
		return -ENOMEM;

	iommu->dev = dev;
	iommu->hw = of_device_get_match_data(dev);
	iommu->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(iommu->base))
		return PTR_ERR(iommu->base);

	spin_lock_init(&iommu->lock);
	platform_set_drvdata(pdev, iommu);
	return iommu_device_register(&iommu->iommu, &kestrel_iommu_ops, dev);
}

static const struct of_device_id kestrel_iommu_dt_ids[] = {
	{ .compatible = "corpus,kestrel-iommu", .data = &kestrel_ops_v1, },
	{ .compatible = "corpus,kestrel-iommu-v2", .data = &kestrel_ops_v2, },
	{ /* sentinel */ }
};

static struct platform_driver kestrel_iommu_driver = {
	.probe = kestrel_iommu_probe,
	.driver = {
		.name = "kestrel_iommu",
		.of_match_table = kestrel_iommu_dt_ids,
	},
};
module_platform_driver(kestrel_iommu_driver);
MODULE_LICENSE("GPL");
