// SPDX-License-Identifier: GPL-2.0
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "lib/fileio.h"
#include "scan/inventory_json.h"
#include "scan/result_cache.h"

#define TREE_MARK	"${TREE}/"
#define MEMO_BUCKETS	4096
#define TOOL_ID_LEN	16
#define PRUNE_DAYS	14

/* A file's digest, looked up once per run whoever asks. */
struct memo {
	struct memo *next;
	char *path;
	bool ok;		/* readable */
	char hex[DIGEST_HEX_LEN + 1];
};

struct result_cache {
	char *dir;
	char *root;		/* ends in '/' */
	char tool[DIGEST_HEX_LEN + 1];
	pthread_mutex_t lock;
	struct memo *buckets[MEMO_BUCKETS];
	unsigned int hits, misses;
};

/* A build's directory holds only entries. */
static void remove_entries(const char *path)
{
	struct dirent *e;
	DIR *d = opendir(path);

	while (d && (e = readdir(d)))
		if (e->d_name[0] != '.')
			unlinkat(dirfd(d), e->d_name, 0);
	if (d)
		closedir(d);
	rmdir(path);
}

/* Other builds' entries, unused for PRUNE_DAYS: nobody runs them now. */
static void prune(const char *dir, const char *mine)
{
	time_t old = time(NULL) - PRUNE_DAYS * 24 * 3600;
	struct dirent *e;
	struct stat st;
	DIR *d = opendir(dir);

	while (d && (e = readdir(d))) {
		char *path;

		if (e->d_name[0] == '.' || !strcmp(e->d_name, mine))
			continue;
		path = path_join(dir, e->d_name);
		if (!lstat(path, &st) && S_ISDIR(st.st_mode) &&
		    st.st_mtime < old)
			remove_entries(path);
		free(path);
	}
	if (d)
		closedir(d);
}

struct result_cache *result_cache_open(const char *dir, const char *root)
{
	struct result_cache *rc = xcalloc(1, sizeof(*rc));
	char mine[TOOL_ID_LEN + 1];

	/* Another build of this program may collect differently. */
	if (digest_file("/proc/self/exe", rc->tool)) {
		free(rc);
		return NULL;
	}
	memcpy(mine, rc->tool, TOOL_ID_LEN);
	mine[TOOL_ID_LEN] = '\0';
	rc->dir = path_join(dir, mine);
	if (mkdir_p(rc->dir)) {
		free(rc->dir);
		free(rc);
		return NULL;
	}
	/* Its time says when this build last scanned. */
	utimensat(AT_FDCWD, rc->dir, NULL, 0);
	prune(dir, mine);
	rc->root = xstrdup(root);
	pthread_mutex_init(&rc->lock, NULL);
	return rc;
}

void result_cache_close(struct result_cache *rc)
{
	size_t i;

	if (!rc)
		return;
	for (i = 0; i < MEMO_BUCKETS; i++) {
		while (rc->buckets[i]) {
			struct memo *m = rc->buckets[i];

			rc->buckets[i] = m->next;
			free(m->path);
			free(m);
		}
	}
	pthread_mutex_destroy(&rc->lock);
	free(rc->dir);
	free(rc->root);
	free(rc);
}

void result_cache_counts(const struct result_cache *rc, unsigned int *hits,
			 unsigned int *misses)
{
	*hits = rc ? rc->hits : 0;
	*misses = rc ? rc->misses : 0;
}

static unsigned int bucket_of(const char *path)
{
	unsigned int h = 2166136261u;

	while (*path)
		h = (h ^ (unsigned char)*path++) * 16777619u;
	return h % MEMO_BUCKETS;
}

