// SPDX-License-Identifier: GPL-2.0
/*
 * iommu-pgsize corpus-removed: Nuthatch IOMMU, a test double.
 *
 * Verdicts: domain-init "sets": the allocator returns the domain of the
 * struct a helper of this file made, nuthatch_domain_alloc_pgtable(), which
 * returns that struct (not the domain) on success, and only after
 * swift_pt_v1_init() (another translation unit) sized the library struct
 * sharing a union with the domain; the huge variant then sets the sizes
 * itself as well. The helper's error case and its failed init leave by
 * goto; the good case leaves the switch by break. The other allocator
 * returns a nested domain, which has no map_pages and is not judged: its
 * type and ops are stored by the helper whose struct it returns,
 * __nuthatch_domain_alloc_nested(). The table type is the harness's choice,
 * the same for every instance, and attach checks nothing
 * (attach-instance "unguarded-constant").
 *
 * Resembles: 7.x drivers/iommu/iommufd/selftest.c
 * (mock_domain_alloc_paging_flags(), mock_domain_alloc_pgtable(),
 * pt_iommu_amdv1_mock_init()).
 */

#include <linux/err.h>
#include <linux/iommu.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/swift_pt.h>

#define NUTHATCH_LEVELS	4

enum nuthatch_pt_type { NUTHATCH_PT_DEFAULT, NUTHATCH_PT_HUGE, NUTHATCH_PT_NONE };

/* Set by the test harness, the same for every instance. */
static enum nuthatch_pt_type nuthatch_pt_type = NUTHATCH_PT_DEFAULT;

struct nuthatch_domain {
	union {
		struct iommu_domain	domain;
		struct swift_pt		pt;
	};
	unsigned long		flags;
};

static struct nuthatch_domain *to_nuthatch_domain(struct iommu_domain *dom)
{
	return container_of(dom, struct nuthatch_domain, domain);
}

static int nuthatch_attach_dev(struct iommu_domain *domain, struct device *dev)
{
	return 0;
}

static void nuthatch_domain_free(struct iommu_domain *domain)
{
	struct nuthatch_domain *kdom = to_nuthatch_domain(domain);

	swift_pt_v1_deinit(&kdom->pt);
	kfree(kdom);
}

static const struct iommu_domain_ops nuthatch_ops = {
	SWIFT_PT_DOMAIN_OPS(v1),
	.attach_dev	= nuthatch_attach_dev,
	.free		= nuthatch_domain_free,
};

static struct nuthatch_domain *nuthatch_domain_alloc_pgtable(enum nuthatch_pt_type type)
{
	struct nuthatch_domain *kdom;
	int rc;

	kdom = kzalloc(sizeof(*kdom), GFP_KERNEL);
	if (!kdom)
		return ERR_PTR(-ENOMEM);
	kdom->domain.type = IOMMU_DOMAIN_UNMANAGED;

	switch (type) {
	case NUTHATCH_PT_DEFAULT:
	case NUTHATCH_PT_HUGE: {
		kdom->domain.ops = &nuthatch_ops;
		rc = swift_pt_v1_init(&kdom->pt, NUTHATCH_LEVELS);
		if (rc)
			goto err_free;
		/* Huge mode maps only 2M, plus the CPU page size */
		if (type == NUTHATCH_PT_HUGE)
			kdom->domain.pgsize_bitmap = SZ_2M | SZ_4K;
		break;
	}
	default:
		rc = -EOPNOTSUPP;
		goto err_free;
	}

	if (type == NUTHATCH_PT_DEFAULT)
		WARN_ON(!kdom->domain.pgsize_bitmap);
	return kdom;
err_free:
	kfree(kdom);
	return ERR_PTR(rc);
}

/* A nested domain translates through its parent: no map_pages. */
static const struct iommu_domain_ops nuthatch_nested_ops = {
	.attach_dev	= nuthatch_attach_dev,
};

static struct nuthatch_domain *__nuthatch_domain_alloc_nested(void)
{
	struct nuthatch_domain *knest;

	knest = kzalloc(sizeof(*knest), GFP_KERNEL);
	if (!knest)
		return ERR_PTR(-ENOMEM);
	knest->domain.ops = &nuthatch_nested_ops;
	knest->domain.type = IOMMU_DOMAIN_NESTED;
	return knest;
}

static struct iommu_domain *
nuthatch_domain_alloc_user(struct device *dev, u32 flags,
		       struct iommu_domain *parent,
		       const struct iommu_user_data *user_data)
{
	struct nuthatch_domain *knest;

	if (!parent || !(parent->type & __IOMMU_DOMAIN_PAGING))
		return ERR_PTR(-EINVAL);
	knest = __nuthatch_domain_alloc_nested();
	if (IS_ERR(knest))
		return ERR_CAST(knest);
	return &knest->domain;
}

static struct iommu_domain *nuthatch_domain_alloc_paging(struct device *dev)
{
	struct nuthatch_domain *kdom;

	kdom = nuthatch_domain_alloc_pgtable(nuthatch_pt_type);
	if (IS_ERR(kdom))
		return ERR_CAST(kdom);
	return &kdom->domain;
}

static const struct iommu_ops nuthatch_iommu_ops = {
	.domain_alloc_paging	= nuthatch_domain_alloc_paging,
	.domain_alloc_user	= nuthatch_domain_alloc_user,
	.device_group		= generic_single_device_group,
	.owner			= THIS_MODULE,
};

int nuthatch_iommu_register(struct iommu_device *iommu, struct device *dev)
{
	return iommu_device_register(iommu, &nuthatch_iommu_ops, dev);
}
