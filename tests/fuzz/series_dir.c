// SPDX-License-Identifier: GPL-2.0
/*
 * The series directory reader (report --series) against the corpus's
 * scan model: a patch (the input before its first NUL) mapped to drivers,
 * the rest read as the cover letter.
 */
#include <jansson.h>
#include <stdlib.h>

#include "fuzz.h"
#include "report/report.h"
#include "series_scan.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct report r = { 0 };
	char *text = fuzz_string(data, size);
	size_t len = strlen(text);
	json_t *scan = json_loads(series_scan, 0, NULL);

	if (!scan || report_model(&r, scan))
		abort();	/* the embedded model is ours: never bad */
	report_patch_drivers(&r, "0001-fuzz.patch", text);
	if (len < size)
		report_cover_notes(&r, text + len + 1);
	report_release(&r);
	free(text);
	return 0;
}
