// SPDX-License-Identifier: GPL-2.0
/* iommu-pgsize scan: its command line. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cmd/cmd.h"
#include "cmd/options.h"
#include "scan/output.h"
#include "scan/scan.h"
#include "scan/tree.h"

static const char scan_usage[] =
"usage: iommu-pgsize scan [options] [TREE]\n"
"       iommu-pgsize scan [options] --kernel KTREE MODULE_DIR\n"
"\n"
"List every use of struct iommu_ops' pgsize_bitmap in a kernel tree, with\n"
"the ops objects, their domain allocation and attach callbacks, and where\n"
"domains get their page sizes. TREE defaults to the current directory.\n"
"\n"
"  -p, --compile-commands DIR  use DIR/compile_commands.json for flags\n"
"      --no-prepare            do not prepare generated headers (less exact)\n"
"      --no-cache              parse every file again, reuse no earlier result\n"
"      --kernel KTREE          TREE is an external module directory\n"
"                              built against the kernel tree KTREE\n"
"      --cache-dir DIR         where prepared trees are kept\n"
"                              (default: $XDG_CACHE_HOME/iommu-pgsize)\n"
"  -j, --jobs N                parse N files at once (default: all cores)\n"
"      --format text|json      output format (default: text)\n"
"      --print-args            print each file's architecture and the\n"
"                              arguments libclang would get (without a\n"
"                              precompiled header); parse nothing\n"
"  -q, --quiet                 no progress or status messages\n"
"  -v, --verbose               show the first errors of each file that does\n"
"                              not parse cleanly\n"
"  -h, --help                  show this help\n"
"\n"
"Exit status: 0 nothing found, 1 findings, 2 usage or fatal error.\n";

struct scan_options {
	struct flags_config flags;
	bool json;
	const char *tree;
};

static int scan_option(int c, const char *arg, void *ctx)
{
	struct scan_options *o = ctx;

	if (c == 'A') {
		o->flags.print_args = true;
		return 0;
	}
	if (c != 'f') {
		fputs(scan_usage, stderr);
		return -1;
	}
	if (strcmp(arg, "json") && strcmp(arg, "text")) {
		error("unknown format '%s' (text or json)", arg);
		return -1;
	}
	o->json = !strcmp(arg, "json");
	return 0;
}

static int parse_scan_options(int argc, char **argv, struct scan_options *o)
{
	static const struct option own[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "print-args", no_argument, NULL, 'A' },
		{ NULL, 0, NULL, 0 },
	};
	const struct command_line cl = {
		.name = "scan", .usage = scan_usage, .own = own,
		.option = scan_option, .ctx = o,
	};

	memset(o, 0, sizeof(*o));
	return parse_command_line(argc, argv, &cl, &o->flags, &o->tree);
}

int cmd_scan(int argc, char **argv)
{
	struct scan_options o;
	struct scan_result res;
	struct tree tree;
	int ret;

	if (parse_scan_options(argc, argv, &o))
		return EXIT_FATAL;
	if (tree_open_with(o.tree, o.flags.kernel, &tree))
		return EXIT_FATAL;
	if (scan_analyse(&tree, &o.flags, &res)) {
		tree_release(&tree);
		return EXIT_FATAL;
	}
	if (o.flags.print_args)
		ret = 0;
	else if (o.json)
		write_json(stdout, &res);
	else
		write_text(stdout, &res);
	if (!o.flags.print_args)
		ret = res.findings.nr ? EXIT_FINDINGS : 0;
	if (fflush(stdout) || ferror(stdout)) {
		error("cannot write the results");
		ret = EXIT_FATAL;
	}
	scan_result_release(&res);
	tree_release(&tree);
	return ret;
}
