// SPDX-License-Identifier: GPL-2.0
/* What every rule needs to write a verdict. */
#include <stdlib.h>
#include <string.h>

#include "ast/cursor.h"
#include "rules/rules.h"

static void cursor_loc(const char *root, CXCursor c, struct src_loc *out)
{
	unsigned int line = 0, col = 0;
	CXFile file = NULL;
	char *rel = NULL;

	clang_getFileLocation(clang_getCursorLocation(c), &file, &line, &col,
			      NULL);
	if (file)
		rel = file_tree_path(file, root);
	src_loc_set(out, rel ? rel : "<unknown>", line, col);
	free(rel);
}

struct verdict *rule_add(struct ops_site *site, const char *rule,
			 enum outcome outcome, enum verdict_level level)
{
	struct verdict *v = xcalloc(1, sizeof(*v));

	v->rule = rule;
	v->verdict = outcome;
	v->level = level;
	src_loc_set(&v->loc, site->ops->loc.file, site->ops->loc.line,
		    site->ops->loc.col);
	vec_push(&site->ops->verdicts, v);
	return v;
}

void rule_point_at(struct ops_site *site, struct verdict *v, CXCursor c)
{
	free(v->loc.file);
	cursor_loc(site->root, c, &v->loc);
}

void names_join(struct strbuf *sb, const char *name)
{
	const char *comma;

	if (!name || !*name)
		return;
	/* A list joins name by name. */
	comma = strchr(name, ',');
	if (comma) {
		char *first = xstrndup(name, comma - name);

		names_join(sb, first);
		free(first);
		names_join(sb, comma + 1);
		return;
	}
	if (sb->len) {
		/* Avoid repeating a name already listed. */
		char *copy = xasprintf(",%s,", sb->buf);
		char *want = xasprintf(",%s,", name);
		bool seen = strstr(copy, want) != NULL;

		free(copy);
		free(want);
		if (seen)
			return;
		strbuf_add(sb, ",", 1);
	}
	strbuf_addstr(sb, name);
}

char *size_names(unsigned long long sizes, const char *sep)
{
	static const char *const names[] = {
		"4K", "8K", "16K", "32K", "64K", "128K", "256K", "512K",
		"1M", "2M", "4M", "8M", "16M", "32M", "64M", "128M", "256M",
		"512M", "1G", "2G", "4G",
	};
	struct strbuf sb = { 0 };
	int bit;

	for (bit = 12; bit < 64; bit++) {
		if (!(sizes & (1ULL << bit)))
			continue;
		if (sb.len)
			strbuf_addstr(&sb, sep);
		if (bit - 12 < (int)ARRAY_SIZE(names))
			strbuf_addf(&sb, "SZ_%s", names[bit - 12]);
		else
			strbuf_addf(&sb, "%#llx", 1ULL << bit);
	}
	if (sizes & 0xfff)
		strbuf_addf(&sb, "%s%#llx", sb.len ? sep : "", sizes & 0xfff);
	return strbuf_detach(&sb);
}
