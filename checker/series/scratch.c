// SPDX-License-Identifier: GPL-2.0
/* Scratch copies of a tree. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "series/scratch.h"
#include "lib/cleanup.h"
#include "lib/git.h"
#include "lib/spawn.h"

int run_quiet(char *const argv[])
{
	return run_program(argv, "/dev/null");
}

/* A scratch copy with one commit to build on; the user's tree is read. */
int make_scratch(const struct tree *tree, const char *place, char **scratch,
		 char **work, char **base)
{
	struct strbuf out = { 0 };
	char *src, *top;
	int ret;

	*scratch = make_temp_dir("series");
	if (!*scratch) {
		error("cannot create a scratch directory: %s", strerror(errno));
		return -1;
	}
	*work = path_join(*scratch, "tree");
	note("working in %s", *work);
	if (place) {
		/* The module's repository, from its top: @place above root. */
		top = xstrndup(tree->root, strlen(tree->root) - strlen(place));
		ret = git(NULL, NULL, (const char *[]){ "clone", "-q",
			  "--shared", top, *work, NULL });
		free(top);
		if (*place) {
			src = *work;
			*work = xasprintf("%s/%.*s", src,
					  (int)strlen(place) - 1, place);
			free(src);
		}
	} else {
		src = path_join(tree->root, ".");
		ret = run_quiet((char *const[]){ "cp", "-a", src, *work, NULL });
		free(src);
		ret = ret ?: git(*work, NULL, (const char *[]){ "init", "-q",
								NULL });
		/* A throwaway copy: no background gc packing the tree. */
		ret = ret ?: git(*work, NULL, (const char *[]){ "config",
								"gc.auto", "0",
								NULL });
		/* The tree as it is: its .gitignore may cover everything. */
		ret = ret ?: git(*work, NULL, (const char *[]){ "add", "-A",
								"-f", NULL });
		ret = ret ?: git(*work, NULL, (const char *[]){
			"-c", "user.name=iommu-pgsize", "-c",
			"user.email=iommu-pgsize@localhost", "commit", "-q",
			"--no-verify", "-m", "base", NULL });
	}
	if (ret || git(*work, &out, (const char *[]){ "rev-parse", "HEAD",
						       NULL })) {
		error("cannot prepare a scratch copy of %s", tree->root);
		strbuf_release(&out);
		return -1;
	}
	*base = strbuf_detach_trimmed(&out);
	return 0;
}

void remove_scratch(char **scratch, char **work, char **base)
{
	if (*scratch) {
		run_quiet((char *const[]){ "rm", "-rf", *scratch, NULL });
		cleanup_forget(*scratch);
	}
	free(*scratch);
	free(*work);
	free(*base);
	*scratch = *work = *base = NULL;
}
