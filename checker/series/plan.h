/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The migration plan: for each ops object that still describes page sizes,
 * which semantic patches move them to the domain safely, or why none can.
 */
#ifndef IOMMU_PGSIZE_PLAN_H
#define IOMMU_PGSIZE_PLAN_H

#include "model/model.h"

enum migration {
	MIGRATE_NONE,
	MIGRATE_MOVE,		/* allocators set the ops constant */
	MIGRATE_DROP,		/* allocators set sizes already */
	MIGRATE_FINALISED,	/* sizes come from the instance at finalise */
};

struct plan_entry {
	const struct ops_object *ops;
	enum migration how;
	const char *rules[3];	/* cocci files to apply in order, NULL-ended */
	struct vec defines;	/* spatch -D values: "alloc=f", "sizes=..." */
	struct vec runtime_defines;	/* for the runtime rule: "make_const" */
	char *reason;		/* why not, when how is MIGRATE_NONE */
	char *allocators;	/* comma-separated allocators that change */
	char *sizes;		/* what they set: expression as written */
	unsigned long long value;
	bool narrowed;		/* the io-pgtable format's subset of the ops value */
	/* run-time uses the rules rewrite too */
	bool reads;		/* reads: become the domain's member */
	bool copies_back;	/* restricted sizes copied into the ops */
	bool merges;		/* other writes: removed */
	bool overwrites;	/* all plain stores: the last instance wins */
	const char *finaliser;	/* domain-init's deciding functions */
	/* FINALISED: an allocator also finds the instance, given the device */
	const struct instance_path *instance;
};

/* One entry per ops object that sets or uses the page-size member. */
void plan_migration(const struct inventory *inv, struct vec *plan);
void plan_entry_free(void *p);
/* Every ops-level description of page sizes is planned to go. */
bool plan_complete(const struct vec *plan);

#define RULE_FILE_CONSTANT "ops_pgsize_constant.cocci"
#define RULE_FILE_DROP "ops_pgsize_drop.cocci"
#define RULE_FILE_RUNTIME "ops_pgsize_runtime.cocci"
#define RULE_FILE_CORE "ops_pgsize_core.cocci"
#define RULE_FILE_INSTANCE "ops_pgsize_instance.cocci"

#endif
