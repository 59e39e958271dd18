// SPDX-License-Identifier: GPL-2.0
/* The rule table: every output and the man page list the rules from it. */
#include <string.h>

#include "rules/rules.h"

const struct rule rule_table[] = {
	{
		.id = RULE_OPS_PGSIZE,
		.sarif_id = "OpsPageSizes",
		.summary = "struct iommu_ops.pgsize_bitmap is used",
		.help = "Page sizes belong to each domain (iommu_domain.pgsize_bitmap), set by the driver's domain allocator or at finalise; the ops-level member is being removed. Set domain->pgsize_bitmap where the domain is built and drop the ops initializer or write.",
		.man = "a use of\n.BR iommu_ops.pgsize_bitmap :\ninitializer, write, compound assignment, comparison or read.",
		.level = "warning",
	},
	{
		.id = RULE_DOMAIN_INIT,
		.sarif_id = "DomainWithoutPageSizes",
		.summary = "a paging domain allocator returns a domain without page sizes",
		.help = "The allocator relies on the core copying ops->pgsize_bitmap into the new domain, a fallback the migration removes. Set domain->pgsize_bitmap in the allocator (or when the domain is finalised at first attach).",
		.man = "a paging domain allocator returns a domain without page sizes: it relies\non the core copying the ops value, a fallback the migration removes\n.RB ( fallback ),\nor, once struct iommu_ops has no pgsize_bitmap, the domain cannot map\n.RB ( unsized ).",
		.level = "warning",
		.judge = rule_domain_init,
	},
	{
		.id = RULE_PGSIZE_FORMAT,
		.sarif_id = "PageSizesBeyondFormat",
		.summary = "domains claim page sizes their io-pgtable format cannot map",
		.help = "The page-size bitmap given to the domain or io_pgtable_cfg contains sizes the chosen io-pgtable format cannot map with its granule. Restrict the bitmap to the sizes of the format.",
		.man = "domains claim page sizes their io-pgtable format cannot map.",
		.level = "warning",
		.judge = rule_pgsize_format,
	},
	{
		.id = RULE_ATTACH_INSTANCE,
		.sarif_id = "UncheckedInstanceAttach",
		.summary = "a domain sized for one IOMMU instance can be attached through another",
		.help = "The domain's page sizes or page-table format come from the instance it was allocated or finalised for, but attach_dev never checks that the device is behind that instance. Reject another instance (-EINVAL) or check that it supports the domain's sizes.",
		.man = "a domain sized for one IOMMU instance can be attached through another\n(a note, not a warning, when the sizes are one constant everywhere).",
		.level = "warning",
		.judge = rule_attach_instance,
	},
	{
		.id = RULE_ATTACH_BINDING,
		.sarif_id = "DomainBoundToFirstInstance",
		.summary = "a domain bound to the first IOMMU instance that attached it serves devices behind another",
		.help = "The domain records, the first time it is attached (or when it is allocated), state of one instance: a pointer to it, an id from its pool, memory mapped with its device or its register base. A later attach through another instance neither fails nor sets up state of its own, and the first instance's record is used to program the hardware for it. Reject another instance (-EINVAL) or keep the state per instance.",
		.man = "a domain records state of the first IOMMU instance that attached it (the\ninstance, an id from its pool, memory mapped with its device) and a later\nattach through another instance uses that record instead of failing.",
		.level = "warning",
		.judge = rule_attach_binding,
	},
};

const size_t nr_rules = ARRAY_SIZE(rule_table);

const struct rule *rule_find(const char *id)
{
	size_t i;

	for (i = 0; i < nr_rules; i++)
		if (!strcmp(rule_table[i].id, id))
			return &rule_table[i];
	return NULL;
}

void rules_run(struct ops_site *site)
{
	const struct verdict *first;
	size_t i;

	for (i = 0; i < nr_rules; i++) {
		if (!rule_table[i].judge)
			continue;
		rule_table[i].judge(site);
		first = site->ops->verdicts.items[0];
		/* domain-init is first: no paging domain, nothing to judge. */
		if (first->verdict == OUTCOME_NA)
			break;
	}
}

void rules_write_man(FILE *out)
{
	size_t i;

	for (i = 0; i < nr_rules; i++)
		fprintf(out, ".TP\n.B %s\n%s\n", rule_table[i].id,
			rule_table[i].man);
}
