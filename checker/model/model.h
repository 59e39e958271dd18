/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The inventory: what the scan knows about a tree's struct iommu_ops
 * objects, the uses of their page-size member and the page sizes given to
 * domains. Built per translation unit, then merged.
 */
#ifndef IOMMU_PGSIZE_MODEL_H
#define IOMMU_PGSIZE_MODEL_H

#include <stdbool.h>

#include "lib/util.h"

struct src_loc {
	char *file;		/* relative to the tree root */
	unsigned int line;
	unsigned int col;
};

enum use_kind {
	USE_INIT,	/* designated initializer of an ops object */
	USE_WRITE,	/* plain assignment */
	USE_COMPOUND,	/* |=, &=, ... */
	USE_COMPARE,	/* operand of a relational operator */
	USE_READ,	/* any other use */
};

const char *use_kind_name(enum use_kind kind);

/* A use of struct iommu_ops' pgsize_bitmap member. */
struct ops_use {
	struct src_loc loc;
	enum use_kind kind;
	char *function;		/* enclosing function, NULL at file scope */
	char *ops_name;		/* named ops object, NULL through a pointer */
	char *ops_file;		/* where that object is defined, if known */
	char *member_file;	/* where struct iommu_ops declares the member */
	char *expr;		/* init: the value; else the enclosing expression */
	bool copies_cfg;	/* write: of an io_pgtable_cfg's restricted sizes */
	bool is_constant;	/* init: the value is a constant ... */
	unsigned long long value;	/* ... equal to this */
	bool member_absent;	/* the kernel has no such member: an error */
};

/* A callback stored in an ops object, or reached through it. */
struct callback {
	char *via;		/* the member that holds or leads to it */
	char *function;
	struct src_loc loc;	/* where the member is initialised */
	bool paging;		/* allocator: of paging domains (not SVA) */
	bool sets_sizes;	/* allocator: gives some domain page sizes */
};

enum verdict_level {
	VERDICT_OK,
	VERDICT_INFO,		/* worth knowing, not a violation */
	VERDICT_FINDING,	/* a violation of the rule */
	VERDICT_UNKNOWN,	/* the analysis could not decide */
};

/* What a rule decided; words only in output (outcome_name()). */
enum outcome {
	OUTCOME_NA,
	/* domain-init */
	OUTCOME_SETS,
	OUTCOME_FINALISED,
	OUTCOME_FALLBACK,
	OUTCOME_UNSIZED,	/* no ops member: nothing falls back */
	/* pgsize-format */
	OUTCOME_FITS,
	OUTCOME_EXCEEDS,
	OUTCOME_UNKNOWN,
	/* attach-instance */
	OUTCOME_BOUND,
	OUTCOME_SHARED,
	OUTCOME_UNGUARDED_INSTANCE,
	OUTCOME_UNGUARDED_CONSTANT,
	/* attach-binding (and OUTCOME_BOUND, its finding) */
	OUTCOME_CHECKED,
	OUTCOME_PER_INSTANCE,
	OUTCOME_REBINDS,
	NR_OUTCOMES,
};

const char *outcome_name(enum outcome outcome);
/* The outcome a word names (JSON read back); false if none does. */
bool outcome_parse(const char *word, enum outcome *outcome);

/* One rule's judgement of one ops object. */
struct verdict {
	const char *rule;
	enum outcome verdict;
	enum verdict_level level;
	char *where;		/* the deciding functions, comma-separated */
	char *field;		/* attach-binding: STRUCT.MEMBER of the state */
	char *detail;		/* why, in a sentence */
	char *subject;		/* normalised expression for fingerprints */
	struct src_loc loc;	/* where a finding points */
	/*
	 * domain-init: the stores assumed of functions defined in other
	 * translation units ("function:N"); if summaries confirm them all,
	 * the verdict is "sets" with @needs_where.
	 */
	struct vec needs;
	char *needs_where;
};

