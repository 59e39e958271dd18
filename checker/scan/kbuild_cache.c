// SPDX-License-Identifier: GPL-2.0
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <jansson.h>

#include "lib/digest.h"
#include "lib/fileio.h"
#include "scan/kbuild_cache.h"
#include "scan/kbuild_cmd.h"

#define SRC_MARK	"${SRC}/"
#define CACHE_NAME	"iommu-pgsize-commands.json"


/* Variables kbuild or make read from the environment. */
static bool kbuild_reads(const char *var)
{
	static const char *const names[] = {
		"PATH=", "ARCH=", "SUBARCH=", "SRCARCH=", "CROSS_COMPILE=",
		"CC=", "LD=", "AR=", "NM=", "OBJCOPY=", "OBJDUMP=", "STRIP=",
		"HOSTCC=", "HOSTCXX=", "HOSTLD=", "HOSTAR=", "MAKEFILES=",
		"O=", "M=", "W=", "C=", "V=",
	};
	size_t i;

	if (var[0] == 'K' || starts_with(var, "LLVM") || strstr(var, "FLAGS"))
		return true;
	for (i = 0; i < ARRAY_SIZE(names); i++)
		if (starts_with(var, names[i]))
			return true;
	return false;
}

/* @path's name and contents (or that it is missing) into @d. */
static void add_file(struct digest *d, const char *base, const char *rel)
{
	char *path = path_join(base, rel);
	char hex[DIGEST_HEX_LEN + 1];

	digest_add_str(d, rel);
	digest_add_str(d, digest_file(path, hex) ? "missing" : hex);
	free(path);
}

/* kbuild's own makefiles: scripts/Makefile.*, scripts/Kbuild.include. */
static void add_kbuild_makefiles(struct digest *d, const char *srcroot)
{
	char *scripts = path_join(srcroot, "scripts");
	struct vec names = { 0 };
	struct dirent *e;
	DIR *dir = opendir(scripts);
	size_t i;

	while (dir && (e = readdir(dir)))
		if (starts_with(e->d_name, "Makefile") ||
		    starts_with(e->d_name, "Kbuild") ||
		    ends_with(e->d_name, ".include"))
			vec_push(&names, xasprintf("scripts/%s", e->d_name));
	if (dir)
		closedir(dir);
	/* readdir's order is the file system's. */
	vec_sort(&names, vec_cmp_str);
	for (i = 0; i < names.nr; i++)
		add_file(d, srcroot, names.items[i]);
	vec_free(&names, free);
	free(scripts);
}

/* Where PATH finds @name, or NULL. */
static char *find_in_path(const char *name)
{
	const char *path = getenv("PATH"), *end;

	for (; path && *path; path = *end ? end + 1 : end) {
		char *dir, *full;

		end = strchrnul(path, ':');
		dir = xstrndup(path, end - path);
		full = path_join(*dir ? dir : ".", name);
		free(dir);
		if (!access(full, X_OK))
			return full;
		free(full);
	}
	return NULL;
}

static void fingerprint(const char *srcroot, const char *objtree,
			const char *arch, const char *llvm, char *const *rels,
			size_t n, char *hex)
{
	struct digest *d = digest_new();
	char *compiler = xasprintf("clang%s", llvm), *p;
	struct stat st;
	size_t i;
	char **env;

	digest_add_str(d, "kbuild commands 1");
	digest_add_str(d, arch);
	digest_add_str(d, llvm);
	for (env = environ; *env; env++)
		if (kbuild_reads(*env))
			digest_add_str(d, *env);
	p = find_in_path(compiler);
	if (p && !stat(p, &st)) {
		digest_add_str(d, p);
		digest_add(d, &st.st_size, sizeof(st.st_size));
		digest_add(d, &st.st_mtim, sizeof(st.st_mtim));
	}
	free(p);
	free(compiler);
	add_file(d, srcroot, "Makefile");
	add_kbuild_makefiles(d, srcroot);
	p = xasprintf("arch/%s/Makefile", arch);
	add_file(d, srcroot, p);
	free(p);
	add_file(d, objtree, ".config");
	add_file(d, objtree, "include/config/auto.conf");
	/* Each file's directory and those above it, as kbuild descends. */
	for (i = 0; i < n; i++) {
		char *dir = xstrdup(rels[i]), *slash;

		digest_add_str(d, rels[i]);
		while ((slash = strrchr(dir, '/'))) {
			*slash = '\0';
			p = xasprintf("%s/Makefile", dir);
			add_file(d, srcroot, p);
			free(p);
			p = xasprintf("%s/Kbuild", dir);
			add_file(d, srcroot, p);
			free(p);
		}
		free(dir);
	}
	digest_end(d, hex);
}

