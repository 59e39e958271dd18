/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Does a domain record its members? A call that links an entry into a
 * container that is a member of the driver's domain struct (the struct
 * embedding iommu_domain): a node of another struct linked into one of
 * its list_heads, an entry stored into one of its xarrays, or an instance
 * put into its array of per-instance slots. Decided from types and local
 * data flow only, so it holds for any driver.
 */
#ifndef IOMMU_PGSIZE_MEMBERSHIP_H
#define IOMMU_PGSIZE_MEMBERSHIP_H

#include <clang-c/Index.h>

/*
 * The container field (a FieldDecl of the domain struct) that @c, a call
 * or an assignment in the function @fn, records a member in; a null
 * cursor if none. The list may also be reached through a local pointer of
 * @fn that walks it ("list_for_each(pos, &d->list) ...; list_add(&e->node,
 * pos);"); the slot array by a running index ("d->slots[i].inst = iommu")
 * or a local pointer that steps along it ("s = d->slots; ...; s++" with
 * "s->inst = iommu"), so that each instance fills a slot of its own.
 */
CXCursor membership_link(CXCursor c, CXCursor fn);

/* A struct other than the domain that points to an instance (a slot). */
bool membership_is_slot_record(CXType t);

/*
 * The domain's array of slots (a field of the domain struct that is an
 * array of, or points to, slot structs) of which @lhs, in @fn, names a
 * slot's instance pointer: "d->slots[i].inst", or "s->inst" with s a
 * local pointer of @fn given only d->slots and steps along it. A null
 * cursor otherwise. *walks (if given) says whether the slot is picked by
 * a running index or a stepping pointer rather than a fixed one.
 */
CXCursor membership_slot_array(CXCursor lhs, CXCursor fn, bool *walks);

/* "STRUCT.MEMBER" of such a container field (allocated). */
char *membership_field_name(CXCursor field);

#endif
