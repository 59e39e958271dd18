// SPDX-License-Identifier: GPL-2.0
#include <stdlib.h>
#include <string.h>

#include "lib/diffpath.h"
#include "lib/util.h"

#define DIFF_GIT "diff --git "

static bool is_octal(char c)
{
	return c >= '0' && c <= '7';
}

/* The byte a one-letter escape stands for; 0 when git writes no such. */
static char unescape(char letter)
{
	switch (letter) {
	case 'a': return '\a';
	case 'b': return '\b';
	case 'f': return '\f';
	case 'n': return '\n';
	case 'r': return '\r';
	case 't': return '\t';
	case 'v': return '\v';
	case '"': return '"';
	case '\\': return '\\';
	default: return 0;
	}
}

/*
 * git's C-quoted name at @p (its opening quote) into *@name. Returns what
 * follows the closing quote, or NULL when the quoting is malformed or cut
 * short: every escape's bytes are checked before they are read.
 */
static const char *unquote(const char *p, char **name)
{
	struct strbuf sb = { 0 };
	char c;

	*name = NULL;
	for (p++; *p != '"'; p++) {
		c = *p;
		if (!c || c == '\n')
			goto bad;
		if (c == '\\') {
			c = *++p;
			if (c >= '0' && c <= '3' && is_octal(p[1]) &&
			    is_octal(p[2])) {
				c = (c - '0') << 6 | (p[1] - '0') << 3 |
				    (p[2] - '0');
				p += 2;
				/* A NUL cannot be part of a name. */
				if (!c)
					goto bad;
			} else {
				/* A backslash that ends the line is 0 too. */
				c = unescape(c);
				if (!c)
					goto bad;
			}
		}
		strbuf_add(&sb, &c, 1);
	}
	*name = sb.buf ? strbuf_detach(&sb) : xstrdup("");
	return p + 1;
bad:
	strbuf_release(&sb);
	return NULL;
}

/* Drop @prefix ("a/", "b/") from *@path; false when it is not there. */
static bool drop_prefix(char *path, const char *prefix)
{
	size_t len = strlen(prefix);

	if (!starts_with(path, prefix))
		return false;
	memmove(path, path + len, strlen(path + len) + 1);
	return true;
}

/* A plain OLD before a quoted NEW: the quote that ends the line. */
static const char *quoted_tail(const char *rest, size_t n, char **new_path)
{
	const char *q;

	for (q = strstr(rest, " \""); q && q < rest + n;
	     q = strstr(q + 1, " \"")) {
		if (unquote(q + 1, new_path) == rest + n)
			return q;
		free(*new_path);
		*new_path = NULL;
	}
	return NULL;
}

/* OLD and NEW when OLD is not quoted; OLD ends at the returned space. */
static const char *plain_split(const char *rest, size_t n, char **new_path)
{
	const char *b;
	size_t x;

	if (n && rest[n - 1] == '"')
		return quoted_tail(rest, n, new_path);
	/* "a/X b/X": both halves the same, even when X has spaces. */
	if (n >= 5 && (n - 5) % 2 == 0) {
		x = (n - 5) / 2;
		b = rest + x + 2;
		if (!strncmp(b, " b/", 3) && !strncmp(rest + 2, b + 3, x)) {
			*new_path = xstrndup(b + 1, n - (b + 1 - rest));
			return b;
		}
	}
	/* Different halves: the first " b/", as good a guess as any. */
	b = strstr(rest, " b/");
	if (!b || b >= rest + n)
		return NULL;
	*new_path = xstrndup(b + 1, n - (b + 1 - rest));
	return b;
}

int diff_git_paths(const char *line, char **old_path, char **new_path)
{
	const char *rest, *end;
	size_t n;

	*old_path = *new_path = NULL;
	if (!starts_with(line, DIFF_GIT))
		return -1;
	rest = line + strlen(DIFF_GIT);
	n = strcspn(rest, "\n");
	if (*rest == '"') {
		end = unquote(rest, old_path);
		if (!end || *end != ' ')
			goto bad;
		n -= end + 1 - rest;
		rest = end + 1;
		if (*rest == '"') {
			if (unquote(rest, new_path) != rest + n)
				goto bad;
		} else {
			*new_path = xstrndup(rest, n);
		}
	} else {
		end = plain_split(rest, n, new_path);
		if (!end)
			goto bad;
		*old_path = xstrndup(rest, end - rest);
	}
	if (!drop_prefix(*old_path, "a/") || !drop_prefix(*new_path, "b/") ||
	    !**old_path || !**new_path)
		goto bad;
	return 0;
bad:
	free(*old_path);
	free(*new_path);
	*old_path = *new_path = NULL;
	return -1;
}

char *diff_git_path(const char *line)
{
	char *old_path, *new_path;

	if (diff_git_paths(line, &old_path, &new_path))
		return NULL;
	free(new_path);
	return old_path;
}

int diff_file_path(const char *name, char **path)
{
	size_t len;

	*path = NULL;
	if (*name == '"') {
		if (!unquote(name, path))
			return -1;
	} else {
		len = strcspn(name, "\t\n");
		if (!len)
			return -1;
		if (len == strlen("/dev/null") && starts_with(name, "/dev/null"))
			return 0;
		*path = xstrndup(name, len);
	}
	/* "a/" alone is a name, not a prefix. */
	if (strlen(*path) > 2 && !drop_prefix(*path, "a/"))
		drop_prefix(*path, "b/");
	return 0;
}

char *confined_path(const char *path)
{
	struct strbuf sb = { 0 };
	const char *p = path, *end;
	size_t len;

	if (*path == '/')
		return NULL;
	for (; *p; p = *end ? end + 1 : end) {
		end = strchrnul(p, '/');
		len = end - p;
		if (!len || (len == 1 && *p == '.'))
			continue;
		if (len == 2 && p[0] == '.' && p[1] == '.') {
			strbuf_release(&sb);
			return NULL;
		}
		if (sb.len)
			strbuf_add(&sb, "/", 1);
		strbuf_add(&sb, p, len);
	}
	return sb.len ? strbuf_detach(&sb) : NULL;
}
