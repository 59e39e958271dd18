// SPDX-License-Identifier: GPL-2.0
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "scan/flags.h"
#include "scan/kbuild_cache.h"
#include "scan/kbuild_cmd.h"
#include "scan/module.h"
#include <clang-c/Index.h>
#include "lib/fileio.h"
#include "lib/spawn.h"

#ifndef CLANG_RESOURCE_INCLUDE
#define CLANG_RESOURCE_INCLUDE "/usr/lib/llvm-19/lib/clang/19/include"
#endif

/* Caches prepared with gcc before are prepared again with clang. */
#define PREPARED_STAMP ".iommu-pgsize-prepared-llvm"
#define CONFIGURED_STAMP ".iommu-pgsize-configured-llvm"

const char *flags_source_name(enum flags_source source)
{
	static const char *const names[] = {
		[FLAGS_PLAIN] = "plain",
		[FLAGS_PREPARED] = "prepared",
		[FLAGS_UNPREPARED] = "unprepared",
		[FLAGS_DATABASE] = "compile_commands",
	};

	return names[source];
}

const char *kernel_arch(const char *machine)
{
	static const char *const map[][2] = {
		{ "x86_64", "x86" }, { "i686", "x86" }, { "i386", "x86" },
		{ "aarch64", "arm64" }, { "armv7l", "arm" }, { "armv6l", "arm" },
		{ "s390x", "s390" }, { "ppc64le", "powerpc" },
		{ "ppc64", "powerpc" }, { "riscv64", "riscv" },
		{ "loongarch64", "loongarch" },
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(map); i++)
		if (!strcmp(machine, map[i][0]))
			return map[i][1];
	return NULL;
}

static void push(struct vec *v, const char *s)
{
	vec_push(v, xstrdup(s));
}

static void push2(struct vec *v, const char *flag, const char *value)
{
	push(v, flag);
	push(v, value);
}

/* Options for parsing only: no warnings, never stop after N errors. */
static void push_parse_options(struct vec *v)
{
	push(v, "-w");
	push(v, "-ferror-limit=0");
}

static char *absolute(const char *dir, const char *path)
{
	if (path[0] == '/' || !dir)
		return xstrdup(path);
	return path_join(dir, path);
}

/* Flags taking a path argument, joined ("-Ifoo") or separate. */
static const char *const path_flags[] = {
	"-I", "-isystem", "-include", "-imacros", "-iquote", "-idirafter",
};

static const char *const kept_flags[] = {
	"-nostdinc", "-funsigned-char", "-fsigned-char", "-fshort-wchar",
	"-m32", "-m64", "-fms-extensions",
};

static bool keep_prefixed(const char *arg)
{
	return starts_with(arg, "-D") || starts_with(arg, "-U") ||
	       starts_with(arg, "-std=") || starts_with(arg, "--target=");
}

static void target_from_compiler(const char *compiler, struct vec *out)
{
	const char *base = strrchr(compiler, '/');
	size_t len;

	base = base ? base + 1 : compiler;
	len = strlen(base);
	/* aarch64-linux-gnu-gcc: the prefix is the target triple. */
	if (len > 4 && (ends_with(base, "-gcc") || ends_with(base, "-cc"))) {
		const char *dash = strrchr(base, '-');

		vec_push(out, xasprintf("--target=%.*s", (int)(dash - base),
					base));
	}
}

void filter_compiler_args(const char *const *argv, int argc, const char *dir,
			  struct vec *out)
{
	int i;
	size_t k;

	if (argc > 0)
		target_from_compiler(argv[0], out);
	for (i = 1; i < argc; i++) {
		const char *arg = argv[i];
		bool done = false;

		for (k = 0; k < ARRAY_SIZE(path_flags) && !done; k++) {
			size_t len = strlen(path_flags[k]);

			if (strcmp(arg, path_flags[k]) == 0 && i + 1 < argc) {
				push(out, path_flags[k]);
				vec_push(out, absolute(dir, argv[++i]));
				done = true;
			} else if (!strncmp(arg, path_flags[k], len) &&
				   arg[len] && !strcmp(path_flags[k], "-I")) {
				push(out, "-I");
				vec_push(out, absolute(dir, arg + len));
				done = true;
			}
		}
		if (done)
			continue;
		if ((!strcmp(arg, "-D") || !strcmp(arg, "-U")) && i + 1 < argc) {
			push2(out, arg, argv[++i]);
			continue;
		}
		if (keep_prefixed(arg)) {
			push(out, arg);
			continue;
		}
		for (k = 0; k < ARRAY_SIZE(kept_flags); k++)
			if (!strcmp(arg, kept_flags[k]))
				push(out, arg);
	}
}