const char *verdict_level_name(enum verdict_level level);
void verdict_free(void *p);
void callback_free(void *p);

/*
 * How a paging allocator finds the instance its domains are finalised
 * from, as C in terms of its device parameter: "anchor_type anchor =
 * dev ? anchor_init : NULL;", then the domain's sizes are @sizes.
 */
struct instance_path {
	char *allocator;
	bool wrap;		/* legacy domain_alloc(type): no device given */
	char *anchor_type;
	char *anchor;
	char *anchor_init;
	char *sizes;
	char *reason;		/* why there is none */
};

void instance_path_free(struct instance_path *ip);

struct ops_object {
	char *name;
	struct src_loc loc;
	bool is_const;
	bool is_static;
	char *macro;		/* generating macro, if any */
	bool ops_member;	/* struct iommu_ops declares pgsize_bitmap */
	bool has_pgsize;	/* the page-size member is initialised: */
	struct src_loc pgsize_loc;
	char *pgsize_expr;
	bool pgsize_is_constant;
	unsigned long long pgsize_value;
	struct vec alloc;	/* struct callback: domain allocators */
	struct vec attach;	/* struct callback: attach_dev reached */
	struct vec verdicts;	/* struct verdict, one per rule */
	/* The sizes the domains end up with once io-pgtable restricted them */
	char *pgtable_format;
	bool format_keeps_known;
	unsigned long long format_keeps;
	/* For a paging allocator that leaves sizes to attach, if any */
	struct instance_path *instance;
};

enum provenance {
	PROV_CONSTANT,
	PROV_FIELD,		/* a member of another struct */
	PROV_OPS,		/* the ops member itself */
	PROV_CALL,
	PROV_VARIABLE,
	PROV_EXPRESSION,
};

const char *provenance_name(enum provenance prov);

/* A store into struct iommu_domain's pgsize_bitmap. */
struct domain_pgsize {
	struct src_loc loc;
	char *function;
	char *op;		/* "=", "|=", ... */
	char *expr;		/* the value, as written */
	enum provenance prov;
	unsigned long long value;	/* PROV_CONSTANT */
	char *source;		/* record.field, callee or variable */
};

/* A function storing the sizes of a domain given through a parameter. */
struct store_summary {
	char *function;
	char *file;		/* where it is defined */
	unsigned int param;	/* the domain is reached through it */
};

void store_summary_free(void *p);

struct parse_result {
	char *file;
	unsigned int errors;
	char *first_error;
	char *diagnostics;	/* the first few errors, for --verbose */
	char *arch;		/* the architecture whose flags parsed it */
	bool failed;		/* no AST at all */
	unsigned int disabled_regions;	/* compiled out, but relevant */
	unsigned int stuck_regions;	/* of those, none could be enabled */
	char *forced_symbols;	/* the CONFIG_ symbols forced to parse them */
};

struct inventory {
	struct vec ops;		/* struct ops_object */
	struct vec uses;	/* struct ops_use */
	struct vec domain_sets;	/* struct domain_pgsize */
	struct vec parsed;	/* struct parse_result */
	struct vec summaries;	/* struct store_summary */
	unsigned int files_scanned;
	unsigned int files_skipped;
};

void src_loc_set(struct src_loc *loc, const char *file, unsigned int line,
		 unsigned int col);
int src_loc_cmp(const struct src_loc *a, const struct src_loc *b);

void ops_use_free(void *p);
void ops_object_free(void *p);
void domain_pgsize_free(void *p);
void parse_result_free(void *p);

/* Move everything from @from into @into, leaving @from empty. */
void inventory_merge(struct inventory *into, struct inventory *from);
/* Sort by location and drop what several translation units saw. */
void inventory_finish(struct inventory *inv);
void inventory_release(struct inventory *inv);

unsigned int inventory_files_with_errors(const struct inventory *inv);

#endif
