// SPDX-License-Identifier: GPL-2.0-only
/*
 * iommu-pgsize corpus: Jacana IOMMU.
 *
 * Pattern (r), refused: the const ops keep the placeholder -1UL and a
 * legacy domain_alloc(type) returns domains without page sizes; attach
 * finalises them from the device's instance and refuses another one. The
 * allocator remembers whether it made a DMA-API domain
 * (jdom->dma_api = type == IOMMU_DOMAIN_DMA), which attach uses: a
 * domain_alloc_paging() wrapper could not say which type it allocates, so
 * `series` must refuse the driver and say why.
 *
 * Modelled on: pre-6.x drivers/iommu/virtio-iommu.c, arm-smmu.c and
 * apple-dart.c, whose domain_alloc(type) did extra work for
 * IOMMU_DOMAIN_DMA only (iommu_get_dma_cookie()).
 */

#include <linux/bits.h>
#include <linux/err.h>
#include <linux/io.h>
#include <linux/iommu.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

#define JACANA_PGSIZES		0x00
#define JACANA_CTRL		0x10
#define JACANA_CTRL_ENABLE	BIT(0)
#define JACANA_CTRL_LAZY_FLUSH	BIT(1)

struct jacana_iommu {
	struct device		*dev;
	void __iomem		*regs;
	unsigned long		pgsizes;
	struct iommu_device	iommu;
};

struct jacana_domain {
	struct iommu_domain	domain;
	struct jacana_iommu	*jiommu;	/* set once finalised */
	struct mutex		mutex;		/* protects jiommu */
	bool			dma_api;
};

static struct jacana_domain *to_jacana_domain(struct iommu_domain *domain)
{
	return container_of(domain, struct jacana_domain, domain);
}

static struct iommu_domain *jacana_domain_alloc(unsigned int type)
{
	struct jacana_domain *jdom;

	if (type != IOMMU_DOMAIN_UNMANAGED && type != IOMMU_DOMAIN_DMA)
		return NULL;

	jdom = kzalloc(sizeof(*jdom), GFP_KERNEL);
	if (!jdom)
		return NULL;

	mutex_init(&jdom->mutex);
	/* Only DMA-API domains may defer their TLB flushes */
	jdom->dma_api = type == IOMMU_DOMAIN_DMA;
	return &jdom->domain;
}

static void jacana_domain_free(struct iommu_domain *domain)
{
	kfree(to_jacana_domain(domain));
}

static int jacana_attach_dev(struct iommu_domain *domain, struct device *dev)
{
	struct jacana_iommu *jiommu = dev_iommu_priv_get(dev);
	struct jacana_domain *jdom = to_jacana_domain(domain);
	u32 ctrl = JACANA_CTRL_ENABLE;
	int ret = 0;

	mutex_lock(&jdom->mutex);
	if (!jdom->jiommu) {
		jdom->domain.pgsize_bitmap = jiommu->pgsizes;
		jdom->domain.geometry.aperture_end = (1UL << 32) - 1;
		jdom->domain.geometry.force_aperture = true;
		jdom->jiommu = jiommu;
	} else if (jdom->jiommu != jiommu) {
		ret = -EINVAL;
	}
	mutex_unlock(&jdom->mutex);
	if (ret)
		return ret;

	if (jdom->dma_api)
		ctrl |= JACANA_CTRL_LAZY_FLUSH;
	writel(ctrl, jiommu->regs + JACANA_CTRL);
	return 0;
}

static struct iommu_device *jacana_probe_device(struct device *dev)
{
	struct jacana_iommu *jiommu = dev_iommu_priv_get(dev);

	return jiommu ? &jiommu->iommu : ERR_PTR(-ENODEV);
}

static const struct iommu_ops jacana_ops = {
	.domain_alloc	= jacana_domain_alloc,
	.probe_device	= jacana_probe_device,
	.device_group	= generic_device_group,
	.pgsize_bitmap	= -1UL, /* Restricted during device attach */
	.owner		= THIS_MODULE,
	.default_domain_ops = &(const struct iommu_domain_ops) {
		.attach_dev	= jacana_attach_dev,
		.free		= jacana_domain_free,
	}
};

static int jacana_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct jacana_iommu *jiommu;

	jiommu = devm_kzalloc(dev, sizeof(*jiommu), GFP_KERNEL);
	if (!jiommu)
		return -ENOMEM;

	jiommu->dev = dev;
	jiommu->regs = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(jiommu->regs))
		return PTR_ERR(jiommu->regs);

	jiommu->pgsizes = readq(jiommu->regs + JACANA_PGSIZES);
	if (!jiommu->pgsizes)
		return -EINVAL;

	platform_set_drvdata(pdev, jiommu);
	return iommu_device_register(&jiommu->iommu, &jacana_ops, dev);
}

static struct platform_driver jacana_iommu_driver = {
	.driver	= { .name = "jacana-iommu" },
	.probe	= jacana_probe,
};
module_platform_driver(jacana_iommu_driver);
MODULE_LICENSE("GPL v2");