/*
 * Without a home, a directory of this user's in $TMPDIR (or /tmp). Anyone
 * could have made it first, to feed us headers or to read or replace what
 * we write: it must be ours, a real directory, and writable by us alone.
 */
static char *private_cache_root(void)
{
	const char *tmp = getenv("TMPDIR");
	struct stat st;
	char *dir;

	/* kbuild's recipes hand O= to a shell. */
	if (!tmp || *tmp != '/' || !shell_safe(tmp))
		tmp = "/tmp";
	dir = xasprintf("%s/iommu-pgsize-cache-%u", tmp, (unsigned int)getuid());
	if (mkdir(dir, 0700) && errno != EEXIST) {
		error("cannot create the cache directory %s: %s", dir,
		      strerror(errno));
	} else if (lstat(dir, &st)) {
		error("cannot read the cache directory %s: %s", dir,
		      strerror(errno));
	} else if (!S_ISDIR(st.st_mode) || st.st_uid != getuid() ||
		   (st.st_mode & 022)) {
		error("not using the cache directory %s: it is %s; it must be a directory owned by uid %u that only it can write (remove it, or set --cache-dir or HOME)",
		      dir, !S_ISDIR(st.st_mode) ? "not a directory" :
		      st.st_uid != getuid() ? "owned by another user" :
		      "writable by others", (unsigned int)getuid());
	} else {
		return dir;
	}
	free(dir);
	return NULL;
}

char *flags_cache_root(const struct flags_config *cfg)
{
	const char *xdg = getenv("XDG_CACHE_HOME");
	const char *home = getenv("HOME");
	char cwd[PATH_MAX];

	/* make -C runs in the tree: a relative O= would land inside it. */
	if (cfg->cache_dir && cfg->cache_dir[0] != '/' &&
	    getcwd(cwd, sizeof(cwd)))
		return path_join(cwd, cfg->cache_dir);
	if (cfg->cache_dir)
		return xstrdup(cfg->cache_dir);
	if (xdg && *xdg == '/')
		return path_join(xdg, "iommu-pgsize");
	if (home && *home)
		return xasprintf("%s/.cache/iommu-pgsize", home);
	return private_cache_root();
}


/* One cache directory per tree location, version and architecture. */
static char *cache_dir_for(const struct tree *tree, const char *arch,
			   const struct flags_config *cfg)
{
	char *root = flags_cache_root(cfg);
	struct strbuf name = { 0 };
	const char *p;
	char *dir;

	if (!root)
		return NULL;
	for (p = tree->root + 1; *p; p++)
		strbuf_add(&name, isalnum((unsigned char)*p) || *p == '.' ||
			   *p == '-' ? p : "_", 1);
	strbuf_addf(&name, "-%s-%s", tree->version ? tree->version : "unknown",
		    arch);
	dir = path_join(root, name.buf);
	strbuf_release(&name);
	free(root);
	return dir;
}

static bool has_stamp(const char *objtree, const char *name)
{
	char *stamp = path_join(objtree, name);
	bool ok = access(stamp, F_OK) == 0;

	free(stamp);
	return ok;
}

static void write_stamp(const struct flags *f, const char *name)
{
	char *stamp = path_join(f->objtree, name);
	FILE *fp = fopen(stamp, "w");

	if (fp) {
		fprintf(fp, "%s\n", f->tree->version ? f->tree->version : "");
		fclose(fp);
	}
	free(stamp);
}

