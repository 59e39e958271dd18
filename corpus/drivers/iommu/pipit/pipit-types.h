/* SPDX-License-Identifier: GPL-2.0 */
#ifndef PIPIT_TYPES_H
#define PIPIT_TYPES_H

#include <linux/iommu.h>

struct pipit_domain {
	struct iommu_domain domain;
	u32 *pt;
};

#endif
