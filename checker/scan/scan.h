/* SPDX-License-Identifier: GPL-2.0 */
#ifndef IOMMU_PGSIZE_SCAN_H
#define IOMMU_PGSIZE_SCAN_H

#include "scan/flags.h"
#include "scan/output.h"
#include "scan/tree.h"

/* Parse @tree, collect its inventory, run the rules, group drivers. */
int scan_analyse(const struct tree *tree, const struct flags_config *cfg,
		 struct scan_result *res);
void scan_result_release(struct scan_result *res);

/* Only some files, some of them with other contents (lint). */
struct scan_scope {
	const struct vec *files;	/* relative .c paths to parse */
	const struct vec *overlays;	/* struct source_overlay, or NULL */
	bool no_pch;			/* an overlay is a header */
};

int scan_analyse_scoped(const struct tree *tree,
			const struct flags_config *cfg,
			const struct scan_scope *scope, struct scan_result *res);

#endif
