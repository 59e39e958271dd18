// SPDX-License-Identifier: GPL-2.0
/* iommu-pgsize report: its command line. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cmd/cmd.h"
#include "cmd/options.h"
#include "report/report.h"

static const char report_usage[] =
"usage: iommu-pgsize report [options] [TREE]\n"
"\n"
"Write a migration report: OUTDIR/index.html (self-contained: summary,\n"
"status chart, a row per driver, the findings) and OUTDIR/summary.md\n"
"(the table in Markdown). The model is the scan's JSON: read from\n"
"--scan FILE ('scan --format=json' output), or made by scanning TREE.\n"
"\n"
"      --scan FILE             report this scan JSON instead of scanning\n"
"      --series DIR            the patches 'iommu-pgsize series -o DIR' wrote;\n"
"                              copied into OUTDIR/patches/ and linked\n"
"  -o, --output DIR            where to write (default: report/out)\n"
"  -p, --compile-commands DIR  as for scan, when scanning TREE\n"
"      --no-prepare            as for scan\n"
"      --no-cache              as for scan\n"
"      --cache-dir DIR         as for scan\n"
"      --kernel KTREE          as for scan: TREE is an external module\n"
"  -j, --jobs N                as for scan\n"
"  -q, --quiet                 no progress or status messages\n"
"  -v, --verbose               show the first errors of each file that does\n"
"                              not parse cleanly\n"
"  -h, --help                  show this help\n"
"\n"
"Prints the path of index.html. Exit status: 0 written, 2 usage or\n"
"fatal error (bad scan JSON, not a series directory, cannot write).\n";

static int report_option(int c, const char *arg, void *ctx)
{
	struct report_options *o = ctx;

	switch (c) {
	case 's':
		o->scan_file = arg;
		break;
	case 'S':
		o->series = arg;
		break;
	case 'o':
		o->output = arg;
		break;
	default:
		fputs(report_usage, stderr);
		return -1;
	}
	return 0;
}

static int parse_report_options(int argc, char **argv,
				struct report_options *o)
{
	static const struct option own[] = {
		{ "scan", required_argument, NULL, 's' },
		{ "series", required_argument, NULL, 'S' },
		{ "output", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 },
	};
	const struct command_line cl = {
		.name = "report", .usage = report_usage, .shortopts = "o:",
		.own = own, .option = report_option, .ctx = o,
	};

	memset(o, 0, sizeof(*o));
	o->output = "report/out";
	if (parse_command_line(argc, argv, &cl, &o->flags, &o->tree))
		return -1;
	if (o->scan_file && optind < argc) {
		error("report takes --scan FILE or a TREE to scan, not both");
		return -1;
	}
	return 0;
}


int cmd_report(int argc, char **argv)
{
	struct report_options o;

	if (parse_report_options(argc, argv, &o))
		return EXIT_FATAL;
	return report_run(&o);
}
