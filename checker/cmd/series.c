// SPDX-License-Identifier: GPL-2.0
/* iommu-pgsize series: its command line. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cmd/cmd.h"
#include "cmd/options.h"
#include "series/series.h"
#include "series/verify.h"
#include "lib/datadir.h"

static const char series_usage[] =
"usage: iommu-pgsize series [options] -o DIR [TREE]\n"
"\n"
"Write the patch series that moves page sizes from struct iommu_ops to\n"
"the domains: one patch per driver the semantic patches can migrate\n"
"safely, and a cover letter that explains the others.\n"
"\n"
"  -o, --output DIR            where to write the patches (required)\n"
"      --signoff 'NAME <EMAIL>' Signed-off-by (default: git config)\n"
"      --allow-dirty           start from a checkout with uncommitted\n"
"                              changes (only HEAD is used)\n"
"      --cocci-dir DIR         the semantic patches (default: built in)\n"
"      --verify                then git am the series onto a pristine copy,\n"
"                              checkpatch --strict and compile every patch\n"
"                              and rescan; table in DIR/verify.txt\n"
"      --arch LIST             --verify compiles on these architectures,\n"
"                              in order of preference (default:\n"
"                              x86_64,arm64,arm,s390)\n"
"      --checkpatch PATH       checkpatch.pl for --verify (default: the\n"
"                              tree's own)\n"
"      --kernel KTREE          TREE is an external module directory built\n"
"                              against KTREE: no core patch; --verify\n"
"                              compiles it with make -C KTREE M=\n"
"  -p, --compile-commands DIR, --no-prepare, --no-cache, --cache-dir DIR, -j N\n"
"                              as for scan\n"
"  -q, --quiet                 no status messages\n"
"  -v, --verbose               show the first errors of each file that does\n"
"                              not parse cleanly\n"
"  -h, --help                  show this help\n"
"\n"
"Exit status: 0 patches written (or nothing to do), 1 --verify found a\n"
"failure, 2 usage or fatal error.\n";

static int series_option(int c, const char *arg, void *ctx)
{
	struct series_options *o = ctx;

	switch (c) {
	case 'o':
		o->output = arg;
		break;
	case 'S':
		o->signoff = arg;
		break;
	case 'D':
		o->allow_dirty = true;
		break;
	case 'c':
		o->cocci_dir = arg;
		break;
	case 'V':
		o->verify = true;
		break;
	case 'A':
		o->arches = arg;
		break;
	case 'K':
		o->checkpatch = arg;
		break;
	default:
		fputs(series_usage, stderr);
		return -1;
	}
	return 0;
}

/* The installed (or checked out) semantic patches; kept until exit. */
static const char *default_cocci_dir(void)
{
	static char *dir;

	if (!dir)
		dir = data_path("cocci");
	return dir;
}

static int parse_series_options(int argc, char **argv,
				struct series_options *o)
{
	static const struct option own[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "signoff", required_argument, NULL, 'S' },
		{ "allow-dirty", no_argument, NULL, 'D' },
		{ "cocci-dir", required_argument, NULL, 'c' },
		{ "verify", no_argument, NULL, 'V' },
		{ "arch", required_argument, NULL, 'A' },
		{ "checkpatch", required_argument, NULL, 'K' },
		{ NULL, 0, NULL, 0 },
	};
	const struct command_line cl = {
		.name = "series", .usage = series_usage, .shortopts = "o:",
		.own = own, .option = series_option, .ctx = o,
	};

	memset(o, 0, sizeof(*o));
	o->cocci_dir = default_cocci_dir();
	if (parse_command_line(argc, argv, &cl, &o->flags, &o->tree))
		return -1;
	if (!o->output) {
		error("series needs -o DIR for the patches");
		return -1;
	}
	if (!o->cocci_dir) {
		error("no cocci/ next to the program; give --cocci-dir DIR");
		return -1;
	}
	if (access(o->cocci_dir, R_OK | X_OK)) {
		error("--cocci-dir %s: %s", o->cocci_dir, strerror(errno));
		return -1;
	}
	return series_verify_options(o->verify, o->arches, o->checkpatch);
}


int cmd_series(int argc, char **argv)
{
	struct series_options o;

	if (parse_series_options(argc, argv, &o))
		return EXIT_FATAL;
	return series_run(&o);
}
