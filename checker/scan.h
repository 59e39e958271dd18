/* SPDX-License-Identifier: GPL-2.0 */
#ifndef IOMMU_PGSIZE_SCAN_H
#define IOMMU_PGSIZE_SCAN_H

#include "flags.h"
#include "output.h"
#include "tree.h"

int cmd_scan(int argc, char **argv);

struct option;

/*
 * The options every tree-reading command shares with scan, followed by
 * the command's own @extra (ending in a zero entry); free() the result.
 */
struct option *scan_longopts(const struct option *extra);
void scan_flags_defaults(struct flags_config *cfg);
/* The TREE operand after getopt (default "."); -1 if there are more. */
int tree_operand(int argc, char **argv, const char *cmd, const char **tree);
/* 0 when @c was one of them, -1 on a bad value, 1 when it was not. */
int scan_flag_option(int c, const char *arg, struct flags_config *cfg);

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