/* make -s -C TREE O= ARCH= LLVM= -jN [@extra] @target, logged. */
static int run_kbuild(const struct flags *f, const struct flags_config *cfg,
		      const char *extra, const char *target,
		      const char *log_name)
{
	char *log = path_join(f->objtree, log_name);
	char *out = xasprintf("O=%s", f->objtree);
	char *arch = xasprintf("ARCH=%s", f->arch);
	char *jobs = xasprintf("-j%d", cfg->jobs > 0 ? cfg->jobs : 1);
	char *llvm = xasprintf("LLVM=%s", f->llvm);
	char *const argv[] = {
		"make", "-s", "-C", f->tree->root, out, arch, llvm, jobs,
		(char *)(extra ? extra : target), (char *)(extra ? target : NULL),
		NULL,
	};
	int ret = run_program(argv, log);

	if (ret)
		error("'make ARCH=%s %s' failed; see %s", f->arch, target, log);
	free(log);
	free(out);
	free(arch);
	free(jobs);
	free(llvm);
	return ret ? -1 : 0;
}

/*
 * The .config of allmodconfig for the flags' architecture, less
 * CONFIG_WERROR: we only parse, and a warning a newer clang adds must not
 * stop "make prepare" (kbuild's own KCONFIG_ALLCONFIG pins the symbol).
 */
static int configure_cache(struct flags *f, const struct flags_config *cfg)
{
	static const char werror_off[] = "# CONFIG_WERROR is not set\n";
	char *pins, *extra;
	int ret;

	if (has_stamp(f->objtree, CONFIGURED_STAMP) ||
	    has_stamp(f->objtree, PREPARED_STAMP))
		return 0;
	if (mkdir_p(f->objtree)) {
		error("cannot create %s: %s", f->objtree, strerror(errno));
		return -1;
	}
	note("configuring %s for %s (allmodconfig, once)", f->tree->root,
	     f->arch);
	pins = path_join(f->objtree, "allmod.config");
	extra = xasprintf("KCONFIG_ALLCONFIG=%s", pins);
	ret = write_file(pins, werror_off, strlen(werror_off));
	if (ret)
		error("cannot write %s", pins);
	else
		ret = run_kbuild(f, cfg, extra, "allmodconfig",
				 "configure.log");
	if (!ret)
		write_stamp(f, CONFIGURED_STAMP);
	free(pins);
	free(extra);
	return ret ? -1 : 0;
}

static int prepare_cache(struct flags *f, const struct flags_config *cfg)
{
	if (configure_cache(f, cfg))
		return -1;
	note("preparing %s out of tree for %s in %s (once; about half a minute)",
	     f->tree->root, f->arch, f->objtree);
	if (run_kbuild(f, cfg, NULL, "prepare", "prepare.log"))
		return -1;
	write_stamp(f, PREPARED_STAMP);
	return 0;
}

/* Is SYMBOL=y in the prepared .config? */
static bool config_enabled(const char *objtree, const char *symbol)
{
	char *path = path_join(objtree, ".config");
	char *want = xasprintf("\n%s=y\n", symbol);
	size_t size;
	char *text = read_file(path, &size);
	bool on = text && strstr(text, want);

	free(text);
	free(want);
	free(path);
	return on;
}

static int open_database(struct flags *f, const char *dir)
{
	CXCompilationDatabase_Error err;

	f->db = clang_CompilationDatabase_fromDirectory(dir, &err);
	if (err != CXCompilationDatabase_NoError || !f->db) {
		error("cannot read %s/compile_commands.json", dir);
		return -1;
	}
	f->all = clang_CompilationDatabase_getAllCompileCommands(f->db);
	if (!f->all || !clang_CompileCommands_getSize(f->all)) {
		error("%s/compile_commands.json has no entries", dir);
		return -1;
	}
	f->source = FLAGS_DATABASE;
	note("using compile flags from %s/compile_commands.json", dir);
	return 0;
}

/* "-19" for libclang 19: kbuild's LLVM= for the same clang. */
static char *llvm_suffix(void)
{
	CXString v = clang_getClangVersion();
	const char *s = strstr(clang_getCString(v), "version ");
	char *suffix = s ? xasprintf("-%d", atoi(s + 8)) : xstrdup("1");

	clang_disposeString(v);
	return suffix;
}

