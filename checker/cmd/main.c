// SPDX-License-Identifier: GPL-2.0
/*
 * iommu-pgsize: find and migrate ops-level IOMMU page sizes in a Linux
 * kernel tree.
 */
#include <stdio.h>
#include <string.h>

#include "cmd/cmd.h"
#include "rules/rules.h"
#include "lib/cleanup.h"
#include "lib/util.h"
#include "version.h"

struct command {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *help;
};

static const struct command commands[] = {
	{ "scan", cmd_scan, "inventory of iommu_ops page-size use and verdicts" },
	{ "series", cmd_series, "patch series moving page sizes to the domain" },
	{ "lint", cmd_lint, "CI gate: fail on findings a change brings in" },
	{ "report", cmd_report, "HTML and Markdown migration report" },
};

static void print_usage(FILE *out)
{
	size_t i;

	fputs("usage: iommu-pgsize <command> [options] [TREE]\n\ncommands:\n",
	      out);
	for (i = 0; i < ARRAY_SIZE(commands); i++)
		fprintf(out, "  %-8s %s\n", commands[i].name, commands[i].help);
	fputs("\nRun 'iommu-pgsize <command> --help' for a command's options.\n",
	      out);
	fputs("Run 'iommu-pgsize --version' for the version.\n", out);
}

int main(int argc, char **argv)
{
	size_t i;

	if (argc < 2) {
		print_usage(stderr);
		return EXIT_FATAL;
	}
	if (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help") ||
	    !strcmp(argv[1], "help")) {
		print_usage(stdout);
		return 0;
	}
	if (!strcmp(argv[1], "-V") || !strcmp(argv[1], "--version")) {
		printf("iommu-pgsize %s\n", IOMMU_PGSIZE_VERSION);
		return 0;
	}
	/* Hidden: the build fills the man page's rule list with it. */
	if (!strcmp(argv[1], "--list-rules=man")) {
		rules_write_man(stdout);
		return 0;
	}
	cleanup_install();
	for (i = 0; i < ARRAY_SIZE(commands); i++)
		if (!strcmp(argv[1], commands[i].name))
			return commands[i].fn(argc - 1, argv + 1);
	error("unknown command '%s'", argv[1]);
	print_usage(stderr);
	return EXIT_FATAL;
}
