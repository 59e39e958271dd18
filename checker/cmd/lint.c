// SPDX-License-Identifier: GPL-2.0
/* iommu-pgsize lint: its command line. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cmd/cmd.h"
#include "cmd/options.h"
#include "lint/lint.h"
#include "scan/tree.h"

static const char lint_usage[] =
"usage: iommu-pgsize lint [options] [TREE]\n"
"\n"
"Gate on the scan's findings: fail when there are findings that the\n"
"reference does not have. The reference is the baseline file when there\n"
"is one; otherwise, with --since or --patch, the same files before the\n"
"change; otherwise nothing (every finding is new). Findings are matched by\n"
"fingerprint, so code that only moves is not new. Notes are not gated.\n"
"\n"
"      --baseline FILE       compare with FILE (default: TREE/" DEFAULT_BASELINE "\n"
"                            when it exists)\n"
"      --no-baseline         ignore TREE/" DEFAULT_BASELINE "\n"
"      --update-baseline     write today's findings to the --baseline FILE\n"
"      --since REV           only translation units changed since REV (from\n"
"                            its merge base with HEAD, uncommitted changes too)\n"
"      --patch FILE|-        check a patch (format-patch or diff) as applied\n"
"                            to TREE, in a scratch copy of the touched files\n"
"      --format FMT          text (GCC-style, default), json or sarif\n"
"  -p, --compile-commands DIR  use DIR/compile_commands.json for flags\n"
"      --no-prepare            do not prepare generated headers (less exact)\n"
"      --no-cache              parse every file again, reuse no earlier result\n"
"      --kernel KTREE          TREE is an external module directory\n"
"                              built against the kernel tree KTREE\n"
"      --cache-dir DIR         where prepared trees are kept\n"
"  -j, --jobs N                parse N files at once (default: all cores)\n"
"  -q, --quiet                 no progress or status messages\n"
"  -v, --verbose               show the first errors of each file that does\n"
"                              not parse cleanly\n"
"  -h, --help                  show this help\n"
"\n"
"Exit status: 0 no new findings (clean, or only known ones), 1 new\n"
"findings, 2 usage or fatal error (bad baseline, patch that does not\n"
"apply, unknown revision, not a git tree).\n";

static int parse_format(const char *arg, enum lint_format *fmt)
{
	if (!strcmp(arg, "text"))
		*fmt = LINT_TEXT;
	else if (!strcmp(arg, "json"))
		*fmt = LINT_JSON;
	else if (!strcmp(arg, "sarif"))
		*fmt = LINT_SARIF;
	else
		return -1;
	return 0;
}

static int check_options(struct lint_options *o)
{
	if (o->since && o->patch) {
		error("--since and --patch do not go together");
		return -1;
	}
	if (o->update && (o->since || o->patch)) {
		error("--update-baseline records the whole tree: not with --since or --patch");
		return -1;
	}
	if (o->update && !o->baseline) {
		error("--update-baseline needs --baseline FILE (where to write it)");
		return -1;
	}
	if (o->baseline && o->no_baseline) {
		error("--baseline and --no-baseline do not go together");
		return -1;
	}
	return 0;
}

static int lint_option(int c, const char *arg, void *ctx)
{
	struct lint_options *o = ctx;

	switch (c) {
	case 'b':
		o->baseline = arg;
		break;
	case 'B':
		o->no_baseline = true;
		break;
	case 'u':
		o->update = true;
		break;
	case 's':
		o->since = arg;
		break;
	case 'x':
		o->patch = arg;
		break;
	case 'f':
		if (parse_format(arg, &o->format)) {
			error("unknown format '%s' (text, json or sarif)",
			      arg);
			return -1;
		}
		break;
	default:
		fputs(lint_usage, stderr);
		return -1;
	}
	return 0;
}

static int parse_lint_options(int argc, char **argv, struct lint_options *o)
{
	static const struct option own[] = {
		{ "baseline", required_argument, NULL, 'b' },
		{ "no-baseline", no_argument, NULL, 'B' },
		{ "update-baseline", no_argument, NULL, 'u' },
		{ "since", required_argument, NULL, 's' },
		{ "patch", required_argument, NULL, 'x' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	const struct command_line cl = {
		.name = "lint", .usage = lint_usage,
		.own = own, .option = lint_option, .ctx = o,
	};

	memset(o, 0, sizeof(*o));
	if (parse_command_line(argc, argv, &cl, &o->flags, &o->tree))
		return -1;
	return check_options(o);
}

int cmd_lint(int argc, char **argv)
{
	struct lint_options o;
	struct tree tree;
	int ret;

	if (parse_lint_options(argc, argv, &o))
		return EXIT_FATAL;
	if (tree_open_with(o.tree, o.flags.kernel, &tree))
		return EXIT_FATAL;
	ret = run_lint(&o, &tree);
	tree_release(&tree);
	return ret;
}
