/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The scan's rules: one table names them for every output, and the
 * per-ops rules judge each ops site once its translation unit is
 * collected.
 */
#ifndef IOMMU_PGSIZE_RULES_H
#define IOMMU_PGSIZE_RULES_H

#include <stdio.h>
#include <clang-c/Index.h>

#include "ast/collect.h"
#include "model/model.h"

#define RULE_OPS_PGSIZE		"ops-pgsize"
#define RULE_DOMAIN_INIT	"domain-init"
#define RULE_PGSIZE_FORMAT	"pgsize-format"
#define RULE_ATTACH_INSTANCE	"attach-instance"
#define RULE_ATTACH_BINDING	"attach-binding"

struct rule {
	const char *id;
	const char *sarif_id;
	const char *summary;	/* short help, one line */
	const char *help;	/* long help: why, and what to do */
	const char *man;	/* roff for the man page's rule list */
	const char *level;	/* SARIF default level */
	/* Adds the rule's verdict to site->ops; NULL: not judged per ops. */
	void (*judge)(struct ops_site *site);
};

/* Every rule, in the order outputs list them. */
extern const struct rule rule_table[];
extern const size_t nr_rules;

const struct rule *rule_find(const char *id);

/* Judge one ops site with every per-ops rule. */
void rules_run(struct ops_site *site);

void rule_domain_init(struct ops_site *site);
void rule_pgsize_format(struct ops_site *site);
void rule_attach_instance(struct ops_site *site);
void rule_attach_binding(struct ops_site *site);

/*
 * "if (d->inst != inst) return -EINVAL;" and its variants: an if that
 * rejects a device behind another instance than the one remembered.
 */
bool rule_instance_guard(CXCursor ifstmt);
/* A branch that fails: returns or stores a negative constant. */
bool rule_branch_fails(CXCursor branch);

/* The man page's rule list (docs/iommu-pgsize.1.in). */
void rules_write_man(FILE *out);

/* For the rules: a verdict on site->ops, at the ops object. */
struct verdict *rule_add(struct ops_site *site, const char *rule,
			 enum outcome outcome, enum verdict_level level);
/* Point the verdict at @c instead. */
void rule_point_at(struct ops_site *site, struct verdict *v, CXCursor c);

/*
 * Append ",name" to a list of functions unless it is there already;
 * @name may itself be such a list.
 */
void names_join(struct strbuf *sb, const char *name);
/* "SZ_4K|SZ_2M" for a page-size set, with @sep between the names. */
char *size_names(unsigned long long sizes, const char *sep);

#endif