/* Everything but the cache: the tree, LLVM= for kbuild, the source. */
static int flags_start(struct flags *f, const struct tree *tree,
		       const struct flags_config *cfg, const char *arch)
{
	memset(f, 0, sizeof(*f));
	/* A module's files, the kernel's flags: make -C KTREE M=DIR. */
	if (tree->kernel) {
		f->module = tree->root;
		tree = tree->kernel;
	}
	f->tree = tree;
	f->llvm = llvm_suffix();
	f->arch = arch;
	f->fresh = cfg->no_cache;
	if (cfg->compdb_dir)
		return open_database(f, cfg->compdb_dir);
	f->source = tree->kbuild ? FLAGS_UNPREPARED : FLAGS_PLAIN;
	return 0;
}

/* The tree whose caches the flags use: @f's own, or cfg->caches_of. */
static const struct tree *cache_tree(const struct flags *f,
				     const struct flags_config *cfg)
{
	return cfg->caches_of ? cfg->caches_of : f->tree;
}

static int use_prepared(struct flags *f, const struct flags_config *cfg)
{
	if (has_stamp(f->objtree, PREPARED_STAMP))
		note("using prepared headers in %s", f->objtree);
	else if (cfg->caches_of || prepare_cache(f, cfg))
		return -1;
	f->source = FLAGS_PREPARED;
	f->fentry = config_enabled(f->objtree, "CONFIG_FUNCTION_TRACER") &&
		    config_enabled(f->objtree, "CONFIG_HAVE_FENTRY");
	return 0;
}

int flags_init(struct flags *f, const struct tree *tree,
	       const struct flags_config *cfg)
{
	struct utsname un;
	const char *arch = uname(&un) ? NULL : kernel_arch(un.machine);

	if (flags_start(f, tree, cfg, arch ? arch : "x86"))
		return -1;
	if (f->source != FLAGS_UNPREPARED || cfg->no_prepare)
		return 0;
	f->objtree = cfg->objtree ? xstrdup(cfg->objtree) :
		     cache_dir_for(cache_tree(f, cfg), f->arch, cfg);
	if (!f->objtree)
		return -1;
	if (use_prepared(f, cfg))
		warn("continuing without generated headers; expect parse errors (or use -p with a build's compile_commands.json)");
	return 0;
}

bool flags_per_arch(const struct tree *tree, const struct flags_config *cfg)
{
	/* A module's architectures are its kernel's, caches included. */
	if (tree->kernel)
		tree = tree->kernel;
	return tree->kbuild && !cfg->compdb_dir && !cfg->no_prepare &&
	       !cfg->objtree;
}

int flags_init_arch(struct flags *f, const struct tree *tree,
		    const struct flags_config *cfg, const char *srcarch)
{
	flags_start(f, tree, cfg, srcarch);
	f->objtree = cache_dir_for(cache_tree(f, cfg), f->arch, cfg);
	if (!f->objtree)
		return -1;
	/* Another tree's cache is used as it is, never made. */
	if (cfg->caches_of)
		return has_stamp(f->objtree, PREPARED_STAMP) ? 0 : -1;
	return configure_cache(f, cfg);
}

char *flags_config_text(const struct flags *f)
{
	char *path = path_join(f->objtree, ".config");
	size_t size;
	char *text = read_file(path, &size);

	free(path);
	return text;
}

int flags_prepare(struct flags *f, const struct flags_config *cfg)
{
	return f->source == FLAGS_PREPARED ? 0 : use_prepared(f, cfg);
}

static void shell_args_free(void *args)
{
	/* NULL: kbuild printed no command for that file. */
	if (!args)
		return;
	vec_free(args, free);
	free(args);
}

void flags_release(struct flags *f)
{
	if (f->all)
		clang_CompileCommands_dispose(f->all);
	if (f->db)
		clang_CompilationDatabase_dispose(f->db);
	free(f->objtree);
	free(f->llvm);
	vec_free(&f->cmd_rels, NULL);
	vec_free(&f->cmd_args, shell_args_free);
}

