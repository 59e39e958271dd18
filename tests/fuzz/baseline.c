// SPDX-License-Identifier: GPL-2.0
/* A baseline file (lint --baseline) as lint reads it. */
#include "fuzz.h"
#include "lint/lint.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct vec entries = { 0 };

	if (!baseline_parse((const char *)data, size, "fuzz", &entries))
		vec_free(&entries, ref_entry_free);
	return 0;
}
