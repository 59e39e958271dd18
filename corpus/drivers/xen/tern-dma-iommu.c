// SPDX-License-Identifier: GPL-2.0
/*
 * iommu-pgsize corpus: Tern stub IOMMU, outside drivers/iommu.
 *
 * Pattern: a const struct iommu_ops with nothing but a probe_device
 * callback: no page sizes, no domain allocator, no attach_dev anywhere.
 * It exists only so the generic IOMMU device tree bindings can be reused.
 *
 * Modelled on: drivers/xen/grant-dma-iommu.c.
 */

#include <linux/err.h>
#include <linux/iommu.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/platform_device.h>

struct tern_dma_iommu_device {
	struct device *dev;
	struct iommu_device iommu;
};

static struct iommu_device *tern_dma_iommu_probe_device(struct device *dev)
{
	return ERR_PTR(-ENODEV);
}

/* Nothing is really needed here except a dummy probe_device callback */
static const struct iommu_ops tern_dma_iommu_ops = {
	.probe_device = tern_dma_iommu_probe_device,
};

static const struct of_device_id tern_dma_iommu_of_match[] = {
	{ .compatible = "corpus,tern-dma" },
	{ },
};

static int tern_dma_iommu_probe(struct platform_device *pdev)
{
	struct tern_dma_iommu_device *mmu;
	int ret;

	mmu = devm_kzalloc(&pdev->dev, sizeof(*mmu), GFP_KERNEL);
	if (!mmu)
		return -ENOMEM;

	mmu->dev = &pdev->dev;

	ret = iommu_device_register(&mmu->iommu, &tern_dma_iommu_ops,
				    &pdev->dev);
	if (ret)
		return ret;

	platform_set_drvdata(pdev, mmu);

	return 0;
}

static void tern_dma_iommu_remove(struct platform_device *pdev)
{
	struct tern_dma_iommu_device *mmu = platform_get_drvdata(pdev);

	platform_set_drvdata(pdev, NULL);
	iommu_device_unregister(&mmu->iommu);
}

static struct platform_driver tern_dma_iommu_driver = {
	.driver = {
		.name = "tern-dma-iommu",
		.of_match_table = tern_dma_iommu_of_match,
	},
	.probe = tern_dma_iommu_probe,
	.remove = tern_dma_iommu_remove,
};
module_platform_driver(tern_dma_iommu_driver);

MODULE_DESCRIPTION("Tern stub IOMMU driver (iommu-pgsize corpus)");
MODULE_LICENSE("GPL");
