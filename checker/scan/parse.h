/* SPDX-License-Identifier: GPL-2.0 */
/* Parse candidate files in parallel and collect their inventories. */
#ifndef IOMMU_PGSIZE_PARSE_H
#define IOMMU_PGSIZE_PARSE_H

#include <stdbool.h>
#include <clang-c/Index.h>

#include "scan/flags.h"
#include "model/model.h"
#include "scan/tree.h"

struct pch;
struct result_cache;

/* Contents that replace a file's on disk, for checking a patch. */
struct source_overlay {
	char *path;		/* absolute, as the parser opens it */
	char *text;
	size_t len;
};

struct parse_job {
	char *rel;
	const struct vec *overlays;	/* struct source_overlay, or NULL */
	struct vec args;
	struct vec plain_args;	/* without the PCH; empty when args has none */
	long long size;		/* bytes, to schedule big files first */
	const char *arch;	/* whose flags these are, or NULL */
	char *forced;		/* CONFIG_ symbols defined in @args, or NULL */
	const struct pch *pch;	/* the PCH in @args, or NULL */
	char cache_key[65];	/* result_cache_get() sets it */
	bool cached;		/* the result cache had its inventory */
};

/*
 * Collect @tu into @inv (see collect_translation_unit()), then judge each
 * ops object it defines with the rules, while the AST is alive.
 */
void collect_and_judge(CXTranslationUnit tu, const char *root,
		       const struct vec *only, struct inventory *inv);

/*
 * Parse every job not ->cached with @threads threads, adding to @inv and
 * keeping each result in @cache (if any). @force_config: there is no real
 * configuration, so enable what the code asks for.
 */
void parse_all(const struct tree *tree, struct parse_job *jobs, size_t n,
	       int threads, bool force_config, struct result_cache *cache,
	       struct inventory *inv);

#endif