/*
 * clang's driver opens some files itself (-fOPTION=./file) before
 * -working-directory applies: make such values absolute.
 */
static void absolute_option_values(struct vec *args, const char *objtree)
{
	size_t i;

	for (i = 0; i < args->nr; i++) {
		char *a = args->items[i];
		char *eq = strchr(a, '=');

		if (a[0] != '-' || !eq || !starts_with(eq + 1, "./"))
			continue;
		args->items[i] = xasprintf("%.*s%s/%s", (int)(eq + 1 - a), a,
					   objtree, eq + 3);
		free(a);
	}
}

void flags_load_commands(struct flags *f, const struct vec *files)
{
	struct vec cmds = { 0 };
	size_t i, k, found = 0;

	if (f->source != FLAGS_PREPARED || !files->nr)
		return;
	if (f->module ? module_dry_run(f->tree->root, f->objtree, f->arch,
				       f->llvm, f->module,
				       (char *const *)files->items, files->nr,
				       &cmds) :
	    kbuild_commands(f->tree->root, f->objtree, f->arch, f->llvm,
			    f->fresh, (char *const *)files->items, files->nr,
			    &cmds))
		note("kbuild has no command for some files; they are parsed with fallback flags");
	for (i = 0; i < files->nr; i++) {
		struct vec *args;

		if (!cmds.items[i])
			continue;
		args = xcalloc(1, sizeof(*args));
		/* kbuild's relative paths are relative to the object tree. */
		vec_push(args, xasprintf("-working-directory=%s", f->objtree));
		kbuild_parse_args(cmds.items[i], files->items[i], args);
		absolute_option_values(args, f->objtree);
		vec_push(&f->cmd_rels, files->items[i]);
		vec_push(&f->cmd_args, args);
		found++;
	}
	vec_free(&cmds, shell_args_free);
	if (!found)
		return;
	f->prefix = ((struct vec *)f->cmd_args.items[0])->nr;
	for (i = 1; i < f->cmd_args.nr; i++) {
		const struct vec *a = f->cmd_args.items[0];
		const struct vec *b = f->cmd_args.items[i];

		for (k = 0; k < f->prefix && k < b->nr &&
		     !strcmp(a->items[k], b->items[k]); k++)
			;
		f->prefix = k;
	}
	note("took the compile commands of %zu of %zu files from kbuild",
	     found, files->nr);
}

static const struct vec *kbuild_args(struct flags *f, const char *rel)
{
	size_t i;

	for (i = 0; i < f->cmd_rels.nr; i++)
		if (!strcmp(f->cmd_rels.items[i], rel))
			return f->cmd_args.items[i];
	return NULL;
}

/* kbuild's arguments for @rel; with @pch in place of its -include files. */
static void kbuild_file_args(struct flags *f, const struct vec *cmd,
			     const char *pch, struct vec *args)
{
	size_t i;

	for (i = 0; i < cmd->nr; i++) {
		if (pch && i < f->prefix && !strcmp(cmd->items[i], "-include") &&
		    i + 1 < f->prefix) {
			i++;
			continue;
		}
		if (pch && i == f->prefix)
			push2(args, "-include-pch", pch);
		push(args, cmd->items[i]);
	}
	if (pch && i == f->prefix)
		push2(args, "-include-pch", pch);
}

static void push_include(struct vec *v, const char *base, const char *rel)
{
	vec_push(v, xasprintf("-I%s%s", base, rel));
}

static void push_forced_include(struct vec *v, const char *src,
				const char *header)
{
	push(v, "-include");
	vec_push(v, xasprintf("%sinclude/%s", src, header));
}

