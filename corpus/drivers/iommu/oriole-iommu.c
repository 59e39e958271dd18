// SPDX-License-Identifier: GPL-2.0
/*
 * iommu-pgsize corpus: Oriole IOMMU.
 *
 * A client device sits behind several MMUs, and its domain spans all of
 * them: attach allocates an array with one slot per MMU of the client
 * (oriole_attach_init) and then puts each MMU into its own slot through
 * a pointer that steps along the array (oriole_attach_dev). The domain
 * serves one client (-EBUSY while a client holds it).
 *
 * Verdicts: attach-instance "shared" (the domain records every MMU it
 * spans), attach-binding "rebinds" (an attach that gets past the -EBUSY
 * test builds the array anew; none does while a client holds the
 * domain), domain-init "sets".
 *
 * Resembles: omap-iommu.c (omap_iommu_domain.iommus, filled in
 * omap_iommu_attach_dev()).
 */

#include <linux/bitops.h>
#include <linux/err.h>
#include <linux/io.h>
#include <linux/iommu.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/sizes.h>
#include <linux/slab.h>

#define ORIOLE_PGT_BASE		0x08
#define ORIOLE_MAX_MMUS		4

struct oriole_mmu {
	void __iomem		*base;
	struct iommu_device	iommu;
};

/* What the client device sits behind (dev_iommu_priv_get()). */
struct oriole_client {
	int			nr_mmus;
	struct oriole_mmu	*mmus[ORIOLE_MAX_MMUS];
};

/* One per MMU the domain spans. */
struct oriole_slot {
	u64			*pgt;
	struct oriole_mmu	*mmu;
};

struct oriole_domain {
	struct iommu_domain	domain;
	int			nr_slots;
	struct oriole_slot	*slots;
	struct device		*dev;
};

static struct oriole_domain *to_oriole_domain(struct iommu_domain *dom)
{
	return container_of(dom, struct oriole_domain, domain);
}

static struct iommu_domain *oriole_domain_alloc_paging(struct device *dev)
{
	struct oriole_domain *odom;

	odom = kzalloc(sizeof(*odom), GFP_KERNEL);
	if (!odom)
		return ERR_PTR(-ENOMEM);
	odom->domain.pgsize_bitmap = SZ_4K;
	return &odom->domain;
}

static void oriole_domain_free(struct iommu_domain *domain)
{
	kfree(to_oriole_domain(domain));
}

/* The caller frees what is left if this fails. */
static int oriole_attach_init(struct oriole_domain *odom,
			      struct oriole_client *client)
{
	struct oriole_slot *slot;
	int i;

	odom->nr_slots = client->nr_mmus;
	odom->slots = kcalloc(odom->nr_slots, sizeof(*slot), GFP_KERNEL);
	if (!odom->slots)
		return -ENOMEM;
	slot = odom->slots;
	for (i = 0; i < odom->nr_slots; i++, slot++) {
		slot->pgt = kcalloc(512, sizeof(u64), GFP_KERNEL);
		if (!slot->pgt)
			return -ENOMEM;
	}
	return 0;
}

static int oriole_attach_dev(struct iommu_domain *domain, struct device *dev)
{
	struct oriole_domain *odom = to_oriole_domain(domain);
	struct oriole_client *client = dev_iommu_priv_get(dev);
	struct oriole_slot *slot;
	int i, ret;

	if (!client)
		return -ENODEV;

	/* One client at a time: the last one must have let go */
	if (odom->dev)
		return -EBUSY;

	ret = oriole_attach_init(odom, client);
	if (ret)
		return ret;

	slot = odom->slots;
	for (i = 0; i < odom->nr_slots; i++, slot++) {
		slot->mmu = client->mmus[i];
		writeq(virt_to_phys(slot->pgt), slot->mmu->base + ORIOLE_PGT_BASE);
	}
	odom->dev = dev;
	return 0;
}

static const struct iommu_ops oriole_iommu_ops = {
	.domain_alloc_paging	= oriole_domain_alloc_paging,
	.device_group		= generic_single_device_group,
	.default_domain_ops = &(const struct iommu_domain_ops) {
		.attach_dev	= oriole_attach_dev,
		.free		= oriole_domain_free,
	}
};

static int oriole_iommu_probe(struct platform_device *pdev)
{
	struct oriole_mmu *mmu;

	mmu = devm_kzalloc(&pdev->dev, sizeof(*mmu), GFP_KERNEL);
	if (!mmu)
		return -ENOMEM;

	mmu->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(mmu->base))
		return PTR_ERR(mmu->base);

	platform_set_drvdata(pdev, mmu);
	return iommu_device_register(&mmu->iommu, &oriole_iommu_ops,
				     &pdev->dev);
}

static struct platform_driver oriole_iommu_driver = {
	.driver	= { .name = "oriole-iommu" },
	.probe	= oriole_iommu_probe,
};
module_platform_driver(oriole_iommu_driver);
MODULE_LICENSE("GPL");
