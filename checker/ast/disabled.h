/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Code the host configuration compiles out: a driver for another
 * architecture often sits in #if CONFIG_... blocks the host never enables.
 * Such blocks are found from the preprocessor's skipped ranges and parsed
 * again with their CONFIG_ symbols forced on.
 */
#ifndef IOMMU_PGSIZE_DISABLED_H
#define IOMMU_PGSIZE_DISABLED_H

#include <stdbool.h>
#include <clang-c/Index.h>

#include "lib/util.h"

struct region {
	char *file;		/* relative to the tree root */
	unsigned int first;
	unsigned int last;
};

struct disabled_code {
	struct vec regions;	/* struct region with relevant tokens */
	struct vec symbols;	/* char *: CONFIG_ symbols that enable them */
	unsigned int stuck;	/* regions no symbol can switch on */
};

void find_disabled_code(CXTranslationUnit tu, const char *root,
			struct disabled_code *out);
bool regions_contain(const struct vec *regions, const char *file,
		     unsigned int line);
void disabled_code_release(struct disabled_code *dc);

/* Config symbols named in a preprocessor directive that turn it on. */
void directive_symbols(const char *directive, size_t len, struct vec *out);

#endif
