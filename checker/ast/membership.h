/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Does a domain record its members? A call that links an entry into a
 * container that is a member of the driver's domain struct (the struct
 * embedding iommu_domain): a node of another struct linked into one of
 * its list_heads, or an entry stored into one of its xarrays. Decided
 * from types only, so it holds for any driver.
 */
#ifndef IOMMU_PGSIZE_MEMBERSHIP_H
#define IOMMU_PGSIZE_MEMBERSHIP_H

#include <clang-c/Index.h>

/*
 * The container field (a FieldDecl of the domain struct) that @call, made
 * in the function @fn, links an entry into; a null cursor if none. The
 * list may also be reached through a local pointer of @fn that walks it
 * ("list_for_each(pos, &d->list) ...; list_add(&e->node, pos);").
 */
CXCursor membership_link(CXCursor call, CXCursor fn);

/* "STRUCT.MEMBER" of such a container field (allocated). */
char *membership_field_name(CXCursor field);

#endif
