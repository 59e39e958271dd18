// SPDX-License-Identifier: GPL-2.0
/*
 * iommu-pgsize corpus: Eider IOMMU.
 *
 * Verdicts: attach-binding "checked". Like Bittern, the first attach takes
 * a context id from its instance's pool; the domain also records that
 * instance, and a device behind another one is refused (-EINVAL).
 * attach-instance "bound" (the same guard), domain-init "sets".
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

#define EIDER_NR_CTX		16
#define EIDER_CTX_PGT(n)	(0x100 + (n) * 8)
#define EIDER_SID_CTX		0x10

struct eider_iommu {
	struct device		*dev;
	void __iomem		*base;
	struct ida		ctx_ida;
	struct iommu_device	iommu;
};

struct eider_domain {
	struct iommu_domain	domain;
	int			ctx;		/* 0: none yet */
	struct eider_iommu	*owner;		/* the pool ctx came from */
	u64			*pgt;
};

static struct eider_domain *to_eider_domain(struct iommu_domain *dom)
{
	return container_of(dom, struct eider_domain, domain);
}

static struct iommu_domain *eider_domain_alloc_paging(struct device *dev)
{
	struct eider_domain *edom;

	edom = kzalloc(sizeof(*edom), GFP_KERNEL);
	if (!edom)
		return ERR_PTR(-ENOMEM);

	edom->pgt = kcalloc(512, sizeof(u64), GFP_KERNEL);
	if (!edom->pgt) {
		kfree(edom);
		return ERR_PTR(-ENOMEM);
	}
	edom->domain.pgsize_bitmap = SZ_4K;
	return &edom->domain;
}

static void eider_domain_free(struct iommu_domain *domain)
{
	struct eider_domain *edom = to_eider_domain(domain);

	kfree(edom->pgt);
	kfree(edom);
}

static int eider_init_context(struct eider_domain *edom,
				struct eider_iommu *eiommu)
{
	int ret;

	ret = ida_alloc_range(&eiommu->ctx_ida, 1, EIDER_NR_CTX - 1,
			      GFP_KERNEL);
	if (ret < 0)
		return ret;
	edom->ctx = ret;
	edom->owner = eiommu;
	writeq(virt_to_phys(edom->pgt),
	       eiommu->base + EIDER_CTX_PGT(edom->ctx));
	return 0;
}

static int eider_attach_dev(struct iommu_domain *domain, struct device *dev)
{
	struct eider_domain *edom = to_eider_domain(domain);
	struct eider_iommu *eiommu = dev_iommu_priv_get(dev);
	int ret;

	if (!eiommu)
		return -ENODEV;

	if (!edom->ctx) {
		ret = eider_init_context(edom, eiommu);
		if (ret)
			return ret;
	} else if (edom->owner != eiommu) {
		/* The id means nothing to another instance */
		return -EINVAL;
	}

	writel(edom->ctx, eiommu->base + EIDER_SID_CTX);
	return 0;
}

static const struct iommu_ops eider_iommu_ops = {
	.domain_alloc_paging	= eider_domain_alloc_paging,
	.device_group		= generic_single_device_group,
	.default_domain_ops = &(const struct iommu_domain_ops) {
		.attach_dev	= eider_attach_dev,
		.free		= eider_domain_free,
	}
};

static int eider_iommu_probe(struct platform_device *pdev)
{
	struct eider_iommu *eiommu;

	eiommu = devm_kzalloc(&pdev->dev, sizeof(*eiommu), GFP_KERNEL);
	if (!eiommu)
		return -ENOMEM;

	eiommu->dev = &pdev->dev;
	eiommu->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(eiommu->base))
		return PTR_ERR(eiommu->base);

	platform_set_drvdata(pdev, eiommu);
	return iommu_device_register(&eiommu->iommu, &eider_iommu_ops,
				     &pdev->dev);
}

static struct platform_driver eider_iommu_driver = {
	.driver	= { .name = "eider-iommu" },
	.probe	= eider_iommu_probe,
};
module_platform_driver(eider_iommu_driver);
MODULE_LICENSE("GPL");
