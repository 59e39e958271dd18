// SPDX-License-Identifier: GPL-2.0-only
/*
 * iommu-pgsize corpus: Mockingbird, a software IOMMU for self tests.
 *
 * Pattern: page sizes given by an ENUM constant that depends on PAGE_SIZE
 * (MOCKINGBIRD_IO_PAGE_SIZE = PAGE_SIZE / 2); the domain allocator sets the
 * domain's own bitmap; one static blocking domain is hung on both
 * .blocked_domain and .default_domain. The allocator also reads another
 * member of the ops object (mockingbird_ops.default_domain_ops), which is
 * not a page-size use.
 *
 * Modelled on: drivers/iommu/iommufd/selftest.c (mock_ops).
 */

#include <linux/err.h>
#include <linux/iommu.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/slab.h>

enum {
	MOCKINGBIRD_APERTURE_START = 1UL << 24,
	MOCKINGBIRD_APERTURE_LAST = (1UL << 31) - 1,

	MOCKINGBIRD_IO_PAGE_SIZE = PAGE_SIZE / 2,
	MOCKINGBIRD_HUGE_PAGE_SIZE = 512 * MOCKINGBIRD_IO_PAGE_SIZE,
};

#define MB_FLAGS_DEVICE_HUGE_IOVA	(1 << 0)

struct mb_dev {
	struct device	dev;
	unsigned long	flags;
};

struct mb_domain {
	unsigned long		flags;
	struct iommu_domain	domain;
};

static const struct iommu_ops mockingbird_ops;

static struct mb_domain *to_mb_domain(struct iommu_domain *domain)
{
	return container_of(domain, struct mb_domain, domain);
}

static int mb_domain_nop_attach(struct iommu_domain *domain,
				  struct device *dev)
{
	return 0;
}

static const struct iommu_domain_ops mb_blocking_ops = {
	.attach_dev = mb_domain_nop_attach,
};

static struct iommu_domain mb_blocking_domain = {
	.type = IOMMU_DOMAIN_BLOCKED,
	.ops = &mb_blocking_ops,
};

static struct iommu_domain *mb_domain_alloc_paging(struct device *dev)
{
	struct mb_dev *mdev = container_of(dev, struct mb_dev, dev);
	struct mb_domain *mb;

	mb = kzalloc(sizeof(*mb), GFP_KERNEL);
	if (!mb)
		return NULL;
	mb->domain.geometry.aperture_start = MOCKINGBIRD_APERTURE_START;
	mb->domain.geometry.aperture_end = MOCKINGBIRD_APERTURE_LAST;
	mb->domain.pgsize_bitmap = MOCKINGBIRD_IO_PAGE_SIZE;
	if (dev && mdev->flags & MB_FLAGS_DEVICE_HUGE_IOVA)
		mb->domain.pgsize_bitmap |= MOCKINGBIRD_HUGE_PAGE_SIZE;
	mb->domain.ops = mockingbird_ops.default_domain_ops;
	mb->domain.type = IOMMU_DOMAIN_UNMANAGED;
	return &mb->domain;
}

static struct iommu_domain *
mb_domain_alloc_user(struct device *dev, u32 flags,
		       struct iommu_domain *parent,
		       const struct iommu_user_data *user_data)
{
	if (parent || user_data)
		return ERR_PTR(-EOPNOTSUPP);

	return mb_domain_alloc_paging(dev);
}

static void mb_domain_free(struct iommu_domain *domain)
{
	kfree(to_mb_domain(domain));
}

static struct iommu_device mb_iommu_device;

static struct iommu_device *mb_probe_device(struct device *dev)
{
	return &mb_iommu_device;
}

static const struct iommu_ops mockingbird_ops = {
	/*
	 * IOMMU_DOMAIN_BLOCKED cannot be returned from def_domain_type()
	 * because it is zero.
	 */
	.default_domain = &mb_blocking_domain,
	.blocked_domain = &mb_blocking_domain,
	.owner = THIS_MODULE,
	.pgsize_bitmap = MOCKINGBIRD_IO_PAGE_SIZE,
	.domain_alloc_paging = mb_domain_alloc_paging,
	.domain_alloc_user = mb_domain_alloc_user,
	.probe_device = mb_probe_device,
	.device_group = generic_device_group,
	.default_domain_ops =
		&(struct iommu_domain_ops){
			.free = mb_domain_free,
			.attach_dev = mb_domain_nop_attach,
		},
};

static int __init mockingbird_selftest_init(void)
{
	return iommu_device_register(&mb_iommu_device, &mockingbird_ops,
				     NULL);
}
module_init(mockingbird_selftest_init);
MODULE_LICENSE("GPL");
