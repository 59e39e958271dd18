// SPDX-License-Identifier: GPL-2.0
/* Scan JSON (report --scan-file) into the report's model and its pages. */
#include <jansson.h>

#include "fuzz.h"
#include "report/report.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct report r = { 0 };
	struct strbuf sb = { 0 };
	json_t *scan = json_loadb((const char *)data, size, 0, NULL);

	if (!scan)
		return 0;
	if (!report_model(&r, scan)) {
		report_html(&sb, &r);
		strbuf_release(&sb);
		report_md(&sb, &r);
		strbuf_release(&sb);
	}
	report_release(&r);
	return 0;
}
