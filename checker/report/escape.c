// SPDX-License-Identifier: GPL-2.0
/*
 * Every string the report prints comes from a kernel tree: file names and
 * expressions may hold '<', '&', quotes, '|' or backticks. All escaping
 * lives here so that no writer prints a raw string by accident.
 */
#include <ctype.h>
#include <string.h>

#include "report/report.h"

/* Text and attribute values alike; quotes too, so any attribute is safe. */
void html_escape(struct strbuf *sb, const char *s)
{
	for (; s && *s; s++) {
		unsigned char c = *s;

		switch (c) {
		case '&':
			strbuf_addstr(sb, "&amp;");
			break;
		case '<':
			strbuf_addstr(sb, "&lt;");
			break;
		case '>':
			strbuf_addstr(sb, "&gt;");
			break;
		case '"':
			strbuf_addstr(sb, "&quot;");
			break;
		case '\'':
			strbuf_addstr(sb, "&#39;");
			break;
		default:
			/* Control characters are not allowed in HTML text. */
			if (c < 0x20 && c != '\t' && c != '\n')
				c = '?';
			strbuf_add(sb, (const char *)&c, 1);
		}
	}
}

/* Percent-encode a path for a URL; '/' stays a separator. */
void url_escape(struct strbuf *sb, const char *s)
{
	for (; s && *s; s++) {
		unsigned char c = *s;

		if (isalnum(c) || strchr("-._~/", c))
			strbuf_add(sb, (const char *)&c, 1);
		else
			strbuf_addf(sb, "%%%02X", c);
	}
}

static bool word_char(const char *s, const char *p)
{
	return p >= s && *p && isalnum((unsigned char)*p);
}

/*
 * Markdown prose inside a table cell: backslash-escape what could start
 * markup (CommonMark allows a backslash before any ASCII punctuation).
 * '_' between two letters or digits never emphasises in GFM, so
 * identifiers stay readable.
 */
void md_text(struct strbuf *sb, const char *s)
{
	const char *p;

	for (p = s; p && *p; p++) {
		if (*p == '\n' || *p == '\r') {
			strbuf_addstr(sb, " ");
			continue;
		}
		if (*p == '_' && word_char(s, p - 1) && word_char(s, p + 1)) {
			strbuf_add(sb, p, 1);
			continue;
		}
		if (strchr("\\`*_[]<>|&~", *p))
			strbuf_addstr(sb, "\\");
		strbuf_add(sb, p, 1);
	}
}

/*
 * A code span: a fence one backtick longer than any run inside, padded
 * with spaces when the text starts or ends with a backtick or a space
 * (CommonMark strips one of each). '|' is escaped even here, as GFM
 * splits table cells before it parses code spans.
 */
void md_code(struct strbuf *sb, const char *s)
{
	size_t run = 0, longest = 0, len = s ? strlen(s) : 0, i;
	bool pad;

	if (!len)
		return;
	for (i = 0; i < len; i++) {
		run = s[i] == '`' ? run + 1 : 0;
		if (run > longest)
			longest = run;
	}
	pad = strchr("` ", s[0]) || strchr("` ", s[len - 1]);
	for (i = 0; i <= longest; i++)
		strbuf_addstr(sb, "`");
	if (pad)
		strbuf_addstr(sb, " ");
	for (i = 0; i < len; i++) {
		if (s[i] == '|')
			strbuf_addstr(sb, "\\|");
		else if (s[i] == '\n' || s[i] == '\r')
			strbuf_addstr(sb, " ");
		else
			strbuf_add(sb, s + i, 1);
	}
	if (pad)
		strbuf_addstr(sb, " ");
	for (i = 0; i <= longest; i++)
		strbuf_addstr(sb, "`");
}
