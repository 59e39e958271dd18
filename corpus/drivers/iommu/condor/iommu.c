// SPDX-License-Identifier: GPL-2.0-only
/*
 * iommu-pgsize corpus: Condor remapping engine.
 *
 * Pattern (n): the domain allocators set the domain's OWN bitmap
 * (dom->domain.pgsize_bitmap = SZ_4K, then |= a superpage helper) while the
 * non-static const ops also say .pgsize_bitmap = SZ_4K. Three allocators:
 * legacy domain_alloc, domain_alloc_user and domain_alloc_sva. Static
 * domains: a blocking domain whose .ops is a compound literal, used for
 * .blocked_domain and .release_domain, and an identity domain with named
 * ops. condor_super_pgsize_bitmap() is a decoy function name.
 *
 * Modelled on: drivers/iommu/intel/iommu.c.
 */

#include <linux/err.h>
#include <linux/iommu.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

#include "iommu.h"

static int condor_superpage_capability(struct condor_iommu *iommu,
				       bool first_stage)
{
	if (first_stage)
		return (iommu->cap & CONDOR_CAP_FL1GP) ? 2 : 1;
	if (iommu->cap & CONDOR_CAP_SLLPS_1G)
		return 2;
	return (iommu->cap & CONDOR_CAP_SLLPS_2M) ? 1 : 0;
}

/* Return the super pagesize bitmap if supported. */
static unsigned long condor_super_pgsize_bitmap(struct condor_domain *domain)
{
	unsigned long bitmap = 0;

	/*
	 * 1-level super page supports page size of 2MiB, 2-level super page
	 * supports page size of both 2MiB and 1GiB.
	 */
	if (domain->iommu_superpage == 1)
		bitmap |= SZ_2M;
	else if (domain->iommu_superpage == 2)
		bitmap |= SZ_2M | SZ_1G;

	return bitmap;
}

static struct condor_domain *condor_paging_domain_alloc(struct device *dev,
							bool first_stage)
{
	struct condor_iommu *iommu = dev_iommu_priv_get(dev);
	struct condor_domain *domain;

	domain = kzalloc(sizeof(*domain), GFP_KERNEL);
	if (!domain)
		return ERR_PTR(-ENOMEM);

	spin_lock_init(&domain->lock);
	domain->nid = dev_to_node(dev);
	domain->use_first_level = first_stage;
	domain->gaw = 48;
	domain->iommu = iommu;

	/* pagesize bitmap */
	domain->domain.pgsize_bitmap = SZ_4K;
	domain->iommu_superpage = condor_superpage_capability(iommu,
							      first_stage);
	domain->domain.pgsize_bitmap |= condor_super_pgsize_bitmap(domain);

	domain->domain.geometry.aperture_end = (1ULL << domain->gaw) - 1;
	domain->domain.geometry.force_aperture = true;
	return domain;
}

static struct iommu_domain *condor_domain_alloc(unsigned int type)
{
	struct condor_domain *domain;

	if (type != IOMMU_DOMAIN_UNMANAGED)
		return NULL;

	domain = kzalloc(sizeof(*domain), GFP_KERNEL);
	if (!domain)
		return NULL;

	/* Superpages are added once the first IOMMU is known */
	spin_lock_init(&domain->lock);
	domain->domain.pgsize_bitmap = SZ_4K;
	return &domain->domain;
}

static struct iommu_domain *
condor_domain_alloc_user(struct device *dev, u32 flags,
			 struct iommu_domain *parent,
			 const struct iommu_user_data *user_data)
{
	struct condor_domain *domain;

	if (flags || parent || user_data)
		return ERR_PTR(-EOPNOTSUPP);

	domain = condor_paging_domain_alloc(dev, false);
	if (IS_ERR(domain))
		return ERR_CAST(domain);
	return &domain->domain;
}

static struct iommu_domain *condor_svm_domain_alloc(struct device *dev,
						    struct mm_struct *mm)
{
	struct iommu_domain *domain;

	domain = kzalloc(sizeof(*domain), GFP_KERNEL);
	if (!domain)
		return ERR_PTR(-ENOMEM);

	domain->mm = mm;
	return domain;
}

static int condor_attach_device(struct iommu_domain *domain,
				struct device *dev)
{
	struct condor_domain *cdom = to_condor_domain(domain);
	struct condor_iommu *iommu = dev_iommu_priv_get(dev);
	unsigned long flags;

	spin_lock_irqsave(&cdom->lock, flags);
	if (!cdom->iommu) {
		cdom->iommu = iommu;
		cdom->iommu_superpage = condor_superpage_capability(iommu,
						cdom->use_first_level);
		domain->pgsize_bitmap |= condor_super_pgsize_bitmap(cdom);
	}
	spin_unlock_irqrestore(&cdom->lock, flags);
	return 0;
}

static void condor_domain_free(struct iommu_domain *domain)
{
	kfree(to_condor_domain(domain));
}

static int condor_blocking_attach_dev(struct iommu_domain *domain,
				      struct device *dev)
{
	return 0;
}

static struct iommu_domain condor_blocking_domain = {
	.type = IOMMU_DOMAIN_BLOCKED,
	.ops = &(const struct iommu_domain_ops) {
		.attach_dev	= condor_blocking_attach_dev,
	}
};

static int condor_identity_attach_dev(struct iommu_domain *domain,
				      struct device *dev)
{
	return 0;
}

static const struct iommu_domain_ops condor_identity_ops = {
	.attach_dev	= condor_identity_attach_dev,
};

static struct iommu_domain condor_identity_domain = {
	.type = IOMMU_DOMAIN_IDENTITY,
	.ops = &condor_identity_ops,
};

static struct iommu_device *condor_probe_device(struct device *dev)
{
	struct condor_iommu *iommu = dev_iommu_priv_get(dev);

	return iommu ? &iommu->iommu : ERR_PTR(-ENODEV);
}

const struct iommu_ops condor_iommu_ops = {
	.blocked_domain		= &condor_blocking_domain,
	.release_domain		= &condor_blocking_domain,
	.identity_domain	= &condor_identity_domain,
	.domain_alloc		= condor_domain_alloc,
	.domain_alloc_user	= condor_domain_alloc_user,
	.domain_alloc_sva	= condor_svm_domain_alloc,
	.probe_device		= condor_probe_device,
	.device_group		= generic_device_group,
	.pgsize_bitmap		= SZ_4K,
	.default_domain_ops = &(const struct iommu_domain_ops) {
		.attach_dev		= condor_attach_device,
		.free			= condor_domain_free,
	}
};
