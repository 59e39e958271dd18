// SPDX-License-Identifier: GPL-2.0
/*
 * iommu-pgsize corpus: Vireo paravirtual IOMMU.
 *
 * Pattern (m): the NON-const ops have no initial page sizes; probe writes
 * the instance's sizes into them (vireo_ops.pgsize_bitmap =
 * viommu->pgsize_bitmap), after a read and a != comparison against an
 * earlier instance. The domain takes its sizes from the instance when it is
 * finalised at first attach.
 * Decoys (l): struct vireo_dev has its own pgsize_bitmap member, read and
 * written; vireo_pgsize_bitmap() is a function; it has a local variable
 * called pgsize_bitmap; and "pgsize_bitmap" appears in a string literal.
 *
 * Modelled on: drivers/iommu/virtio-iommu.c.
 */

#include <linux/bitops.h>
#include <linux/err.h>
#include <linux/io.h>
#include <linux/iommu.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/platform_device.h>
#include <linux/sizes.h>
#include <linux/slab.h>

#define VIREO_CFG_PAGE_SIZE_MASK	0x00
#define VIREO_CFG_INPUT_END		0x08

struct vireo_dev {
	struct iommu_device		iommu;
	struct device			*dev;
	void __iomem			*regs;
	struct iommu_domain_geometry	geometry;
	unsigned long			pgsize_bitmap;
	u32				next_domain;
};

struct vireo_endpoint {
	struct device			*dev;
	struct vireo_dev		*viommu;
};

struct vireo_domain {
	struct iommu_domain		domain;
	struct vireo_dev		*viommu;
	struct mutex			mutex; /* protects viommu pointer */
	unsigned int			id;
};

static struct iommu_ops vireo_ops;

static struct vireo_domain *to_vireo_domain(struct iommu_domain *domain)
{
	return container_of(domain, struct vireo_domain, domain);
}

/* The device advertises its page size mask in config space. */
static unsigned long vireo_pgsize_bitmap(struct vireo_dev *viommu)
{
	unsigned long pgsize_bitmap;

	pgsize_bitmap = readq(viommu->regs + VIREO_CFG_PAGE_SIZE_MASK);
	/* Sizes below 4KiB cannot be mapped by the DMA API anyway */
	pgsize_bitmap &= ~(SZ_4K - 1);
	return pgsize_bitmap;
}

static struct iommu_domain *vireo_domain_alloc_paging(struct device *dev)
{
	struct vireo_domain *vdomain;

	vdomain = kzalloc(sizeof(*vdomain), GFP_KERNEL);
	if (!vdomain)
		return NULL;

	mutex_init(&vdomain->mutex);
	return &vdomain->domain;
}

static int vireo_domain_finalise(struct vireo_endpoint *vdev,
				 struct iommu_domain *domain)
{
	struct vireo_dev *viommu = vdev->viommu;
	struct vireo_domain *vdomain = to_vireo_domain(domain);
	unsigned long page_size;

	page_size = 1UL << __ffs(viommu->pgsize_bitmap);
	if (page_size > PAGE_SIZE) {
		dev_err(vdev->dev,
			"granule 0x%lx larger than system page size 0x%lx\n",
			page_size, PAGE_SIZE);
		return -ENODEV;
	}

	vdomain->id		= viommu->next_domain++;
	domain->pgsize_bitmap	= viommu->pgsize_bitmap;
	domain->geometry	= viommu->geometry;
	vdomain->viommu		= viommu;
	return 0;
}

static void vireo_domain_free(struct iommu_domain *domain)
{
	kfree(to_vireo_domain(domain));
}

static int vireo_attach_dev(struct iommu_domain *domain, struct device *dev)
{
	struct vireo_endpoint *vdev = dev_iommu_priv_get(dev);
	struct vireo_domain *vdomain = to_vireo_domain(domain);
	int ret = 0;

	mutex_lock(&vdomain->mutex);
	if (!vdomain->viommu) {
		/*
		 * Properly initialize the domain now that we know which
		 * vIOMMU owns it.
		 */
		ret = vireo_domain_finalise(vdev, domain);
	} else if (vdomain->viommu != vdev->viommu) {
		ret = -EINVAL;
	}
	mutex_unlock(&vdomain->mutex);
	return ret;
}

static struct iommu_device *vireo_probe_device(struct device *dev)
{
	struct vireo_endpoint *vdev = dev_iommu_priv_get(dev);

	return vdev ? &vdev->viommu->iommu : ERR_PTR(-ENODEV);
}

static struct iommu_ops vireo_ops = {
	.domain_alloc_paging	= vireo_domain_alloc_paging,
	.probe_device		= vireo_probe_device,
	.device_group		= generic_device_group,
	.owner			= THIS_MODULE,
	.default_domain_ops = &(const struct iommu_domain_ops) {
		.attach_dev		= vireo_attach_dev,
		.free			= vireo_domain_free,
	}
};

static int vireo_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct vireo_dev *viommu;
	int ret;

	viommu = devm_kzalloc(dev, sizeof(*viommu), GFP_KERNEL);
	if (!viommu)
		return -ENOMEM;

	viommu->dev = dev;
	viommu->regs = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(viommu->regs))
		return PTR_ERR(viommu->regs);

	viommu->pgsize_bitmap = vireo_pgsize_bitmap(viommu);
	if (!viommu->pgsize_bitmap) {
		ret = -EINVAL;
		goto err_out;
	}

	viommu->geometry.aperture_end = readq(viommu->regs +
					      VIREO_CFG_INPUT_END);
	viommu->geometry.force_aperture = true;

	if (vireo_ops.pgsize_bitmap &&
	    vireo_ops.pgsize_bitmap != viommu->pgsize_bitmap)
		dev_warn(dev, "page sizes differ from the first vIOMMU\n");
	vireo_ops.pgsize_bitmap = viommu->pgsize_bitmap;

	ret = iommu_device_register(&viommu->iommu, &vireo_ops, dev);
	if (ret)
		goto err_out;

	platform_set_drvdata(pdev, viommu);
	dev_info(dev, "pgsize_bitmap: %#lx\n", viommu->pgsize_bitmap);
	return 0;

err_out:
	dev_err(dev, "probe failed: %d\n", ret);
	return ret;
}

static struct platform_driver vireo_iommu_driver = {
	.driver	= {
		.name	= "vireo-iommu",
	},
	.probe	= vireo_probe,
};
module_platform_driver(vireo_iommu_driver);
MODULE_LICENSE("GPL v2");