/* @path's digest into @hex; false if it cannot be read. */
static bool file_digest(struct result_cache *rc, const char *path, char *hex)
{
	unsigned int b = bucket_of(path);
	struct memo *m;

	pthread_mutex_lock(&rc->lock);
	for (m = rc->buckets[b]; m; m = m->next)
		if (!strcmp(m->path, path))
			break;
	pthread_mutex_unlock(&rc->lock);
	if (!m) {
		m = xcalloc(1, sizeof(*m));
		m->path = xstrdup(path);
		m->ok = !digest_file(path, m->hex);
		pthread_mutex_lock(&rc->lock);
		m->next = rc->buckets[b];
		rc->buckets[b] = m;
		pthread_mutex_unlock(&rc->lock);
	}
	memcpy(hex, m->hex, sizeof(m->hex));
	return m->ok;
}

/*
 * What the parse of @job read at @path: the overlay given for it, if any,
 * else the file on disk.
 */
static bool input_digest(struct result_cache *rc, const struct parse_job *job,
			 const char *path, char *hex)
{
	size_t i;

	for (i = 0; job->overlays && i < job->overlays->nr; i++) {
		const struct source_overlay *o = job->overlays->items[i];
		struct digest *d;

		if (strcmp(o->path, path))
			continue;
		d = digest_new();
		digest_add(d, o->text, o->len);
		digest_end(d, hex);
		return true;
	}
	return file_digest(rc, path, hex);
}

/* @s with the tree's root written as TREE_MARK, or back. */
static char *relocatable(const struct result_cache *rc, const char *s)
{
	return str_replace_all(s, rc->root, TREE_MARK);
}

/* @s as it stands inside a JSON string (quotes and backslashes escaped). */
static char *json_inner(const char *s)
{
	json_t *j = json_string(s);
	char *quoted = j ? json_dumps(j, JSON_ENCODE_ANY) : NULL;
	char *inner;

	json_decref(j);
	if (!quoted)
		return xstrdup(s);
	inner = xstrndup(quoted + 1, strlen(quoted) - 2);
	free(quoted);
	return inner;
}

/*
 * @from replaced by @to in an entry's JSON text, where both are escaped
 * (a quote in a directory name): every path and message in it at once.
 */
static char *json_relocated(const char *text, const char *from,
			    const char *to)
{
	char *f = json_inner(from), *t = json_inner(to);
	char *out = str_replace_all(text, f, t);

	free(f);
	free(t);
	return out;
}

static void make_key(struct result_cache *rc, struct parse_job *job,
		     bool force_config)
{
	struct digest *d = digest_new();
	char *path = path_join(rc->root, job->rel), *s;
	char hex[DIGEST_HEX_LEN + 1];
	size_t i;

	digest_add_str(d, "iommu-pgsize result 1");
	digest_add_str(d, rc->tool);
	digest_add_str(d, job->rel);
	/* Several versions of a file keep an entry each. */
	digest_add_str(d, input_digest(rc, job, path, hex) ? hex : "unreadable");
	for (i = 0; i < job->args.nr; i++) {
		s = relocatable(rc, job->args.items[i]);
		digest_add_str(d, s);
		free(s);
	}
	digest_add_str(d, job->arch);
	digest_add_str(d, job->forced);
	digest_add_str(d, force_config ? "forced" : "configured");
	for (i = 0; job->overlays && i < job->overlays->nr; i++) {
		const struct source_overlay *o = job->overlays->items[i];

		s = relocatable(rc, o->path);
		digest_add_str(d, s);
		digest_add(d, o->text, o->len);
		free(s);
	}
	digest_end(d, job->cache_key);
	free(path);
}

static char *entry_path(const struct result_cache *rc, const char *key)
{
	return xasprintf("%s/%s.json", rc->dir, key);
}

