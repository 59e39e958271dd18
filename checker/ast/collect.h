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
#define DOMAIN_MAP_MEMBER	"map_pages"
#define DOMAIN_OLD_MAP_MEMBER	"map"
/* Generic page-table domains (7.x) map through the table's own ops. */
#define DOMAIN_TRANSLATE_MEMBER	"iova_to_phys"
#define DOMAIN_OPS_MEMBER	"ops"
#define DOMAIN_TYPE_MEMBER	"type"
/* __IOMMU_DOMAIN_PAGING: domains that map and unmap have it. */
#define DOMAIN_PAGING_BIT	0x1

/* A paging allocator stored in an ops object. */
struct alloc_def {
	char *member;
	CXCursor def;		/* the callback's definition */
};

/*
 * What the rules judge about one ops object, kept while its translation
 * unit is alive: the rules follow the callbacks' definitions.
 */
struct ops_site {
	const char *root;
	struct ops_object *ops;
	struct vec allocs;	/* struct alloc_def, every allocator */
	CXCursor attach;	/* the paging attach_dev's definition */
	CXCursor default_ops;	/* default_domain_ops' value, or null */
	CXType ops_type;	/* the core's struct iommu_ops, as declared */
	CXCursor unset_alloc;	/* domain-init: one returning domains unsized */
};

void ops_site_free(void *p);

/*
 * Add what @tu shows to @inv and one struct ops_site per ops object to
 * @sites. Only declarations in files below @root
 * (an absolute path ending in '/') that mention the relevant names are
 * walked, and only inside @only (struct region) when it is set; paths are
 * recorded relative to @root.
 */
void collect_translation_unit(CXTranslationUnit tu, const char *root,
			      const struct vec *only, struct inventory *inv,
			      struct vec *sites);

#endif
