// SPDX-License-Identifier: GPL-2.0
/*
 * iommu-pgsize corpus: Petrel paravirtual IOMMU.
 *
 * Pattern (m), migratable: the NON-const ops have no .pgsize_bitmap
 * initializer; probe only writes the instance's sizes into them
 * (petrel_ops.pgsize_bitmap = pviommu->pgsize_bitmap), and nothing reads
 * them. Domains come from the legacy domain_alloc(type) and take the
 * instance's sizes when finalised at first attach; another instance is
 * refused.
 *
 * Modelled on: drivers/iommu/virtio-iommu.c (viommu_probe,
 * viommu_domain_alloc, viommu_domain_finalise).
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

#define PETREL_CFG_PAGE_SIZE_MASK	0x00
#define PETREL_CFG_INPUT_END		0x08

struct petrel_dev {
	struct iommu_device		iommu;
	struct device			*dev;
	void __iomem			*regs;
	struct iommu_domain_geometry	geometry;
	unsigned long			pgsize_bitmap;
	u32				next_domain;
};

struct petrel_endpoint {
	struct device			*dev;
	struct petrel_dev		*pviommu;
};

struct petrel_domain {
	struct iommu_domain		domain;
	struct petrel_dev		*pviommu;
	struct mutex			mutex; /* protects pviommu pointer */
	unsigned int			id;
};

static struct petrel_domain *to_petrel_domain(struct iommu_domain *domain)
{
	return container_of(domain, struct petrel_domain, domain);
}

static struct iommu_domain *petrel_domain_alloc(unsigned int type)
{
	struct petrel_domain *pdomain;

	if (type != IOMMU_DOMAIN_UNMANAGED &&
	    type != IOMMU_DOMAIN_DMA)
		return NULL;

	pdomain = kzalloc(sizeof(*pdomain), GFP_KERNEL);
	if (!pdomain)
		return NULL;

	mutex_init(&pdomain->mutex);
	return &pdomain->domain;
}

static int petrel_domain_finalise(struct petrel_endpoint *pdev,
				  struct iommu_domain *domain)
{
	struct petrel_dev *pviommu = pdev->pviommu;
	struct petrel_domain *pdomain = to_petrel_domain(domain);
	unsigned long page_size;

	page_size = 1UL << __ffs(pviommu->pgsize_bitmap);
	if (page_size > PAGE_SIZE) {
		dev_err(pdev->dev,
			"granule 0x%lx larger than system page size 0x%lx\n",
			page_size, PAGE_SIZE);
		return -ENODEV;
	}

	pdomain->id		= pviommu->next_domain++;
	domain->pgsize_bitmap	= pviommu->pgsize_bitmap;
	domain->geometry	= pviommu->geometry;
	pdomain->pviommu	= pviommu;
	return 0;
}

static void petrel_domain_free(struct iommu_domain *domain)
{
	kfree(to_petrel_domain(domain));
}

static int petrel_attach_dev(struct iommu_domain *domain, struct device *dev)
{
	struct petrel_endpoint *pdev = dev_iommu_priv_get(dev);
	struct petrel_domain *pdomain = to_petrel_domain(domain);
	int ret = 0;

	mutex_lock(&pdomain->mutex);
	if (!pdomain->pviommu) {
		/*
		 * Properly initialize the domain now that we know which
		 * vIOMMU owns it.
		 */
		ret = petrel_domain_finalise(pdev, domain);
	} else if (pdomain->pviommu != pdev->pviommu) {
		ret = -EINVAL;
	}
	mutex_unlock(&pdomain->mutex);
	return ret;
}

static struct iommu_device *petrel_probe_device(struct device *dev)
{
	struct petrel_endpoint *pdev = dev_iommu_priv_get(dev);

	return pdev ? &pdev->pviommu->iommu : ERR_PTR(-ENODEV);
}

static struct iommu_ops petrel_ops = {
	.domain_alloc		= petrel_domain_alloc,
	.probe_device		= petrel_probe_device,
	.device_group		= generic_device_group,
	.owner			= THIS_MODULE,
	.default_domain_ops = &(const struct iommu_domain_ops) {
		.attach_dev		= petrel_attach_dev,
		.free			= petrel_domain_free,
	}
};

static int petrel_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct petrel_dev *pviommu;
	int ret;

	pviommu = devm_kzalloc(dev, sizeof(*pviommu), GFP_KERNEL);
	if (!pviommu)
		return -ENOMEM;

	pviommu->dev = dev;
	pviommu->regs = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(pviommu->regs))
		return PTR_ERR(pviommu->regs);

	pviommu->pgsize_bitmap = readq(pviommu->regs +
				       PETREL_CFG_PAGE_SIZE_MASK);
	if (!pviommu->pgsize_bitmap)
		return -EINVAL;

	pviommu->geometry.aperture_end = readq(pviommu->regs +
					       PETREL_CFG_INPUT_END);
	pviommu->geometry.force_aperture = true;

	petrel_ops.pgsize_bitmap = pviommu->pgsize_bitmap;

	ret = iommu_device_register(&pviommu->iommu, &petrel_ops, dev);
	if (ret)
		return ret;

	platform_set_drvdata(pdev, pviommu);
	return 0;
}

static struct platform_driver petrel_iommu_driver = {
	.driver	= {
		.name	= "petrel-iommu",
	},
	.probe	= petrel_probe,
};
module_platform_driver(petrel_iommu_driver);
MODULE_LICENSE("GPL v2");
