/* SPDX-License-Identifier: GPL-2.0 */
/* Writing scan results: GCC-style text and versioned JSON. */
#ifndef IOMMU_PGSIZE_OUTPUT_H
#define IOMMU_PGSIZE_OUTPUT_H

#include <jansson.h>
#include <stdio.h>

#include "scan/flags.h"
#include "model/model.h"
#include "scan/tree.h"

#define SCAN_SCHEMA "iommu-pgsize/scan"
#define SCAN_SCHEMA_VERSION 1

struct scan_result {
	const struct tree *tree;
	enum flags_source flags;
	struct tree_stats tree_stats;
	unsigned int candidates;
	struct inventory inv;
	struct vec findings;	/* struct finding */
	struct vec drivers;	/* struct driver */
};

void write_text(FILE *out, const struct scan_result *res);
int write_json(FILE *out, const struct scan_result *res);
/* The JSON model write_json() prints (docs/scan-json.md); json_decref() it. */
json_t *scan_json(const struct scan_result *res);

/* A JSON string or null; jansson wants UTF-8, source files need not be. */
json_t *jstr(const char *s);

struct finding;

/* One finding as the scan's and the gate's JSON print it. */
json_t *finding_json(const struct finding *f);

#endif
