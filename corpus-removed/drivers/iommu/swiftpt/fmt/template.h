/* SPDX-License-Identifier: GPL-2.0 */
/*
 * iommu-pgsize corpus-removed: what a Swift format file includes; the
 * library's code is one directory up.
 *
 * Resembles: 7.x drivers/iommu/generic_pt/fmt/iommu_template.h.
 */
#include "../swift_pt_common.h"
