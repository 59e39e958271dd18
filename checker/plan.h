/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The migration plan: for each ops object that still describes page sizes,
 * whether a semantic patch can move them to the domain safely, or why not.
 */
#ifndef IOMMU_PGSIZE_PLAN_H
#define IOMMU_PGSIZE_PLAN_H

#include "model.h"

struct plan_entry {
	const struct ops_object *ops;
	const char *rule;	/* the cocci rule to apply, or NULL */
	char *reason;		/* why not, when rule is NULL */
	char *allocators;	/* comma-separated paging allocators */
};

/* One entry per ops object that sets or uses the page-size member. */
void plan_migration(const struct inventory *inv, struct vec *plan);
void plan_entry_free(void *p);

#define RULE_FILE_CONSTANT "ops_pgsize_constant.cocci"
#define RULE_FILE_DROP "ops_pgsize_drop.cocci"

#endif