/* Include paths, macros and language options every file shares. */
static void kbuild_shared_flags(struct flags *f, struct vec *args)
{
	const char *src = f->tree->root;	/* ends in '/' */
	char *obj = f->source == FLAGS_PREPARED ?
		    path_join(f->objtree, "") : NULL;
	char *arch = xasprintf("arch/%s/include", f->arch);

	push(args, "-nostdinc");
	push2(args, "-isystem", CLANG_RESOURCE_INCLUDE);
	push_include(args, src, arch);
	if (obj)
		vec_push(args, xasprintf("-I%s%s/generated", obj, arch));
	push_include(args, src, "include");
	if (obj)
		push_include(args, obj, "include");
	vec_push(args, xasprintf("-I%s%s/uapi", src, arch));
	if (obj)
		vec_push(args, xasprintf("-I%s%s/generated/uapi", obj, arch));
	push_include(args, src, "include/uapi");
	if (obj)
		push_include(args, obj, "include/generated/uapi");
	push(args, "-D__KERNEL__");
	/* The top Makefile adds this with -mfentry; asm/ftrace.h insists. */
	if (f->fentry)
		push(args, "-DCC_USING_FENTRY");
	push(args, "-std=gnu11");
	push(args, "-fshort-wchar");
	push(args, "-funsigned-char");
	free(obj);
	free(arch);
}

/* What kbuild puts in front of every file; a PCH contains it already. */
static void kbuild_forced_includes(struct flags *f, struct vec *args)
{
	const char *src = f->tree->root;

	if (f->source == FLAGS_PREPARED) {
		push_forced_include(args, src, "linux/compiler-version.h");
		push_forced_include(args, src, "linux/kconfig.h");
	}
	push_forced_include(args, src, "linux/compiler_types.h");
}

static void kbuild_file_flags(struct flags *f, const char *rel,
			      struct vec *args)
{
	const char *src = f->module ? f->module : f->tree->root;
	const char *slash = strrchr(rel, '/');
	char *dir = xstrndup(rel, slash ? (size_t)(slash - rel) : 0);
	const char *file = slash ? slash + 1 : rel;
	char *base = xstrndup(file, strcspn(file, "."));
	char *p;

	for (p = base; *p; p++)
		if (*p == '-')
			*p = '_';
	vec_push(args, xasprintf("-DKBUILD_MODFILE=\"%s%s%s\"", dir,
				 *dir ? "/" : "", base));
	vec_push(args, xasprintf("-DKBUILD_BASENAME=\"%s\"", base));
	vec_push(args, xasprintf("-DKBUILD_MODNAME=\"%s\"", base));
	vec_push(args, xasprintf("-D__KBUILD_MODNAME=kmod_%s", base));
	push_include(args, src, dir);
	if (f->source == FLAGS_PREPARED) {
		char *obj = path_join(f->objtree, "");

		push_include(args, obj, dir);
		free(obj);
	}
	free(dir);
	free(base);
}

static size_t common_prefix(const char *a, const char *b)
{
	size_t n = 0;

	while (a[n] && a[n] == b[n])
		n++;
	return n;
}

/*
 * Does the database name @path itself? libclang answers for any file,
 * inferring a command from a similar entry.
 */
static bool database_has(struct flags *f, const char *path)
{
	unsigned int i, n = clang_CompileCommands_getSize(f->all);
	bool found = false;

	for (i = 0; i < n && !found; i++) {
		CXCompileCommand cmd = clang_CompileCommands_getCommand(f->all,
									i);
		CXString file = clang_CompileCommand_getFilename(cmd);
		CXString dir = clang_CompileCommand_getDirectory(cmd);
		const char *name = clang_getCString(file);
		char *abs = name[0] == '/' ? xstrdup(name) :
			    path_join(clang_getCString(dir), name);

		found = !strcmp(abs, path);
		free(abs);
		clang_disposeString(file);
		clang_disposeString(dir);
	}
	return found;
}