/* Is every file the entry's parse read still as it was? */
static bool deps_unchanged(struct result_cache *rc,
			   const struct parse_job *job, const json_t *deps)
{
	char *self = path_join(rc->root, job->rel);
	char hex[DIGEST_HEX_LEN + 1];
	bool read_self = false;
	const json_t *dep;
	size_t i;

	json_array_foreach(deps, i, dep) {
		const char *path = json_string_value(json_array_get(dep, 0));
		const char *want = json_string_value(json_array_get(dep, 1));

		if (!path || !want || !input_digest(rc, job, path, hex) ||
		    strcmp(hex, want))
			goto out;
		read_self |= !strcmp(path, self);
	}
out:
	free(self);
	/* An entry whose paths name another tree is not this file's. */
	return read_self && i == json_array_size(deps);
}

bool result_cache_get(struct result_cache *rc, struct parse_job *job,
		      bool force_config, struct inventory *inv)
{
	json_t *entry = NULL;
	char *path, *text, *here = NULL;
	bool found = false;
	size_t len;

	make_key(rc, job, force_config);
	path = entry_path(rc, job->cache_key);
	text = read_regular_file(path, &len);
	if (text) {
		here = json_relocated(text, TREE_MARK, rc->root);
		entry = json_loads(here, 0, NULL);
	}
	if (entry && deps_unchanged(rc, job, json_object_get(entry, "deps")))
		found = !inventory_from_json(json_object_get(entry, "result"),
					     inv) &&
			(!json_object_get(entry, "pch") ||
			 !inventory_from_json(json_object_get(entry, "pch"),
					      inv));
	pthread_mutex_lock(&rc->lock);
	if (found)
		rc->hits++;
	else
		rc->misses++;
	pthread_mutex_unlock(&rc->lock);
	json_decref(entry);
	free(here);
	free(text);
	free(path);
	return found;
}

struct deps_walk {
	const char *workdir;
	struct vec *deps;
};

static void add_inclusion(CXFile file, CXSourceLocation *stack,
			  unsigned int depth, CXClientData data)
{
	struct deps_walk *w = data;
	CXString name = clang_getFileName(file);
	const char *s = clang_getCString(name);

	if (s && *s) {
		char *abs = s[0] == '/' || !w->workdir ? xstrdup(s) :
			    path_join(w->workdir, s);

		if (vec_contains_str(w->deps, abs))
			free(abs);
		else
			vec_push(w->deps, abs);
	}
	clang_disposeString(name);
}

void result_cache_deps(CXTranslationUnit tu, const struct vec *args,
		       struct vec *deps)
{
	struct deps_walk w = { NULL, deps };
	size_t i;

	/* Relative names are relative to the parse's working directory. */
	for (i = 0; i < args->nr; i++)
		if (starts_with(args->items[i], "-working-directory="))
			w.workdir = strchr(args->items[i], '=') + 1;
	clang_getInclusions(tu, add_inclusion, &w);
}

void result_cache_put(struct result_cache *rc, const struct parse_job *job,
		      const struct vec *deps, const struct inventory *part,
		      const json_t *extra)
{
	json_t *entry = json_object(), *list = json_array();
	char hex[DIGEST_HEX_LEN + 1];
	char *path, *text, *moved;
	size_t i;

	for (i = 0; i < deps->nr; i++) {
		/* A file that cannot be read now cannot be checked later. */
		if (!input_digest(rc, job, deps->items[i], hex))
			goto out;
		json_array_append_new(list, json_pack("[s,s]",
				      (char *)deps->items[i], hex));
	}
	json_object_set_new(entry, "deps", list);
	list = NULL;
	json_object_set_new(entry, "result", inventory_to_json(part));
	if (extra)
		json_object_set(entry, "pch", (json_t *)extra);
	text = json_dumps(entry, JSON_COMPACT);
	if (!text)
		goto out;
	/* Paths and messages name the tree: keep them relative to it. */
	moved = json_relocated(text, rc->root, TREE_MARK);
	path = entry_path(rc, job->cache_key);
	/* A cache that cannot be written is only slower next time. */
	if (write_file(path, moved, strlen(moved)))
		errno = 0;
	free(moved);
	free(text);
	free(path);
out:
	json_decref(list);
	json_decref(entry);
}
