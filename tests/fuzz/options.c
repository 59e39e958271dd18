// SPDX-License-Identifier: GPL-2.0
/*
 * The command line shared by the tree-reading commands (-j and the rest),
 * with own options like series': NUL-separated arguments. -h is left out
 * of option words: it prints the usage and exits, by design.
 */
#include <getopt.h>
#include <stdlib.h>

#include "fuzz.h"
#include "cmd/options.h"

#define MAX_ARGS 32

static int own_option(int c, const char *arg, void *ctx)
{
	return c == 'o' || c == 's' ? 0 : -1;
}

static const struct option own[] = {
	{ "output", required_argument, NULL, 'o' },
	{ "signoff", required_argument, NULL, 's' },
	{ NULL, 0, NULL, 0 },
};

static const struct command_line cl = {
	.name = "fuzz", .usage = "usage: fuzz [-o DIR] TREE\n",
	.shortopts = "o:", .own = own, .option = own_option,
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = xmalloc(size + 1), *argv[MAX_ARGS + 2], *p, *q;
	struct flags_config flags;
	const char *tree;
	int argc = 0;

	memcpy(text, data, size);
	text[size] = '\0';
	argv[argc++] = "iommu-pgsize";
	for (p = text; argc <= MAX_ARGS && p <= text + size;
	     p += strlen(p) + 1) {
		if (*p == '-')
			for (q = p; *q; q++)
				if (*q == 'h')
					*q = 'H';
		argv[argc++] = p;
	}
	argv[argc] = NULL;
	parse_command_line(argc, argv, &cl, &flags, &tree);
	free(text);
	return 0;
}
