/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Per-function summaries, as smatch's cross-function database keeps them:
 * "stores the page sizes of the domain reached through parameter N", so
 * that callers in other translation units can count the store.
 */
#ifndef IOMMU_PGSIZE_SUMMARY_H
#define IOMMU_PGSIZE_SUMMARY_H

#include <clang-c/Index.h>

#define SUMMARY_MAX_DEPTH 4

/*
 * The parameter of the definition @fn through which it, or a function it
 * calls in this translation unit, assigns ("=") the pgsize_bitmap of a
 * domain: the parameter itself, a member of it at any depth, or a local
 * initialised from those. -1 if none.
 */
int summary_domain_param(CXCursor fn);

#endif
