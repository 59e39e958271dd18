// SPDX-License-Identifier: GPL-2.0
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd/options.h"
#include "lib/util.h"

static const struct option shared[] = {
	{ "compile-commands", required_argument, NULL, 'p' },
	{ "no-prepare", no_argument, NULL, 'P' },
	{ "no-cache", no_argument, NULL, 'N' },
	{ "cache-dir", required_argument, NULL, 'C' },
	{ "kernel", required_argument, NULL, 'k' },
	{ "jobs", required_argument, NULL, 'j' },
	{ "quiet", no_argument, NULL, 'q' },
	{ "verbose", no_argument, NULL, 'v' },
	{ "help", no_argument, NULL, 'h' },
};

/* 0 when @c was a shared option, -1 on a bad value, 1 when it was not. */
static int shared_option(int c, const char *arg, struct flags_config *cfg)
{
	char *end;

	switch (c) {
	case 'p':
		cfg->compdb_dir = arg;
		return 0;
	case 'P':
		cfg->no_prepare = true;
		return 0;
	case 'N':
		cfg->no_cache = true;
		return 0;
	case 'C':
		cfg->cache_dir = arg;
		return 0;
	case 'k':
		cfg->kernel = arg;
		return 0;
	case 'j':
		cfg->jobs = strtol(arg, &end, 10);
		if (*end || cfg->jobs < 1) {
			error("-j wants a positive number, not '%s'", arg);
			return -1;
		}
		return 0;
	case 'q':
		quiet = true;
		return 0;
	case 'v':
		verbose = true;
		return 0;
	}
	return 1;
}

static struct option *all_longopts(const struct option *own)
{
	size_t n = 0;
	struct option *all;

	while (own && own[n].name)
		n++;
	all = xcalloc(ARRAY_SIZE(shared) + n + 1, sizeof(*all));
	memcpy(all, shared, sizeof(shared));
	if (n)
		memcpy(all + ARRAY_SIZE(shared), own, n * sizeof(*all));
	return all;
}

static int tree_operand(int argc, char **argv, const char *cmd,
			const char **tree)
{
	if (argc - optind > 1) {
		error("%s takes one tree, not %d", cmd, argc - optind);
		return -1;
	}
	*tree = optind < argc ? argv[optind] : ".";
	return 0;
}

int parse_command_line(int argc, char **argv, const struct command_line *cl,
		       struct flags_config *flags, const char **tree)
{
	struct option *longopts = all_longopts(cl->own);
	char *shortopts = xasprintf("p:j:qvh%s", cl->shortopts ?
				    cl->shortopts : "");
	int c, r, ret = -1;

	memset(flags, 0, sizeof(*flags));
	flags->jobs = sysconf(_SC_NPROCESSORS_ONLN);
	/* 0: glibc also forgets an option cluster left half read. */
	optind = 0;
	while ((c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
		if (c == 'h') {
			fputs(cl->usage, stdout);
			free(shortopts);
			free(longopts);
			exit(0);
		}
		r = shared_option(c, optarg, flags);
		if (r == 1 && c != '?' && c != ':')
			r = cl->option(c, optarg, cl->ctx);
		else if (r == 1)
			fputs(cl->usage, stderr);
		if (r)
			goto out;
	}
	ret = tree_operand(argc, argv, cl->name, tree);
out:
	free(shortopts);
	free(longopts);
	return ret;
}
