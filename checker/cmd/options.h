/* SPDX-License-Identifier: GPL-2.0 */
/* The command line every tree-reading command shares with scan. */
#ifndef IOMMU_PGSIZE_OPTIONS_H
#define IOMMU_PGSIZE_OPTIONS_H

#include <getopt.h>

#include "scan/flags.h"

struct command_line {
	const char *name;		/* the command, for messages */
	const char *usage;		/* printed for -h and bad options */
	const char *shortopts;		/* the command's own, e.g. "o:" */
	const struct option *own;	/* its long options, zero-ended */
	/* One of its own options: 0, or -1 after an error message. */
	int (*option)(int c, const char *arg, void *ctx);
	void *ctx;
};

/*
 * Parse @argv: the shared -p, -j, -q, --no-prepare and --cache-dir into
 * @flags, the command's own options through ->option, -h/--help (usage
 * on stdout, exit 0), then the TREE operand (default "."). 0 or -1.
 */
int parse_command_line(int argc, char **argv, const struct command_line *cl,
		       struct flags_config *flags, const char **tree);

#endif
