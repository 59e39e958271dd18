// SPDX-License-Identifier: GPL-2.0
/*
 * iommu-pgsize corpus-removed: Bunting IOMMU, two page-table formats.
 *
 * Verdicts: domain-init "sets", naming every function that gives the
 * sizes: the allocator picks a format in a switch, and each case returns
 * what a helper of this file made; bunting_alloc_v1() sizes its domain with
 * swift_pt_v1_init() and bunting_alloc_v2() with swift_pt_v2_init(), both
 * defined in other translation units (swiftpt/fmt/). The second case
 * follows a return: a case label is reached from the switch, not from
 * the statement before it. A break leaves the switch for the failure
 * return after it. The format is the module's choice, the same
 * for every instance, and attach checks nothing (attach-instance
 * "unguarded-constant", as swift).
 *
 * Resembles: 7.x drivers/iommu/amd/iommu.c
 * (amd_iommu_domain_alloc_paging_flags(), pt_iommu_amdv1_init() and
 * pt_iommu_x86_64_init()).
 */

#include <linux/err.h>
#include <linux/iommu.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/swift_pt.h>

#define BUNTING_LEVELS	4

enum bunting_mode { BUNTING_MODE_V1, BUNTING_MODE_V2 };

/* Chosen on the command line, for every instance. */
static enum bunting_mode bunting_pgtable = BUNTING_MODE_V1;
/* Early revisions walk only v2 tables. */
static bool bunting_has_v1 = true;

struct bunting_iommu {
	struct iommu_device	iommu;
};

struct bunting_domain {
	struct swift_pt		pt;
	enum bunting_mode		mode;
};

static struct bunting_domain *to_bunting_domain(struct iommu_domain *dom)
{
	return container_of(dom, struct bunting_domain, pt.domain);
}

static int bunting_attach_dev(struct iommu_domain *domain, struct device *dev)
{
	return 0;
}

static void bunting_domain_free(struct iommu_domain *domain)
{
	struct bunting_domain *wdom = to_bunting_domain(domain);

	if (wdom->mode == BUNTING_MODE_V1)
		swift_pt_v1_deinit(&wdom->pt);
	else
		swift_pt_v2_deinit(&wdom->pt);
	kfree(wdom);
}

static const struct iommu_domain_ops bunting_v1_ops = {
	SWIFT_PT_DOMAIN_OPS(v1),
	.attach_dev	= bunting_attach_dev,
	.free		= bunting_domain_free,
};

static const struct iommu_domain_ops bunting_v2_ops = {
	SWIFT_PT_DOMAIN_OPS(v2),
	.attach_dev	= bunting_attach_dev,
	.free		= bunting_domain_free,
};

static struct iommu_domain *bunting_alloc_v1(void)
{
	struct bunting_domain *wdom;
	int ret;

	wdom = kzalloc(sizeof(*wdom), GFP_KERNEL);
	if (!wdom)
		return ERR_PTR(-ENOMEM);
	wdom->mode = BUNTING_MODE_V1;
	wdom->pt.domain.ops = &bunting_v1_ops;
	ret = swift_pt_v1_init(&wdom->pt, BUNTING_LEVELS);
	if (ret) {
		kfree(wdom);
		return ERR_PTR(ret);
	}
	return &wdom->pt.domain;
}

static struct iommu_domain *bunting_alloc_v2(void)
{
	struct bunting_domain *wdom;
	int ret;

	wdom = kzalloc(sizeof(*wdom), GFP_KERNEL);
	if (!wdom)
		return ERR_PTR(-ENOMEM);
	wdom->mode = BUNTING_MODE_V2;
	wdom->pt.domain.ops = &bunting_v2_ops;
	ret = swift_pt_v2_init(&wdom->pt, BUNTING_LEVELS);
	if (ret) {
		kfree(wdom);
		return ERR_PTR(ret);
	}
	return &wdom->pt.domain;
}

static struct iommu_domain *bunting_domain_alloc_paging(struct device *dev)
{
	switch (bunting_pgtable) {
	case BUNTING_MODE_V1:
		if (!bunting_has_v1)
			break;
		return bunting_alloc_v1();
	case BUNTING_MODE_V2:
		return bunting_alloc_v2();
	}
	return ERR_PTR(-EOPNOTSUPP);
}

static const struct iommu_ops bunting_iommu_ops = {
	.domain_alloc_paging	= bunting_domain_alloc_paging,
	.device_group		= generic_single_device_group,
	.owner			= THIS_MODULE,
};

int bunting_iommu_register(struct bunting_iommu *wiommu, struct device *dev)
{
	return iommu_device_register(&wiommu->iommu, &bunting_iommu_ops, dev);
}
