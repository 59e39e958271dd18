/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What each translation unit gave the scan, kept between runs: an entry
 * is used again only while its arguments and the contents of every file
 * the parse read (the source, each header, the configuration) are the
 * same, and only by the same build of this program. Like ccache, it
 * compares contents, never times. Paths inside the tree are kept
 * relative to it, so a copy of the tree (series --verify's) finds the
 * entries of its unchanged files.
 */
#ifndef IOMMU_PGSIZE_RESULT_CACHE_H
#define IOMMU_PGSIZE_RESULT_CACHE_H

#include <stdbool.h>
#include <clang-c/Index.h>
#include <jansson.h>

#include "lib/digest.h"
#include "model/model.h"
#include "scan/parse.h"

struct result_cache;

/* Entries under @dir (made if missing) for files of @root; NULL: none. */
struct result_cache *result_cache_open(const char *dir, const char *root);
void result_cache_close(struct result_cache *rc);

/*
 * @job's key (from its arguments, before any PCH is added) into
 * job->cache_key, then its entry's inventory into @inv if it is still
 * valid. Thread-safe, as is the rest.
 */
bool result_cache_get(struct result_cache *rc, struct parse_job *job,
		      bool force_config, struct inventory *inv);

/* The files @tu (parsed with @args) read, as absolute paths, into @deps. */
void result_cache_deps(CXTranslationUnit tu, const struct vec *args,
		       struct vec *deps);

/*
 * Keep @part (and @extra, the PCH's inventory if the parse used one) as
 * the entry of @job, valid while the files @deps are as they are now.
 */
void result_cache_put(struct result_cache *rc, const struct parse_job *job,
		      const struct vec *deps, const struct inventory *part,
		      const json_t *extra);

/* How many jobs were found and how many had no valid entry. */
void result_cache_counts(const struct result_cache *rc, unsigned int *hits,
			 unsigned int *misses);

#endif
