// SPDX-License-Identifier: GPL-2.0
/*
 * iommu-pgsize corpus: Gull IOMMU.
 *
 * Verdicts: attach-binding "per-instance". The domain keeps a list of the
 * instances it is attached through; each entry holds that instance and the
 * context id taken from its own pool (gull_attach_dev), so a device behind
 * a second Gull gets a context of the second Gull. attach-instance
 * "shared", domain-init "sets".
 *
 * Resembles: drivers whose domain links one small struct per IOMMU.
 */

#include <linux/bitops.h>
#include <linux/err.h>
#include <linux/idr.h>
#include <linux/io.h>
#include <linux/iommu.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/sizes.h>
#include <linux/slab.h>

#define GULL_NR_CTX		16
#define GULL_CTX_PGT(n)		(0x100 + (n) * 8)
#define GULL_SID_CTX		0x10

struct gull_iommu {
	struct device		*dev;
	void __iomem		*base;
	struct ida		ctx_ida;
	struct iommu_device	iommu;
};

/* What the domain holds in one instance */
struct gull_link {
	struct list_head	node;
	struct gull_iommu	*iommu;
	int			ctx;
};

struct gull_domain {
	struct iommu_domain	domain;
	struct list_head	links;
	u64			*pgt;
};

static struct gull_domain *to_gull_domain(struct iommu_domain *dom)
{
	return container_of(dom, struct gull_domain, domain);
}

static struct iommu_domain *gull_domain_alloc_paging(struct device *dev)
{
	struct gull_domain *gdom;

	gdom = kzalloc(sizeof(*gdom), GFP_KERNEL);
	if (!gdom)
		return ERR_PTR(-ENOMEM);

	gdom->pgt = kcalloc(512, sizeof(u64), GFP_KERNEL);
	if (!gdom->pgt) {
		kfree(gdom);
		return ERR_PTR(-ENOMEM);
	}
	INIT_LIST_HEAD(&gdom->links);
	gdom->domain.pgsize_bitmap = SZ_4K;
	return &gdom->domain;
}

static void gull_domain_free(struct iommu_domain *domain)
{
	struct gull_domain *gdom = to_gull_domain(domain);

	kfree(gdom->pgt);
	kfree(gdom);
}

static struct gull_link *gull_find_link(struct gull_domain *gdom,
					struct gull_iommu *iommu)
{
	struct gull_link *link;

	list_for_each_entry(link, &gdom->links, node)
		if (link->iommu == iommu)
			return link;
	return NULL;
}

static int gull_attach_dev(struct iommu_domain *domain, struct device *dev)
{
	struct gull_domain *gdom = to_gull_domain(domain);
	struct gull_iommu *iommu = dev_iommu_priv_get(dev);
	struct gull_link *link;
	int ret;

	if (!iommu)
		return -ENODEV;

	link = gull_find_link(gdom, iommu);
	if (!link) {
		link = kzalloc(sizeof(*link), GFP_KERNEL);
		if (!link)
			return -ENOMEM;
		ret = ida_alloc_range(&iommu->ctx_ida, 1, GULL_NR_CTX - 1,
				      GFP_KERNEL);
		if (ret < 0) {
			kfree(link);
			return ret;
		}
		link->iommu = iommu;
		link->ctx = ret;
		writeq(virt_to_phys(gdom->pgt),
		       iommu->base + GULL_CTX_PGT(link->ctx));
		list_add(&link->node, &gdom->links);
	}
	writel(link->ctx, iommu->base + GULL_SID_CTX);
	return 0;
}

static const struct iommu_ops gull_iommu_ops = {
	.domain_alloc_paging	= gull_domain_alloc_paging,
	.device_group		= generic_single_device_group,
	.default_domain_ops = &(const struct iommu_domain_ops) {
		.attach_dev	= gull_attach_dev,
		.free		= gull_domain_free,
	}
};

static int gull_iommu_probe(struct platform_device *pdev)
{
	struct gull_iommu *iommu;

	iommu = devm_kzalloc(&pdev->dev, sizeof(*iommu), GFP_KERNEL);
	if (!iommu)
		return -ENOMEM;

	iommu->dev = &pdev->dev;
	iommu->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(iommu->base))
		return PTR_ERR(iommu->base);

	platform_set_drvdata(pdev, iommu);
	return iommu_device_register(&iommu->iommu, &gull_iommu_ops,
				     &pdev->dev);
}

static struct platform_driver gull_iommu_driver = {
	.driver	= { .name = "gull-iommu" },
	.probe	= gull_iommu_probe,
};
module_platform_driver(gull_iommu_driver);
MODULE_LICENSE("GPL");
