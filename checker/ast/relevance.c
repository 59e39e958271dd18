// SPDX-License-Identifier: GPL-2.0
/*
 * The prefilter: which files are worth parsing and walking, from their
 * bytes alone. The tree walk, the disabled-code search and the collector
 * all ask it, so it depends on none of them.
 */
#include <ctype.h>
#include <string.h>

#include "ast/collect.h"	/* the kernel names: OPS_STRUCT, PGSIZE_MEMBER */
#include "ast/relevance.h"

static bool is_ident(char ch)
{
	return isalnum((unsigned char)ch) || ch == '_';
}

static const char *skip_space(const char *p, const char *end)
{
	while (p < end && isspace((unsigned char)*p))
		p++;
	return p;
}

/* @word as a whole identifier, not inside a longer one. */
static bool has_word(const char *buf, size_t size, const char *word)
{
	const char *p = buf, *end = buf + size;
	size_t len = strlen(word);

	while ((p = memmem(p, end - p, word, len))) {
		bool starts = p == buf || !is_ident(p[-1]);
		bool ends = p + len == end || !is_ident(p[len]);

		if (starts && ends)
			return true;
		p += len;
	}
	return false;
}

/* "struct iommu_ops NAME =": the start of an ops object definition. */
static bool defines_ops_object(const char *buf, size_t size)
{
	static const char tag[] = "struct " OPS_STRUCT;
	const char *p = buf, *end = buf + size;

	while ((p = memmem(p, end - p, tag, sizeof(tag) - 1))) {
		const char *q = p + sizeof(tag) - 1, *name;

		p = q;
		if (q < end && is_ident(*q))
			continue;
		name = q = skip_space(q, end);
		while (q < end && is_ident(*q))
			q++;
		if (q == name)
			continue;
		q = skip_space(q, end);
		if (q < end && *q == '=')
			return true;
	}
	return false;
}

/*
 * A file matters when it names the page-size member or defines an ops
 * object; everything else (pointers to ops, callers) cannot hold a use.
 */
bool mentions_relevant_token(const char *buf, size_t size)
{
	return has_word(buf, size, PGSIZE_MEMBER) ||
	       defines_ops_object(buf, size);
}
