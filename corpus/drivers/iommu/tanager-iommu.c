// SPDX-License-Identifier: GPL-2.0-only
/*
 * iommu-pgsize corpus: Tanager IOMMU.
 *
 * Pattern (c) + (d), migratable: NON-const ops (declared early, then
 * defined) with .pgsize_bitmap = TANAGER_IOMMU_PGSIZES, the v7s sizes.
 * The config function, given the domain's struct tanager_priv, reads the
 * ops member into priv->cfg, calls alloc_io_pgtable_ops(ARM_V7S, ...) and
 * writes what io-pgtable kept back into the OPS object. Nothing else
 * writes the member. The allocator returns &priv->domain without sizes,
 * relying on the core's fallback.
 *
 * Modelled on: drivers/iommu/msm_iommu.c (msm_iommu_domain_config,
 * msm_iommu_domain_alloc_paging, msm_iommu_attach_dev).
 */

#include <linux/err.h>
#include <linux/io-pgtable.h>
#include <linux/io.h>
#include <linux/iommu.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

#define TANAGER_IOMMU_PGSIZES	(SZ_4K | SZ_64K | SZ_1M | SZ_16M)

#define TANAGER_CB_TTBR0	0x10

static DEFINE_SPINLOCK(tanager_iommu_lock);
static LIST_HEAD(tanager_iommu_devices);
static struct iommu_ops tanager_iommu_ops;

struct tanager_iommu_dev {
	void __iomem		*base;
	struct device		*dev;
	bool			ctx_busy;
	struct list_head	dev_node;
	struct list_head	dom_node;
	struct iommu_device	iommu;
};

struct tanager_priv {
	struct list_head	list_attached;
	struct iommu_domain	domain;
	struct io_pgtable_cfg	cfg;
	struct io_pgtable_ops	*iop;
	struct device		*dev;
	spinlock_t		pgtlock; /* pagetable lock */
};

static struct tanager_priv *to_tanager_priv(struct iommu_domain *dom)
{
	return container_of(dom, struct tanager_priv, domain);
}

static struct iommu_domain *tanager_iommu_domain_alloc_paging(struct device *dev)
{
	struct tanager_priv *priv;

	priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return NULL;

	INIT_LIST_HEAD(&priv->list_attached);
	priv->domain.geometry.aperture_start = 0;
	priv->domain.geometry.aperture_end   = (1ULL << 32) - 1;
	priv->domain.geometry.force_aperture = true;
	return &priv->domain;
}

static void tanager_iommu_domain_free(struct iommu_domain *domain)
{
	unsigned long flags;

	spin_lock_irqsave(&tanager_iommu_lock, flags);
	kfree(to_tanager_priv(domain));
	spin_unlock_irqrestore(&tanager_iommu_lock, flags);
}

static int tanager_iommu_domain_config(struct tanager_priv *priv)
{
	spin_lock_init(&priv->pgtlock);

	priv->cfg = (struct io_pgtable_cfg) {
		.pgsize_bitmap = tanager_iommu_ops.pgsize_bitmap,
		.ias = 32,
		.oas = 32,
		.iommu_dev = priv->dev,
	};

	priv->iop = alloc_io_pgtable_ops(ARM_V7S, &priv->cfg, priv);
	if (!priv->iop) {
		dev_err(priv->dev, "Failed to allocate pgtable\n");
		return -EINVAL;
	}

	tanager_iommu_ops.pgsize_bitmap = priv->cfg.pgsize_bitmap;

	return 0;
}

static int tanager_iommu_attach_dev(struct iommu_domain *domain,
				    struct device *dev)
{
	struct tanager_priv *priv = to_tanager_priv(domain);
	struct tanager_iommu_dev *iommu;
	unsigned long flags;
	int ret;

	priv->dev = dev;
	ret = tanager_iommu_domain_config(priv);
	if (ret)
		return ret;

	spin_lock_irqsave(&tanager_iommu_lock, flags);
	list_for_each_entry(iommu, &tanager_iommu_devices, dev_node) {
		if (iommu->dev != dev->parent)
			continue;
		if (iommu->ctx_busy) {
			dev_err(dev, "domain already attached");
			ret = -EEXIST;
			goto fail;
		}
		iommu->ctx_busy = true;
		writel(0, iommu->base + TANAGER_CB_TTBR0);
		list_add(&iommu->dom_node, &priv->list_attached);
	}
fail:
	spin_unlock_irqrestore(&tanager_iommu_lock, flags);
	return ret;
}

static struct iommu_device *tanager_iommu_probe_device(struct device *dev)
{
	struct tanager_iommu_dev *iommu = dev_iommu_priv_get(dev);

	return iommu ? &iommu->iommu : ERR_PTR(-ENODEV);
}

static struct iommu_ops tanager_iommu_ops = {
	.domain_alloc_paging = tanager_iommu_domain_alloc_paging,
	.probe_device = tanager_iommu_probe_device,
	.device_group = generic_device_group,
	.pgsize_bitmap = TANAGER_IOMMU_PGSIZES,
	.default_domain_ops = &(const struct iommu_domain_ops) {
		.attach_dev	= tanager_iommu_attach_dev,
		.free		= tanager_iommu_domain_free,
	}
};

static int tanager_iommu_probe(struct platform_device *pdev)
{
	struct tanager_iommu_dev *iommu;
	unsigned long flags;

	iommu = devm_kzalloc(&pdev->dev, sizeof(*iommu), GFP_KERNEL);
	if (!iommu)
		return -ENOMEM;

	iommu->dev = &pdev->dev;
	iommu->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(iommu->base))
		return PTR_ERR(iommu->base);

	spin_lock_irqsave(&tanager_iommu_lock, flags);
	list_add(&iommu->dev_node, &tanager_iommu_devices);
	spin_unlock_irqrestore(&tanager_iommu_lock, flags);

	platform_set_drvdata(pdev, iommu);
	return iommu_device_register(&iommu->iommu, &tanager_iommu_ops,
				     &pdev->dev);
}

static struct platform_driver tanager_iommu_driver = {
	.driver = {
		.name	= "tanager-iommu",
	},
	.probe		= tanager_iommu_probe,
};
module_platform_driver(tanager_iommu_driver);
MODULE_LICENSE("GPL v2");
