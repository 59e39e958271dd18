/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Where a domain's IOMMU instance comes from: the attach path finds it
 * from the device and finalises the domain with its page sizes. Derive
 * the same instance, as C, for an allocator that is given the device, so
 * that domains have their sizes before they are first attached.
 */
#ifndef IOMMU_PGSIZE_DERIVE_H
#define IOMMU_PGSIZE_DERIVE_H

#include <clang-c/Index.h>

#include "model/model.h"

/*
 * Fill @out for the paging allocator @alloc, whose domains @attach
 * finalises; @ops_type is the struct iommu_ops of the tree. out->reason
 * says why not when no derivation was found.
 */
void derive_instance(CXCursor alloc, CXCursor attach, CXType ops_type,
		     struct instance_path *out);

#endif
