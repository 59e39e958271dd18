// SPDX-License-Identifier: GPL-2.0
#include "lib/git.h"
#include "lib/spawn.h"
#include "lib/util.h"

static int run_git(const char *dir, struct strbuf *out, bool with_stderr,
		   const char *const *args)
{
	struct strbuf discard = { 0 };
	struct vec argv = { 0 };
	int ret;

	vec_push(&argv, "git");
	if (dir) {
		vec_push(&argv, "-C");
		vec_push(&argv, (char *)dir);
	}
	for (; *args; args++)
		vec_push(&argv, (char *)*args);
	vec_push(&argv, NULL);
	ret = run_capture((char *const *)argv.items, out ? out : &discard,
			  with_stderr || !out);
	strbuf_release(&discard);
	vec_free(&argv, NULL);
	return ret;
}

int git(const char *dir, struct strbuf *out, const char *const *args)
{
	return run_git(dir, out, false, args);
}

int git_with_stderr(const char *dir, struct strbuf *out,
		    const char *const *args)
{
	return run_git(dir, out, true, args);
}
