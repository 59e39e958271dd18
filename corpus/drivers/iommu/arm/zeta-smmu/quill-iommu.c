// SPDX-License-Identifier: GPL-2.0-only
/*
 * iommu-pgsize corpus: Quill IOMMU (a firmware-managed Zeta SMMU variant).
 *
 * Pattern (c): the const ops' page sizes are read back into an io-pgtable
 * configuration (.pgsize_bitmap = quill_iommu_ops.pgsize_bitmap inside a
 * (struct io_pgtable_cfg){...} compound literal), and the page table's
 * answer goes into the domain (dom->domain.pgsize_bitmap = cfg...). The ops
 * object is declared before its definition because of that read.
 *
 * Modelled on: drivers/iommu/arm/arm-smmu/qcom_iommu.c.
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

#define QUILL_CB_SCTLR		0x00
#define QUILL_CB_TTBR0		0x20

static const struct iommu_ops quill_iommu_ops;

struct quill_iommu_dev {
	struct iommu_device	iommu;
	struct device		*dev;
	void __iomem		*local_base;
	u32			sec_id;
};

struct quill_iommu_domain {
	struct io_pgtable_ops	*pgtbl_ops;
	struct mutex		init_mutex; /* Protects iommu pointer */
	struct iommu_domain	domain;
	struct quill_iommu_dev	*iommu;
};

static struct quill_iommu_domain *to_quill_domain(struct iommu_domain *dom)
{
	return container_of(dom, struct quill_iommu_domain, domain);
}

static int quill_iommu_init_domain(struct iommu_domain *domain,
				   struct quill_iommu_dev *qiommu,
				   struct device *dev)
{
	struct quill_iommu_domain *qdom = to_quill_domain(domain);
	struct io_pgtable_ops *pgtbl_ops;
	struct io_pgtable_cfg pgtbl_cfg;
	int ret = 0;

	mutex_lock(&qdom->init_mutex);
	if (qdom->iommu)
		goto out_unlock;

	pgtbl_cfg = (struct io_pgtable_cfg) {
		.pgsize_bitmap	= quill_iommu_ops.pgsize_bitmap,
		.ias		= 32,
		.oas		= 40,
		.iommu_dev	= qiommu->dev,
	};

	qdom->iommu = qiommu;
	pgtbl_ops = alloc_io_pgtable_ops(ARM_32_LPAE_S1, &pgtbl_cfg, qdom);
	if (!pgtbl_ops) {
		dev_err(qiommu->dev, "failed to allocate pagetable ops\n");
		ret = -ENOMEM;
		goto out_clear_iommu;
	}

	/* Update the domain's page sizes to reflect the page table format */
	qdom->domain.pgsize_bitmap = pgtbl_cfg.pgsize_bitmap;
	qdom->domain.geometry.aperture_end = (1ULL << pgtbl_cfg.ias) - 1;
	qdom->domain.geometry.force_aperture = true;

	writel(0, qiommu->local_base + QUILL_CB_SCTLR);
	writel(lower_32_bits(pgtbl_cfg.arm_lpae_s1_cfg.ttbr),
	       qiommu->local_base + QUILL_CB_TTBR0);
	writel(1, qiommu->local_base + QUILL_CB_SCTLR);

	/* Publish page table ops for map/unmap */
	qdom->pgtbl_ops = pgtbl_ops;
	mutex_unlock(&qdom->init_mutex);
	return 0;

out_clear_iommu:
	qdom->iommu = NULL;
out_unlock:
	mutex_unlock(&qdom->init_mutex);
	return ret;
}

static struct iommu_domain *quill_iommu_domain_alloc_paging(struct device *dev)
{
	struct quill_iommu_domain *qdom;

	/*
	 * Allocate the domain and initialise some of its data structures.
	 * We can't really do anything meaningful until we've added a
	 * master.
	 */
	qdom = kzalloc(sizeof(*qdom), GFP_KERNEL);
	if (!qdom)
		return NULL;

	mutex_init(&qdom->init_mutex);
	return &qdom->domain;
}

static void quill_iommu_domain_free(struct iommu_domain *domain)
{
	struct quill_iommu_domain *qdom = to_quill_domain(domain);

	if (qdom->pgtbl_ops)
		free_io_pgtable_ops(qdom->pgtbl_ops);
	kfree(qdom);
}

static int quill_iommu_attach_dev(struct iommu_domain *domain,
				  struct device *dev)
{
	struct quill_iommu_dev *qiommu = dev_iommu_priv_get(dev);
	struct quill_iommu_domain *qdom = to_quill_domain(domain);
	int ret;

	if (!qiommu) {
		dev_err(dev, "cannot attach to IOMMU\n");
		return -ENXIO;
	}

	/* Ensure that the domain is finalized */
	ret = quill_iommu_init_domain(domain, qiommu, dev);
	if (ret < 0)
		return ret;

	/*
	 * Sanity check the domain. We don't support domains across
	 * different IOMMUs.
	 */
	if (qdom->iommu != qiommu)
		return -EINVAL;

	return 0;
}

static struct iommu_device *quill_iommu_probe_device(struct device *dev)
{
	struct quill_iommu_dev *qiommu = dev_iommu_priv_get(dev);

	if (!qiommu)
		return ERR_PTR(-ENODEV);

	return &qiommu->iommu;
}

static const struct iommu_ops quill_iommu_ops = {
	.domain_alloc_paging = quill_iommu_domain_alloc_paging,
	.probe_device	= quill_iommu_probe_device,
	.device_group	= generic_device_group,
	.pgsize_bitmap	= SZ_4K | SZ_2M | SZ_1G,
	.default_domain_ops = &(const struct iommu_domain_ops) {
		.attach_dev	= quill_iommu_attach_dev,
		.free		= quill_iommu_domain_free,
	}
};

static int quill_iommu_device_probe(struct platform_device *pdev)
{
	struct quill_iommu_dev *qiommu;
	struct device *dev = &pdev->dev;

	qiommu = devm_kzalloc(dev, sizeof(*qiommu), GFP_KERNEL);
	if (!qiommu)
		return -ENOMEM;

	qiommu->dev = dev;
	qiommu->local_base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(qiommu->local_base))
		return PTR_ERR(qiommu->local_base);

	platform_set_drvdata(pdev, qiommu);
	return iommu_device_register(&qiommu->iommu, &quill_iommu_ops, dev);
}

static struct platform_driver quill_iommu_driver = {
	.driver	= {
		.name		= "quill-iommu",
	},
	.probe	= quill_iommu_device_probe,
};
module_platform_driver(quill_iommu_driver);
MODULE_LICENSE("GPL v2");
