/* SPDX-License-Identifier: GPL-2.0 */
/* Build the inventory of one parsed translation unit. */
#ifndef IOMMU_PGSIZE_COLLECT_H
#define IOMMU_PGSIZE_COLLECT_H

#include <stdbool.h>
#include <stddef.h>
#include <clang-c/Index.h>

#include "model/model.h"
#include "lib/util.h"

/* The kernel types and members the scan is about. */
#define OPS_STRUCT		"iommu_ops"
#define DOMAIN_STRUCT		"iommu_domain"
#define DOMAIN_OPS_STRUCT	"iommu_domain_ops"
#define PGTABLE_CFG_STRUCT	"io_pgtable_cfg"
#define PGSIZE_MEMBER		"pgsize_bitmap"
#define ATTACH_MEMBER		"attach_dev"
#define DOMAIN_OPS_MEMBER	"ops"
#define DOMAIN_TYPE_MEMBER	"type"
/* __IOMMU_DOMAIN_PAGING: domains that map and unmap have it. */
#define DOMAIN_PAGING_BIT	0x1

/*
 * Add what @tu shows to @inv. Only declarations in files below @root
 * (an absolute path ending in '/') that mention the relevant names are
 * walked, and only inside @only (struct region) when it is set; paths are
 * recorded relative to @root.
 */
void collect_translation_unit(CXTranslationUnit tu, const char *root,
			      const struct vec *only, struct inventory *inv);

#endif
