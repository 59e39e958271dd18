/* SPDX-License-Identifier: GPL-2.0 */
/* Findings: what the rules report about an inventory. */
#ifndef IOMMU_PGSIZE_FINDINGS_H
#define IOMMU_PGSIZE_FINDINGS_H

#include "model/model.h"
#include "rules/rules.h"

struct finding {
	struct src_loc loc;
	const char *rule;
	const char *severity;	/* "warning" or "note" */
	char *function;
	char *message;
	char fingerprint[17];	/* stable across moves: no line numbers */
};

/* FNV-1a over rule, file, function and a normalised subject. */
void finding_fingerprint(struct finding *f, const char *subject);

/* Run every rule over @inv, appending struct finding to @out (sorted). */
void run_rules(const struct inventory *inv, struct vec *out);
void finding_free(void *p);

/* The driver a use belongs to: its ops object's file, else its own. */
const char *use_driver_file(const struct ops_use *use);

#endif
