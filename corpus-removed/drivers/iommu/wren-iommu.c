// SPDX-License-Identifier: GPL-2.0
/*
 * iommu-pgsize corpus-removed: Wren IOMMU, two page-table formats.
 *
 * Verdicts: domain-init "sets", naming every function that gives the
 * sizes: the allocator picks a format in a switch, and each case returns
 * what a helper of this file made; wren_alloc_v1() sizes its domain with
 * swift_pt_v1_init() and wren_alloc_v2() with swift_pt_v2_init(), both
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

#define WREN_LEVELS	4

enum wren_mode { WREN_MODE_V1, WREN_MODE_V2 };

/* Chosen on the command line, for every instance. */
static enum wren_mode wren_pgtable = WREN_MODE_V1;
/* Early revisions walk only v2 tables. */
static bool wren_has_v1 = true;

struct wren_iommu {
	struct iommu_device	iommu;
};

struct wren_domain {
	struct swift_pt		pt;
	enum wren_mode		mode;
};

static struct wren_domain *to_wren_domain(struct iommu_domain *dom)
{
	return container_of(dom, struct wren_domain, pt.domain);
}

static int wren_attach_dev(struct iommu_domain *domain, struct device *dev)
{
	return 0;
}

static void wren_domain_free(struct iommu_domain *domain)
{
	struct wren_domain *wdom = to_wren_domain(domain);

	if (wdom->mode == WREN_MODE_V1)
		swift_pt_v1_deinit(&wdom->pt);
	else
		swift_pt_v2_deinit(&wdom->pt);
	kfree(wdom);
}

static const struct iommu_domain_ops wren_v1_ops = {
	SWIFT_PT_DOMAIN_OPS(v1),
	.attach_dev	= wren_attach_dev,
	.free		= wren_domain_free,
};

static const struct iommu_domain_ops wren_v2_ops = {
	SWIFT_PT_DOMAIN_OPS(v2),
	.attach_dev	= wren_attach_dev,
	.free		= wren_domain_free,
};

static struct iommu_domain *wren_alloc_v1(void)
{
	struct wren_domain *wdom;
	int ret;

	wdom = kzalloc(sizeof(*wdom), GFP_KERNEL);
	if (!wdom)
		return ERR_PTR(-ENOMEM);
	wdom->mode = WREN_MODE_V1;
	wdom->pt.domain.ops = &wren_v1_ops;
	ret = swift_pt_v1_init(&wdom->pt, WREN_LEVELS);
	if (ret) {
		kfree(wdom);
		return ERR_PTR(ret);
	}
	return &wdom->pt.domain;
}

static struct iommu_domain *wren_alloc_v2(void)
{
	struct wren_domain *wdom;
	int ret;

	wdom = kzalloc(sizeof(*wdom), GFP_KERNEL);
	if (!wdom)
		return ERR_PTR(-ENOMEM);
	wdom->mode = WREN_MODE_V2;
	wdom->pt.domain.ops = &wren_v2_ops;
	ret = swift_pt_v2_init(&wdom->pt, WREN_LEVELS);
	if (ret) {
		kfree(wdom);
		return ERR_PTR(ret);
	}
	return &wdom->pt.domain;
}

static struct iommu_domain *wren_domain_alloc_paging(struct device *dev)
{
	switch (wren_pgtable) {
	case WREN_MODE_V1:
		if (!wren_has_v1)
			break;
		return wren_alloc_v1();
	case WREN_MODE_V2:
		return wren_alloc_v2();
	}
	return ERR_PTR(-EOPNOTSUPP);
}

static const struct iommu_ops wren_iommu_ops = {
	.domain_alloc_paging	= wren_domain_alloc_paging,
	.device_group		= generic_single_device_group,
	.owner			= THIS_MODULE,
};

int wren_iommu_register(struct wren_iommu *wiommu, struct device *dev)
{
	return iommu_device_register(&wiommu->iommu, &wren_iommu_ops, dev);
}
