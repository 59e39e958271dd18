// SPDX-License-Identifier: GPL-2.0
/*
 * iommu-pgsize corpus-removed: the Swift library's v1 format. Names
 * nothing the prefilter looks for itself: swift_pt_v1_init(), which
 * stores the domain's sizes, comes from a header two quoted includes
 * away.
 *
 * Resembles: 7.x drivers/iommu/generic_pt/fmt/iommu_amdv1.c.
 */
#define SWIFT_FMT v1

#include "template.h"
