// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel-doc editor: a header's text (before the first NUL) without
 * the member's paragraph, and spatch's output (after it) unglued against
 * the original.
 */
#include "fuzz.h"
#include "series/kerneldoc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_string(data, size);
	size_t len = strlen(text);
	const char *other = len < size ? text + len + 1 : "";

	free(kerneldoc_without_member(text, "iommu_ops", "pgsize_bitmap"));
	free(unglue_comments(other, text));
	free(unglue_comments(text, other));
	free(text);
	return 0;
}
