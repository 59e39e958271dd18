/* SPDX-License-Identifier: GPL-2.0 */
#ifndef IOMMU_PGSIZE_SERIES_H
#define IOMMU_PGSIZE_SERIES_H

#include <stdbool.h>

#include "scan/flags.h"

/* What the series command was asked for (cmd/series.c parses it). */
struct series_options {
	struct flags_config flags;
	const char *tree;
	const char *output;
	const char *signoff;
	const char *cocci_dir;
	bool allow_dirty;
	bool verify;
	const char *arches;
	const char *checkpatch;
};

/* Write the patch series of o->tree; an exit status. */
int series_run(const struct series_options *o);

#endif
