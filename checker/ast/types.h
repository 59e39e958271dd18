/* SPDX-License-Identifier: GPL-2.0 */
/* The kernel's types as the analyses recognise them, by what they embed. */
#ifndef IOMMU_PGSIZE_TYPES_H
#define IOMMU_PGSIZE_TYPES_H

#include <stdbool.h>
#include <clang-c/Index.h>

#define INSTANCE_MEMBER_STRUCT	"iommu_device"

/* Does record type @record embed (not point to) a struct @tag? */
bool record_embeds(CXType record, const char *tag);

/* A pointer to an IOMMU instance: a struct embedding iommu_device. */
bool is_instance_pointer(CXType t);

/* Does record type @record have a field pointing to an instance? */
bool record_has_instance_pointer(CXType record);

/*
 * Does the struct @record (as this translation unit declares it) have
 * @name? A stand-in field (below) does not count.
 */
bool record_has_field(CXType record, const char *name);

/*
 * The annotation of a field the scan adds to a kernel header for a
 * module's sake (scan/module.c): the kernel itself has no such field.
 */
#define ABSENT_FIELD_ANNOTATION "iommu-pgsize:absent-from-kernel"

/* Is @field (a FieldDecl) such a stand-in? */
bool field_is_stand_in(CXCursor field);

/* Is @t a pointer to @tag, or to a struct embedding it (a few levels)? */
bool type_reaches_record(CXType t, const char *tag);

#endif
