// SPDX-License-Identifier: GPL-2.0
/*
 * iommu-pgsize corpus: Bittern IOMMU.
 *
 * Verdicts: attach-binding "bound". The first attach takes a context id
 * from its instance's pool (bittern_init_context, called while the domain
 * has none); a device behind another Bittern is then given that id, which
 * the second instance never allocated and may have handed to another
 * domain. attach-instance "unguarded-constant", domain-init "sets".
 *
 * Resembles: drivers that allocate an ASID or context bank at first attach.
 */

#include <linux/bitops.h>
#include <linux/err.h>
#include <linux/idr.h>
#include <linux/io.h>
#include <linux/iommu.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/sizes.h>
#include <linux/slab.h>

#define BITTERN_NR_CTX		16
#define BITTERN_CTX_PGT(n)	(0x100 + (n) * 8)
#define BITTERN_SID_CTX		0x10

struct bittern_iommu {
	struct device		*dev;
	void __iomem		*base;
	struct ida		ctx_ida;
	struct iommu_device	iommu;
};

struct bittern_domain {
	struct iommu_domain	domain;
	int			ctx;		/* 0: none yet */
	u64			*pgt;
};

static struct bittern_domain *to_bittern_domain(struct iommu_domain *dom)
{
	return container_of(dom, struct bittern_domain, domain);
}

static struct iommu_domain *bittern_domain_alloc_paging(struct device *dev)
{
	struct bittern_domain *bdom;

	bdom = kzalloc(sizeof(*bdom), GFP_KERNEL);
	if (!bdom)
		return ERR_PTR(-ENOMEM);

	bdom->pgt = kcalloc(512, sizeof(u64), GFP_KERNEL);
	if (!bdom->pgt) {
		kfree(bdom);
		return ERR_PTR(-ENOMEM);
	}
	bdom->domain.pgsize_bitmap = SZ_4K;
	return &bdom->domain;
}

static void bittern_domain_free(struct iommu_domain *domain)
{
	struct bittern_domain *bdom = to_bittern_domain(domain);

	kfree(bdom->pgt);
	kfree(bdom);
}

static int bittern_init_context(struct bittern_domain *bdom,
				struct bittern_iommu *biommu)
{
	int ret;

	ret = ida_alloc_range(&biommu->ctx_ida, 1, BITTERN_NR_CTX - 1,
			      GFP_KERNEL);
	if (ret < 0)
		return ret;
	bdom->ctx = ret;
	writeq(virt_to_phys(bdom->pgt),
	       biommu->base + BITTERN_CTX_PGT(bdom->ctx));
	return 0;
}

static int bittern_attach_dev(struct iommu_domain *domain, struct device *dev)
{
	struct bittern_domain *bdom = to_bittern_domain(domain);
	struct bittern_iommu *biommu = dev_iommu_priv_get(dev);
	int ret;

	if (!biommu)
		return -ENODEV;

	if (!bdom->ctx) {
		ret = bittern_init_context(bdom, biommu);
		if (ret)
			return ret;
	}

	writel(bdom->ctx, biommu->base + BITTERN_SID_CTX);
	return 0;
}

static const struct iommu_ops bittern_iommu_ops = {
	.domain_alloc_paging	= bittern_domain_alloc_paging,
	.device_group		= generic_single_device_group,
	.default_domain_ops = &(const struct iommu_domain_ops) {
		.attach_dev	= bittern_attach_dev,
		.free		= bittern_domain_free,
	}
};

static int bittern_iommu_probe(struct platform_device *pdev)
{
	struct bittern_iommu *biommu;

	biommu = devm_kzalloc(&pdev->dev, sizeof(*biommu), GFP_KERNEL);
	if (!biommu)
		return -ENOMEM;

	biommu->dev = &pdev->dev;
	biommu->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(biommu->base))
		return PTR_ERR(biommu->base);

	platform_set_drvdata(pdev, biommu);
	return iommu_device_register(&biommu->iommu, &bittern_iommu_ops,
				     &pdev->dev);
}

static struct platform_driver bittern_iommu_driver = {
	.driver	= { .name = "bittern-iommu" },
	.probe	= bittern_iommu_probe,
};
module_platform_driver(bittern_iommu_driver);
MODULE_LICENSE("GPL");
