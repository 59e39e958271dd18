/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Compile flags for parsing a tree's files with libclang: from a
 * compile_commands.json, from an out-of-tree "make prepare" kept in a
 * cache, or the best guess without generated headers.
 */
#ifndef IOMMU_PGSIZE_FLAGS_H
#define IOMMU_PGSIZE_FLAGS_H

#include <stdbool.h>
#include <clang-c/CXCompilationDatabase.h>

#include "scan/tree.h"
#include "lib/util.h"

enum flags_source {
	FLAGS_PLAIN,		/* not a kbuild tree: -I include */
	FLAGS_PREPARED,		/* kbuild flags over a prepared cache */
	FLAGS_UNPREPARED,	/* kbuild flags, no generated headers */
	FLAGS_DATABASE,		/* compile_commands.json */
};

struct flags_config {
	const char *compdb_dir;	/* -p DIR */
	const char *cache_dir;	/* --cache-dir DIR */
	bool no_prepare;
	int jobs;
	const char *objtree;	/* a prepared build directory to use as is */
	const char *kernel;	/* --kernel: the tree is an external module */
	bool print_args;	/* scan --print-args: show, do not parse */
	/* --no-cache: parse every file and dry-run kbuild again */
	bool no_cache;
	/*
	 * Parse with this tree's prepared caches, as they are (the original
	 * of a patched copy: its generated headers are the same).
	 */
	const struct tree *caches_of;
};

struct flags {
	enum flags_source source;
	const struct tree *tree;	/* the kernel: headers, cache, kbuild */
	const char *module;	/* an external module's root, files' base */
	const char *arch;	/* kernel SRCARCH: ARCH= and arch/NAME */
	char *objtree;		/* the prepared cache */
	bool fentry;		/* kbuild would pass -DCC_USING_FENTRY */
	bool fresh;		/* --no-cache: dry-run kbuild every time */
	CXCompilationDatabase db;
	CXCompileCommands all;	/* every database entry, for fallbacks */
	char *llvm;		/* LLVM= for kbuild: the libclang we use */
	struct vec cmd_rels;	/* files kbuild printed a command for */
	struct vec cmd_args;	/* their libclang arguments (struct vec *) */
	size_t prefix;		/* arguments all of those share */
};

const char *flags_source_name(enum flags_source source);

/* Where caches are kept (--cache-dir, XDG, ~/.cache); NULL after an error. */
char *flags_cache_root(const struct flags_config *cfg);

/*
 * Set up flags for @tree on the host's architecture; may prepare the
 * cache. Returns 0 or -1.
 */
int flags_init(struct flags *f, const struct tree *tree,
	       const struct flags_config *cfg);

/*
 * May each file get its own architecture's cache? Not with -p,
 * --no-prepare or --objtree, nor outside a kbuild tree; a module's are
 * those of the kernel it builds against.
 */
bool flags_per_arch(const struct tree *tree, const struct flags_config *cfg);

/*
 * Flags for kernel architecture @srcarch (its arch/ directory) from its
 * own cache, configured with allmodconfig but not prepared yet. Returns 0,
 * or -1 when allmodconfig failed (it said why).
 */
int flags_init_arch(struct flags *f, const struct tree *tree,
		    const struct flags_config *cfg, const char *srcarch);

/* The cache's .config text (malloc'ed), or NULL. */
char *flags_config_text(const struct flags *f);

/* Prepare the cache once ("make prepare"); 0, or -1 when that failed. */
int flags_prepare(struct flags *f, const struct flags_config *cfg);
void flags_release(struct flags *f);

/*
 * Take each of @files' command line from kbuild itself (a prepared cache
 * only); the files kbuild has no command for keep the fallback flags.
 */
void flags_load_commands(struct flags *f, const struct vec *files);

/*
 * The clang arguments for one file (relative to the tree root), using the
 * precompiled header @pch when not NULL and the flags allow one.
 */
void flags_for_file(struct flags *f, const char *rel, const char *pch,
		    struct vec *args);

/*
 * The arguments to build a precompiled header that every file's flags can
 * use; false when the files do not share a prefix (compile_commands.json,
 * no configuration, not a kbuild tree).
 */
bool flags_for_pch(struct flags *f, struct vec *args);

/*
 * Keep the arguments of a compiler command line that matter for parsing
 * (include paths, macros, language standard, target), made absolute
 * against @dir; gcc-only code generation flags are dropped.
 */
void filter_compiler_args(const char *const *argv, int argc, const char *dir,
			  struct vec *out);

/* The kernel's SRCARCH for a uname machine name, or NULL. */
const char *kernel_arch(const char *machine);

#endif
