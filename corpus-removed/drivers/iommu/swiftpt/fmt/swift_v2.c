// SPDX-License-Identifier: GPL-2.0
/*
 * iommu-pgsize corpus-removed: the Swift library's v2 format, made from
 * the same template as v1: swift_pt_v2_init() stores the domain's sizes.
 *
 * Resembles: 7.x drivers/iommu/generic_pt/fmt/iommu_x86_64.c.
 */
#define SWIFT_FMT v2

#include "template.h"
