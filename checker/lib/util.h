/* SPDX-License-Identifier: GPL-2.0 */
/* Small helpers: allocation that cannot fail, messages, growable arrays. */
#ifndef IOMMU_PGSIZE_UTIL_H
#define IOMMU_PGSIZE_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#define EXIT_FINDINGS	1
#define EXIT_FATAL	2

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
/* The kernel's attribute shorthands (include/linux/compiler_attributes.h). */
#define __attr(x) __attribute__((x))
#define __printf(a, b) __attr(format(printf, a, b))
#define __noreturn __attr(noreturn)

void *xmalloc(size_t size);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *ptr, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __printf(1, 2);

/* Messages go to stderr prefixed with the program name. */
void note(const char *fmt, ...) __printf(1, 2);
void warn(const char *fmt, ...) __printf(1, 2);
void error(const char *fmt, ...) __printf(1, 2);
void die(const char *fmt, ...)
	__printf(1, 2) __noreturn;
extern bool quiet;
/* --verbose: also what is normally summed up (a file's parse errors). */
extern bool verbose;

/* A growable array of pointers. */
struct vec {
	void **items;
	size_t nr;
	size_t alloc;
};

void vec_push(struct vec *v, void *item);
void vec_free(struct vec *v, void (*free_item)(void *));
void vec_sort(struct vec *v, int (*cmp)(const void *, const void *));
bool vec_contains_str(const struct vec *v, const char *s);
/* For vec_sort() of strings. */
int vec_cmp_str(const void *a, const void *b);

/* A growable NUL-terminated string. */
struct strbuf {
	char *buf;
	size_t len;
	size_t alloc;
};

void strbuf_add(struct strbuf *sb, const char *data, size_t len);
void strbuf_addstr(struct strbuf *sb, const char *s);
void strbuf_addf(struct strbuf *sb, const char *fmt, ...)
	__printf(2, 3);
char *strbuf_detach(struct strbuf *sb);
/* The same without the trailing newlines and blanks (a command's answer). */
char *strbuf_detach_trimmed(struct strbuf *sb);
/* @s with every @from replaced by @to, malloc'ed. */
char *str_replace_all(const char *s, const char *from, const char *to);
void strbuf_release(struct strbuf *sb);

/*
 * Only letters, digits and / . _ + , - (not first): a name a shell
 * takes as one word, for tools that run commands through one.
 */
bool shell_safe(const char *s);
bool starts_with(const char *s, const char *prefix);
bool ends_with(const char *s, const char *suffix);
char *path_join(const char *dir, const char *name);
/* mkdir -p; 0 or -1. */
int mkdir_p(const char *path);
int strcmp_null(const char *a, const char *b);

#endif
