// SPDX-License-Identifier: GPL-2.0
/* series --verify: the tools' output, kept in the log and read for the table. */
#include <stdio.h>
#include <string.h>

#include "series/verify.h"

/* Append @text to the run's log, under a heading. */
void verify_log(struct verify_run *run, const char *heading,
		const char *text)
{
	FILE *fp = fopen(run->log, "a");

	if (!fp)
		return;
	fprintf(fp, "### %s\n%s%s", heading, text ? text : "",
		text && *text && text[strlen(text) - 1] != '\n' ? "\n" : "");
	fclose(fp);
}

/* The first line of @out that says error: (or warning:), for the table. */
char *verify_first_complaint(const char *out)
{
	static const char *const keys[] = { "error:", "warning:", "Error" };
	size_t i;

	for (i = 0; i < ARRAY_SIZE(keys); i++) {
		const char *hit = strstr(out, keys[i]);
		const char *start;

		if (!hit)
			continue;
		for (start = hit; start > out && start[-1] != '\n';)
			start--;
		return xstrndup(start, strcspn(start, "\n"));
	}
	return NULL;
}

/* A compiler warning: "file:line:col: warning: ...". */
bool verify_has_warning(const char *out)
{
	const char *p = out;

	while ((p = strstr(p, ": warning: "))) {
		const char *start = p;

		while (start > out && start[-1] != '\n')
			start--;
		if (!starts_with(start, "make"))
			return true;
		p++;
	}
	return false;
}
