/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The verifier's rules, judged per ops object while its translation unit
 * is parsed: domain-init, pgsize-format and attach-instance.
 */
#ifndef IOMMU_PGSIZE_VERIFY_H
#define IOMMU_PGSIZE_VERIFY_H

#include <clang-c/Index.h>

#include "model/model.h"

#define RULE_DOMAIN_INIT	"domain-init"
#define RULE_PGSIZE_FORMAT	"pgsize-format"
#define RULE_ATTACH_INSTANCE	"attach-instance"

struct alloc_def {
	char *member;
	CXCursor def;		/* the callback's definition */
};

struct verify_input {
	const char *root;
	struct ops_object *ops;
	struct vec allocs;	/* struct alloc_def, every allocator */
	CXCursor attach;	/* the paging attach_dev's definition */
	CXType ops_type;	/* the core's struct iommu_ops, as declared */
};

/* Helpers for the rules. */
struct verdict *verify_add(struct verify_input *in, const char *rule,
			   const char *verdict, enum verdict_level level);
void verify_point_at(struct verify_input *in, struct verdict *v, CXCursor c);
void rule_attach_instance(struct verify_input *in);
/* Append ",name" to a list of functions unless it is there already. */
void verify_join(struct strbuf *sb, const char *name);
/* "SZ_4K|SZ_2M" for a page-size set, with @sep between the names. */
char *size_names(unsigned long long sizes, const char *sep);

/* Add one struct verdict per rule to in->ops->verdicts. */
void verify_ops(struct verify_input *in);
void verify_input_release(struct verify_input *in);

#endif
