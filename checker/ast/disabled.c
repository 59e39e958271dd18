// SPDX-License-Identifier: GPL-2.0
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "ast/cursor.h"
#include "ast/disabled.h"
#include "ast/relevance.h"

struct search {
	CXTranslationUnit tu;
	const char *root;
	struct disabled_code *out;
};

static bool has_symbol(const struct vec *symbols, const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < symbols->nr; i++)
		if (strlen(symbols->items[i]) == len &&
		    !memcmp(symbols->items[i], s, len))
			return true;
	return false;
}

void directive_symbols(const char *directive, size_t len, struct vec *out)
{
	const char *p = directive, *end = directive + len;

	/* #ifndef, #else and negations cannot be forced on by defining. */
	while (p < end && (*p == '#' || *p == ' ' || *p == '\t'))
		p++;
	if (!strncmp(p, "ifndef", 6) || !strncmp(p, "else", 4) ||
	    memchr(directive, '!', len))
		return;
	while ((p = memmem(p, end - p, "CONFIG_", 7))) {
		const char *q = p + 7;

		while (q < end && (isalnum((unsigned char)*q) || *q == '_'))
			q++;
		if ((p == directive || !(isalnum((unsigned char)p[-1]) ||
						 p[-1] == '_')) &&
		    !has_symbol(out, p, q - p))
			vec_push(out, xstrndup(p, q - p));
		p = q;
	}
}

/* The directive that opens a skipped range, with its continuations. */
static size_t directive_length(const char *text, size_t size)
{
	size_t i;

	for (i = 0; i < size; i++)
		if (text[i] == '\n' && (i == 0 || text[i - 1] != '\\'))
			return i;
	return size;
}

static void scan_file(struct search *s, CXFile file, const char *rel)
{
	CXSourceRangeList *ranges = clang_getSkippedRanges(s->tu, file);
	size_t size;
	const char *buf = clang_getFileContents(s->tu, file, &size);
	unsigned int i;

	for (i = 0; buf && ranges && i < ranges->count; i++) {
		unsigned int start, end, first, last;
		struct region *r;
		size_t before;

		clang_getFileLocation(clang_getRangeStart(ranges->ranges[i]),
				      NULL, &first, NULL, &start);
		clang_getFileLocation(clang_getRangeEnd(ranges->ranges[i]),
				      NULL, &last, NULL, &end);
		if (end > size || end <= start ||
		    !mentions_relevant_token(buf + start, end - start))
			continue;
		r = xcalloc(1, sizeof(*r));
		r->file = xstrdup(rel);
		r->first = first;
		r->last = last;
		vec_push(&s->out->regions, r);
		before = s->out->symbols.nr;
		directive_symbols(buf + start,
				  directive_length(buf + start, end - start),
				  &s->out->symbols);
		if (s->out->symbols.nr == before)
			s->out->stuck++;
	}
	if (ranges)
		clang_disposeSourceRangeList(ranges);
}

static void visit_inclusion(CXFile file, CXSourceLocation *stack,
			    unsigned int depth, CXClientData data)
{
	struct search *s = data;
	size_t size;
	const char *buf;
	char *rel = file_tree_path(file, s->root);

	if (!rel)
		return;
	buf = clang_getFileContents(s->tu, file, &size);
	if (buf && mentions_relevant_token(buf, size))
		scan_file(s, file, rel);
	free(rel);
}

void find_disabled_code(CXTranslationUnit tu, const char *root,
			struct disabled_code *out)
{
	struct search s = { .tu = tu, .root = root, .out = out };

	clang_getInclusions(tu, visit_inclusion, &s);
}

bool regions_contain(const struct vec *regions, const char *file,
		     unsigned int line)
{
	size_t i;

	for (i = 0; i < regions->nr; i++) {
		const struct region *r = regions->items[i];

		if (line >= r->first && line <= r->last && !strcmp(r->file, file))
			return true;
	}
	return false;
}

static void region_free(void *p)
{
	struct region *r = p;

	free(r->file);
	free(r);
}

void disabled_code_release(struct disabled_code *dc)
{
	vec_free(&dc->regions, region_free);
	vec_free(&dc->symbols, free);
	dc->stuck = 0;
}
