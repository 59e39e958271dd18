// SPDX-License-Identifier: GPL-2.0
/*
 * Coccinelle removes the member from struct iommu_ops but does not edit
 * comments, so the kernel-doc line that describes the member is removed
 * here: the one text edit the tool makes itself, confined to the
 * "@member:" paragraph of the comment right above the struct.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ast/collect.h"
#include "series/kerneldoc.h"
#include "lib/fileio.h"
#include "lib/util.h"

static const char *line_start(const char *text, const char *p)
{
	while (p > text && p[-1] != '\n')
		p--;
	return p;
}

static const char *next_line(const char *p)
{
	const char *nl = strchr(p, '\n');

	return nl ? nl + 1 : p + strlen(p);
}

/* " * @name:" at the start of a comment line? */
static bool is_tag_line(const char *p, const char *member)
{
	p += strspn(p, " \t");
	if (*p++ != '*')
		return false;
	p += strspn(p, " \t");
	if (*p != '@')
		return false;
	if (!member)
		return true;
	return !strncmp(p + 1, member, strlen(member)) &&
	       p[1 + strlen(member)] == ':';
}

/* A continuation of a paragraph: " *" followed by indented text. */
static bool is_continuation(const char *p)
{
	p += strspn(p, " \t");
	if (*p++ != '*' || *p == '/')
		return false;
	return (*p == ' ' || *p == '\t') && p[1] != '\n' &&
	       strspn(p, " \t") > 1 && p[strspn(p, " \t")] != '\n';
}

char *kerneldoc_without_member(const char *text, const char *record,
			       const char *member)
{
	char *head = xasprintf("struct %s {", record);
	const char *def = strstr(text, head), *open, *close, *p, *end;
	struct strbuf sb = { 0 };

	free(head);
	if (!def)
		return NULL;
	/* The comment must end right before the definition. */
	for (close = def; close > text && strchr(" \t\n", close[-1]); close--)
		;
	if (close - text < 2 || strncmp(close - 2, "*/", 2))
		return NULL;
	for (open = close - 2; open > text && strncmp(open, "/**", 3); open--)
		;
	for (p = next_line(open); p < close; p = next_line(p))
		if (is_tag_line(p, member))
			break;
	if (p >= close)
		return NULL;
	for (end = next_line(p); end < close && is_continuation(end) &&
	     !is_tag_line(end, NULL); end = next_line(end))
		;
	p = line_start(text, p);
	strbuf_add(&sb, text, p - text);
	strbuf_addstr(&sb, end);
	return strbuf_detach(&sb);
}

int remove_member_doc(const char *root, const char *rel)
{
	char *path = path_join(root, rel), *text, *edited;
	int ret = 0;
	size_t size;

	text = read_file(path, &size);
	if (!text) {
		free(path);
		return -1;
	}
	edited = kerneldoc_without_member(text, OPS_STRUCT, PGSIZE_MEMBER);
	if (edited)
		ret = write_file(path, edited, strlen(edited)) ? -1 : 1;
	free(edited);
	free(text);
	free(path);
	return ret;
}

/* Is @line (@len bytes, no newline) a whole line of @text? */
static bool has_line(const char *text, const char *line, size_t len)
{
	const char *p;

	for (p = text; *p; p = next_line(p))
		if (strcspn(p, "\n") == len && !strncmp(p, line, len))
			return true;
	return false;
}

char *unglue_comments(const char *patched, const char *original)
{
	struct strbuf sb = { 0 };
	const char *p = patched, *end, *glue;
	bool changed = false;

	for (; *p; p = end) {
		end = next_line(p);
		glue = strstr(p, ",/*");
		if (glue && glue < end && !has_line(original, p,
						    strcspn(p, "\n"))) {
			strbuf_add(&sb, p, glue + 1 - p);
			strbuf_addstr(&sb, "\n");
			changed = true;
			continue;
		}
		strbuf_add(&sb, p, end - p);
	}
	if (!changed) {
		strbuf_release(&sb);
		return NULL;
	}
	return strbuf_detach(&sb);
}