static char *entry_path(const char *objtree)
{
	return path_join(objtree, CACHE_NAME);
}

/*
 * The kept commands if their fingerprint is @want: 0, or 1 when that dry
 * run failed; -1 if there are none.
 */
static int load(const char *srcroot, const char *objtree, const char *want,
		size_t n, struct vec *cmds)
{
	char *path = entry_path(objtree), *text;
	json_t *entry = NULL, *list, *argv, *word;
	size_t len, i, k;
	int ret = -1;

	text = read_regular_file(path, &len);
	if (text)
		entry = json_loadb(text, len, 0, NULL);
	list = json_object_get(entry, "commands");
	if (strcmp_null(json_string_value(json_object_get(entry,
							"fingerprint")),
			want) || json_array_size(list) != n)
		goto out;
	json_array_foreach(list, i, argv) {
		struct vec *cmd = NULL;

		if (json_is_array(argv)) {
			cmd = xcalloc(1, sizeof(*cmd));
			json_array_foreach(argv, k, word)
				vec_push(cmd, str_replace_all(
					json_string_value(word) ?
					json_string_value(word) : "",
					SRC_MARK, srcroot));
		}
		vec_push(cmds, cmd);
	}
	ret = json_integer_value(json_object_get(entry, "status")) ? 1 : 0;
out:
	json_decref(entry);
	free(text);
	free(path);
	return ret;
}

static void store(const char *srcroot, const char *objtree, const char *hex,
		  int status, const struct vec *cmds)
{
	json_t *entry = json_object(), *list = json_array();
	char *path = entry_path(objtree), *text, *word;
	size_t i, k;

	for (i = 0; i < cmds->nr; i++) {
		const struct vec *cmd = cmds->items[i];
		json_t *argv = cmd ? json_array() : json_null();

		/* A copy of the tree uses them too (series --verify). */
		for (k = 0; cmd && k < cmd->nr; k++) {
			word = str_replace_all(cmd->items[k], srcroot,
					       SRC_MARK);
			json_array_append_new(argv, json_string(word));
			free(word);
		}
		json_array_append_new(list, argv);
	}
	json_object_set_new(entry, "fingerprint", json_string(hex));
	json_object_set_new(entry, "commands", list);
	json_object_set_new(entry, "status", json_integer(status));
	text = json_dumps(entry, JSON_COMPACT);
	/* If not kept, the next run dry-runs again: nothing worse. */
	if (text)
		write_file(path, text, strlen(text));
	free(text);
	free(path);
	json_decref(entry);
}

int kbuild_commands(const char *srcroot, const char *objtree,
		    const char *arch, const char *llvm, bool fresh,
		    char *const *rels, size_t n, struct vec *cmds)
{
	char hex[DIGEST_HEX_LEN + 1];
	int ret;

	fingerprint(srcroot, objtree, arch, llvm, rels, n, hex);
	ret = fresh ? -1 : load(srcroot, objtree, hex, n, cmds);
	if (ret >= 0)
		return ret ? -1 : 0;
	ret = kbuild_dry_run(srcroot, objtree, arch, llvm, NULL, rels, n,
			     cmds);
	/* The same inputs fail the same way: keep that too. */
	store(srcroot, objtree, hex, ret, cmds);
	return ret;
}
