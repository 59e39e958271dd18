// SPDX-License-Identifier: GPL-2.0
/* Patch text: diff --git lines (lib/diffpath.c) and lint --patch's files. */
#include "fuzz.h"
#include "lib/diffpath.h"
#include "lint/lint.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_string(data, size), *a, *b;
	struct vec old = { 0 }, new = { 0 };

	if (!diff_git_paths(text, &a, &b)) {
		free(a);
		free(b);
	}
	free(diff_git_path(text));
	if (!diff_file_path(text, &a))
		free(a);
	patch_files(text, &old, &new);
	vec_free(&old, free);
	vec_free(&new, free);
	free(text);
	return 0;
}
