/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A driver, for reporting, is the file that defines ops objects or uses the
 * ops member; uses through a named object count for the object's file.
 */
#ifndef IOMMU_PGSIZE_DRIVERS_H
#define IOMMU_PGSIZE_DRIVERS_H

#include "model/model.h"

struct driver {
	const char *file;
	struct vec ops;		/* const struct ops_object * */
	struct vec uses;	/* const struct ops_use * */
	struct vec domain_sets;	/* const struct domain_pgsize * */
	unsigned int uses_by_kind[USE_READ + 1];
};

/* Fill @drivers (struct driver, sorted by file); pointers borrow @inv. */
void group_drivers(const struct inventory *inv, struct vec *drivers);
void driver_free(void *p);

#endif