/* The database entry for @path, or the one nearest to it in the tree. */
static CXCompileCommand database_entry(struct flags *f, const char *path,
				       CXCompileCommands *owned)
{
	unsigned int i, n, best = 0;
	size_t best_len = 0;

	/* A kernel build's database, say: its flags fit, its -I may not. */
	if (f->module && !database_has(f, path))
		note("%s: no entry in the compile_commands.json; parsed with flags inferred from the nearest entry (make -C KTREE M=<module> <objects> compile_commands.json writes the module's own)",
		     path);
	*owned = clang_CompilationDatabase_getCompileCommands(f->db, path);
	if (*owned && clang_CompileCommands_getSize(*owned))
		return clang_CompileCommands_getCommand(*owned, 0);
	n = clang_CompileCommands_getSize(f->all);
	for (i = 0; i < n; i++) {
		CXCompileCommand cmd = clang_CompileCommands_getCommand(f->all,
									i);
		CXString file = clang_CompileCommand_getFilename(cmd);
		size_t len = common_prefix(path, clang_getCString(file));

		clang_disposeString(file);
		if (len > best_len) {
			best_len = len;
			best = i;
		}
	}
	return clang_CompileCommands_getCommand(f->all, best);
}

static void database_flags(struct flags *f, const char *rel, struct vec *args)
{
	char *path = path_join(f->module ? f->module : f->tree->root, rel);
	CXCompileCommands owned;
	CXCompileCommand cmd = database_entry(f, path, &owned);
	unsigned int i, n = clang_CompileCommand_getNumArgs(cmd);
	CXString dir = clang_CompileCommand_getDirectory(cmd);
	const char **argv = xcalloc(n + 1, sizeof(*argv));
	CXString *strs = xcalloc(n + 1, sizeof(*strs));

	for (i = 0; i < n; i++) {
		strs[i] = clang_CompileCommand_getArg(cmd, i);
		argv[i] = clang_getCString(strs[i]);
	}
	filter_compiler_args(argv, n, clang_getCString(dir), args);
	push2(args, "-isystem", CLANG_RESOURCE_INCLUDE);
	for (i = 0; i < n; i++)
		clang_disposeString(strs[i]);
	clang_disposeString(dir);
	if (owned)
		clang_CompileCommands_dispose(owned);
	free(argv);
	free(strs);
	free(path);
}

bool flags_for_pch(struct flags *f, struct vec *args)
{
	size_t i;

	if (f->source != FLAGS_PREPARED)
		return false;
	if (f->cmd_args.nr) {
		const struct vec *first = f->cmd_args.items[0];

		for (i = 0; i < f->prefix; i++)
			push(args, first->items[i]);
		push_parse_options(args);
		return true;
	}
	kbuild_shared_flags(f, args);
	kbuild_forced_includes(f, args);
	push_parse_options(args);
	return true;
}

/*
 * The PCH holds the headers as the shared prefix of the command lines
 * saw them: a file defining more macros (-DMODULE, say) would read them
 * otherwise. kbuild's per-object names appear only in macro bodies.
 */
static bool pch_fits(const struct flags *f, const struct vec *cmd)
{
	size_t i;

	for (i = f->prefix; i < cmd->nr; i++) {
		const char *a = cmd->items[i];

		if ((starts_with(a, "-D") || starts_with(a, "-U")) &&
		    !starts_with(a + 2, "KBUILD_"))
			return false;
		if (!strcmp(a, "-include") || !strcmp(a, "-imacros"))
			return false;
	}
	return true;
}

void flags_for_file(struct flags *f, const char *rel, const char *pch,
		    struct vec *args)
{
	const struct vec *cmd = kbuild_args(f, rel);

	if (cmd) {
		kbuild_file_args(f, cmd, pch && pch_fits(f, cmd) ? pch : NULL,
				 args);
		push_parse_options(args);
		return;
	}
	/* A PCH made from kbuild's flags does not fit these. */
	if (f->cmd_args.nr)
		pch = NULL;
	switch (f->source) {
	case FLAGS_PLAIN:
		vec_push(args, xasprintf("-I%sinclude", f->tree->root));
		push(args, "-std=gnu11");
		break;
	case FLAGS_PREPARED:
	case FLAGS_UNPREPARED:
		kbuild_shared_flags(f, args);
		if (pch && f->source == FLAGS_PREPARED)
			push2(args, "-include-pch", pch);
		else
			kbuild_forced_includes(f, args);
		kbuild_file_flags(f, rel, args);
		break;
	case FLAGS_DATABASE:
		database_flags(f, rel, args);
		break;
	}
	push_parse_options(args);
}
