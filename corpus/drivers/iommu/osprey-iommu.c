// SPDX-License-Identifier: GPL-2.0-only
/*
 * iommu-pgsize corpus: Osprey IOMMU.
 *
 * Pattern (d): io-pgtable config write-back into a NON-const ops object.
 * cfg.pgsize_bitmap is loaded from osprey_iommu_ops.pgsize_bitmap before
 * alloc_io_pgtable_ops() and whatever the page table allocator kept is
 * stored back with osprey_iommu_ops.pgsize_bitmap = cfg.pgsize_bitmap.
 * Probe also drops a size the hardware lacks with &= on the ops member.
 *
 * Modelled on: drivers/iommu/msm_iommu.c (msm_iommu_domain_config).
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

#define OSPREY_IOMMU_PGSIZES	(SZ_4K | SZ_64K | SZ_1M)

#define OSPREY_CB_TTBR0		0x10
#define OSPREY_IDR		0x40
#define OSPREY_IDR_SECTIONS	BIT(3)

static DEFINE_SPINLOCK(osprey_iommu_lock);
static LIST_HEAD(osprey_iommu_devices);
static struct iommu_ops osprey_iommu_ops;

struct osprey_iommu_dev {
	void __iomem		*base;
	struct device		*dev;
	struct list_head	dev_node;
	struct iommu_device	iommu;
};

struct osprey_priv {
	struct list_head	list_attached;
	struct iommu_domain	domain;
	struct io_pgtable_ops	*iop;
	struct device		*dev;
	spinlock_t		pgtlock; /* pagetable lock */
};

static struct osprey_priv *to_osprey_priv(struct iommu_domain *dom)
{
	return container_of(dom, struct osprey_priv, domain);
}

static struct iommu_domain *osprey_iommu_domain_alloc_paging(struct device *dev)
{
	struct osprey_priv *priv;

	priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return NULL;

	INIT_LIST_HEAD(&priv->list_attached);
	priv->domain.geometry.aperture_start = 0;
	priv->domain.geometry.aperture_end   = (1ULL << 32) - 1;
	priv->domain.geometry.force_aperture = true;
	return &priv->domain;
}

static void osprey_iommu_domain_free(struct iommu_domain *domain)
{
	unsigned long flags;

	spin_lock_irqsave(&osprey_iommu_lock, flags);
	kfree(to_osprey_priv(domain));
	spin_unlock_irqrestore(&osprey_iommu_lock, flags);
}

static int osprey_iommu_domain_config(struct osprey_priv *priv)
{
	struct io_pgtable_cfg cfg = {
		.ias		= 32,
		.oas		= 32,
		.iommu_dev	= priv->dev,
	};

	spin_lock_init(&priv->pgtlock);

	cfg.pgsize_bitmap = osprey_iommu_ops.pgsize_bitmap;
	priv->iop = alloc_io_pgtable_ops(ARM_V7S, &cfg, priv);
	if (!priv->iop) {
		dev_err(priv->dev, "Failed to allocate pgtable\n");
		return -EINVAL;
	}

	osprey_iommu_ops.pgsize_bitmap = cfg.pgsize_bitmap;

	return 0;
}

static int osprey_iommu_attach_dev(struct iommu_domain *domain,
				   struct device *dev)
{
	struct osprey_priv *priv = to_osprey_priv(domain);
	struct osprey_iommu_dev *iommu;
	unsigned long flags;
	int ret;

	priv->dev = dev;
	ret = osprey_iommu_domain_config(priv);
	if (ret)
		return ret;

	spin_lock_irqsave(&osprey_iommu_lock, flags);
	list_for_each_entry(iommu, &osprey_iommu_devices, dev_node) {
		if (iommu->dev != dev->parent)
			continue;
		if (!list_empty(&priv->list_attached)) {
			dev_err(dev, "domain already attached");
			ret = -EEXIST;
			goto fail;
		}
		writel(0, iommu->base + OSPREY_CB_TTBR0);
		list_add(&iommu->dev_node, &priv->list_attached);
	}
fail:
	spin_unlock_irqrestore(&osprey_iommu_lock, flags);
	return ret;
}

static struct iommu_device *osprey_iommu_probe_device(struct device *dev)
{
	struct osprey_iommu_dev *iommu = dev_iommu_priv_get(dev);

	return iommu ? &iommu->iommu : ERR_PTR(-ENODEV);
}

static struct iommu_ops osprey_iommu_ops = {
	.domain_alloc_paging = osprey_iommu_domain_alloc_paging,
	.probe_device = osprey_iommu_probe_device,
	.device_group = generic_device_group,
	.pgsize_bitmap = OSPREY_IOMMU_PGSIZES,
	.default_domain_ops = &(const struct iommu_domain_ops) {
		.attach_dev	= osprey_iommu_attach_dev,
		.free		= osprey_iommu_domain_free,
	}
};

static int osprey_iommu_probe(struct platform_device *pdev)
{
	struct osprey_iommu_dev *iommu;
	unsigned long flags;

	iommu = devm_kzalloc(&pdev->dev, sizeof(*iommu), GFP_KERNEL);
	if (!iommu)
		return -ENOMEM;

	iommu->dev = &pdev->dev;
	iommu->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(iommu->base))
		return PTR_ERR(iommu->base);

	/* Early parts cannot map 1M sections */
	if (!(readl(iommu->base + OSPREY_IDR) & OSPREY_IDR_SECTIONS))
		osprey_iommu_ops.pgsize_bitmap &= ~SZ_1M;

	spin_lock_irqsave(&osprey_iommu_lock, flags);
	list_add(&iommu->dev_node, &osprey_iommu_devices);
	spin_unlock_irqrestore(&osprey_iommu_lock, flags);

	platform_set_drvdata(pdev, iommu);
	return iommu_device_register(&iommu->iommu, &osprey_iommu_ops,
				     &pdev->dev);
}

static struct platform_driver osprey_iommu_driver = {
	.driver = {
		.name	= "osprey-iommu",
	},
	.probe		= osprey_iommu_probe,
};
module_platform_driver(osprey_iommu_driver);
MODULE_LICENSE("GPL v2");
