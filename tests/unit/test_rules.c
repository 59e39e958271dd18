// SPDX-License-Identifier: GPL-2.0
/*
 * One rule at a time, on a translation unit parsed from a string: collect
 * the ops sites, then call the rule alone, without parse_all().
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "ast/collect.h"
#include "rules/rules.h"

#define ROOT "/nonexistent/tree/"
#define SOURCE ROOT "drivers/drv.c"

static const char common[] =
	"#define NULL ((void *)0)\n"
	"#define SZ_4K 0x1000UL\n#define SZ_64K 0x10000UL\n"
	"struct device { void *priv; };\n"
	"struct iommu_domain;\n"
	"struct iommu_domain_ops { int (*attach_dev)(struct iommu_domain *d, struct device *dev);\n"
	"	int (*map_pages)(struct iommu_domain *d, unsigned long iova); };\n"
	"struct iommu_domain { unsigned int type; const struct iommu_domain_ops *ops;\n"
	"	unsigned long pgsize_bitmap; };\n"
	"struct iommu_ops {\n"
	"	struct iommu_domain *(*domain_alloc_paging)(struct device *dev);\n"
	"	const struct iommu_domain_ops *default_domain_ops;\n"
	"	unsigned long pgsize_bitmap;\n"
	"};\n"
	"enum io_pgtable_fmt { ARM_64_LPAE_S1, ARM_V7S };\n"
	"struct io_pgtable_cfg { unsigned long pgsize_bitmap; };\n"
	"void *alloc_io_pgtable_ops(enum io_pgtable_fmt f, struct io_pgtable_cfg *c, void *cookie);\n"
	"void *kzalloc(unsigned long size);\n"
	"struct dom { struct iommu_domain domain; struct io_pgtable_cfg cfg; };\n";

/* The line of the driver's line @n, after the common text. */
static unsigned int driver_line(unsigned int n)
{
	const char *p;
	unsigned int lines = 0;

	for (p = common; *p; p++)
		lines += *p == '\n';
	return lines + n;
}

/* Returns a domain before it sets its sizes (driver line 7). */
static const char early_return[] =
	"static struct iommu_domain *x_alloc(struct device *dev)\n"
	"{\n"
	"	struct dom *d = kzalloc(sizeof(*d));\n"
	"	if (!d)\n"
	"		return NULL;\n"
	"	if (dev)\n"
	"		return &d->domain;\n"
	"	d->domain.pgsize_bitmap = SZ_4K;\n"
	"	return &d->domain;\n"
	"}\n"
	"static const struct iommu_ops x_ops = { .domain_alloc_paging = x_alloc,\n"
	"	.pgsize_bitmap = SZ_4K | SZ_64K };\n";

/* The same allocator once struct iommu_ops has no pgsize_bitmap. */
static const char early_return_removed[] =
	"static struct iommu_domain *x_alloc(struct device *dev)\n"
	"{\n"
	"	struct dom *d = kzalloc(sizeof(*d));\n"
	"	if (!d)\n"
	"		return NULL;\n"
	"	if (dev)\n"
	"		return &d->domain;\n"
	"	d->domain.pgsize_bitmap = SZ_4K;\n"
	"	return &d->domain;\n"
	"}\n"
	"static const struct iommu_ops x_ops = { .domain_alloc_paging = x_alloc };\n";

/* An identity domain: its domain ops cannot map, it needs no sizes. */
static const char identity[] =
	"static int z_attach(struct iommu_domain *d, struct device *dev) { return 0; }\n"
	"static int z_map(struct iommu_domain *d, unsigned long iova) { return 0; }\n"
	"static const struct iommu_domain_ops z_identity_ops = { .attach_dev = z_attach };\n"
	"static const struct iommu_domain_ops z_paging_ops = { .attach_dev = z_attach,\n"
	"	.map_pages = z_map };\n"
	"static struct iommu_domain *z_alloc(struct device *dev)\n"
	"{\n"
	"	struct dom *d = kzalloc(sizeof(*d));\n"
	"	if (!d)\n"
	"		return NULL;\n"
	"	d->domain.ops = OPS;\n"
	"	return &d->domain;\n"
	"}\n"
	"static const struct iommu_ops z_ops = { .domain_alloc_paging = z_alloc };\n";

/* ARM_V7S maps 4K, 64K, 1M and 16M; 2M is not among them. */
static const char beyond_format[] =
	"static struct iommu_domain *y_alloc(struct device *dev)\n"
	"{\n"
	"	struct dom *d = kzalloc(sizeof(*d));\n"
	"	if (!d)\n"
	"		return NULL;\n"
	"	d->cfg.pgsize_bitmap = SZ_4K | 0x200000UL;\n"
	"	alloc_io_pgtable_ops(ARM_V7S, &d->cfg, d);\n"
	"	d->domain.pgsize_bitmap = SZ_4K | 0x200000UL;\n"
	"	return &d->domain;\n"
	"}\n"
	"static const struct iommu_ops y_ops = { .domain_alloc_paging = y_alloc };\n";

/* An instance, and the domain of attach-binding's cases. */
static const char binding_types[] =
	"struct iommu_device { int id; }; struct bdom; struct list_head { struct list_head *next; };\n"
	"struct inst { void *base; struct iommu_device iommu; struct bdom *dom; struct list_head node; };\n"
	"struct xarray { void *head; }; struct slot { struct inst *inst; }; struct info { struct inst *inst; struct list_head node; }; struct bdom { struct iommu_domain domain; struct inst *inst; int users; void *pgt; struct slot *slots; struct device *dev; struct list_head list; struct xarray arr; struct slot ring[2]; };\n"
	"void writel(unsigned int v, void *addr); void list_add(struct list_head *n, struct list_head *h); int list_is_head(struct list_head *n, struct list_head *h); void *xa_cmpxchg(struct xarray *xa, unsigned long i, void *old, void *entry); void *alloc_table(struct bdom *d); void *alloc_on(struct inst *inst);\n"
	"void *dev_iommu_priv_get(struct device *dev);\n"
	"static struct iommu_domain *b_alloc(struct device *dev)\n"
	"{\n"
	"	struct bdom *d = kzalloc(sizeof(*d));\n"
	"	d->domain.pgsize_bitmap = SZ_4K;\n"
	"	return &d->domain;\n"
	"}\n";

/* Bound at first attach (driver line 16), used for the next (line 18). */
static const char bound_first[] =
	"static int b_attach(struct iommu_domain *dom, struct device *dev)\n"
	"{\n"
	"	struct bdom *d = (struct bdom *)dom;\n"
	"	struct inst *inst = dev_iommu_priv_get(dev);\n"
	"	if (!d->inst)\n"
	"		d->inst = inst;\n"
	"	writel(1, d->inst->base);\n"
	"	return 0;\n"
	"}\n"
	"static const struct iommu_domain_ops b_dops = { .attach_dev = b_attach };\n"
	"static const struct iommu_ops b_ops = { .domain_alloc_paging = b_alloc,\n"
	"	.default_domain_ops = &b_dops };\n";

/* The same, with a guard (driver line 17). */
static const char bound_checked[] =
	"static int b_attach(struct iommu_domain *dom, struct device *dev)\n"
	"{\n"
	"	struct bdom *d = (struct bdom *)dom;\n"
	"	struct inst *inst = dev_iommu_priv_get(dev);\n"
	"	if (!d->inst)\n"
	"		d->inst = inst;\n"
	"	else if (d->inst != inst)\n"
	"		return -22;\n"
	"	writel(1, d->inst->base);\n"
	"	return 0;\n"
	"}\n"
	"static const struct iommu_domain_ops b_dops = { .attach_dev = b_attach };\n"
	"static const struct iommu_ops b_ops = { .domain_alloc_paging = b_alloc,\n"
	"	.default_domain_ops = &b_dops };\n";

/* Every attach rebinds, and the record is read elsewhere (line 20). */
static const char rebinds_read[] =
	"static int b_attach(struct iommu_domain *dom, struct device *dev)\n"
	"{\n"
	"	struct bdom *d = (struct bdom *)dom;\n"
	"	d->inst = dev_iommu_priv_get(dev);\n"
	"	return 0;\n"
	"}\n"
	"static void b_flush(struct bdom *d)\n"
	"{\n"
	"	writel(1, d->inst->base);\n"
	"}\n"
	"static const struct iommu_domain_ops b_dops = { .attach_dev = b_attach };\n"
	"static const struct iommu_ops b_ops = { .domain_alloc_paging = b_alloc,\n"
	"	.default_domain_ops = &b_dops };\n";

/* Every attach rebinds; nothing else reads the record. */
static const char rebinds_unread[] =
	"static int b_attach(struct iommu_domain *dom, struct device *dev)\n"
	"{\n"
	"	struct bdom *d = (struct bdom *)dom;\n"
	"	struct inst *inst = dev_iommu_priv_get(dev);\n"
	"	d->inst = inst;\n"
	"	writel(1, inst->base);\n"
	"	return 0;\n"
	"}\n"
	"static const struct iommu_domain_ops b_dops = { .attach_dev = b_attach };\n"
	"static const struct iommu_ops b_ops = { .domain_alloc_paging = b_alloc,\n"
	"	.default_domain_ops = &b_dops };\n";

/* No instance state: the instance is programmed, the domain keeps nothing. */
static const char no_state[] =
	"static int b_attach(struct iommu_domain *dom, struct device *dev)\n"
	"{\n"
	"	struct inst *inst = dev_iommu_priv_get(dev);\n"
	"	writel(1, inst->base);\n"
	"	return 0;\n"
	"}\n"
	"static const struct iommu_domain_ops b_dops = { .attach_dev = b_attach };\n"
	"static const struct iommu_ops b_ops = { .domain_alloc_paging = b_alloc,\n"
	"	.default_domain_ops = &b_dops };\n";

/* A number a getter copies from the instance, first time only: no state. */
static const char getter_copy[] =
	"static int inst_id(struct inst *inst)\n"
	"{\n"
	"	return inst->iommu.id;\n"
	"}\n"
	"static int b_attach(struct iommu_domain *dom, struct device *dev)\n"
	"{\n"
	"	struct bdom *d = (struct bdom *)dom;\n"
	"	struct inst *inst = dev_iommu_priv_get(dev);\n"
	"	if (!d->users)\n"
	"		d->users = inst_id(inst);\n"
	"	return 0;\n"
	"}\n"
	"static const struct iommu_domain_ops b_dops = { .attach_dev = b_attach };\n"
	"static const struct iommu_ops b_ops = { .domain_alloc_paging = b_alloc,\n"
	"	.default_domain_ops = &b_dops };\n";

/* Bound after "if (d->users > 0) ... return": a counter, not a pointer. */
static const char bound_counter[] =
	"static int b_attach(struct iommu_domain *dom, struct device *dev)\n"
	"{\n"
	"	struct bdom *d = (struct bdom *)dom;\n"
	"	struct inst *inst = dev_iommu_priv_get(dev);\n"
	"	if (d->users > 0) {\n"
	"		d->users++;\n"
	"		return 0;\n"
	"	}\n"
	"	d->pgt = alloc_on(inst);\n"
	"	d->inst = inst;\n"
	"	d->users++;\n"
	"	return 0;\n"
	"}\n"
	"static void b_flush(struct bdom *d)\n"
	"{\n"
	"	writel(1, d->inst->base);\n"
	"}\n"
	"static const struct iommu_domain_ops b_dops = { .attach_dev = b_attach };\n"
	"static const struct iommu_ops b_ops = { .domain_alloc_paging = b_alloc,\n"
	"	.default_domain_ops = &b_dops };\n";

/* Bound the first time the instance has no domain (line 9), used at 11. */
static const char bound_slot[] =
	"static int b_attach(struct iommu_domain *dom, struct device *dev)\n"
	"{\n"
	"	struct bdom *d = (struct bdom *)dom;\n"
	"	struct inst *inst = dev_iommu_priv_get(dev);\n"
	"	if (!inst->dom) {\n"
	"		inst->dom = d;\n"
	"		d->pgt = alloc_on(inst);\n"
	"		writel(1, inst->base);\n"
	"		d->inst = inst;\n"
	"	}\n"
	"	writel(2, d->inst->base);\n"
	"	return 0;\n"
	"}\n"
	"static const struct iommu_domain_ops b_dops = { .attach_dev = b_attach };\n"
	"static const struct iommu_ops b_ops = { .domain_alloc_paging = b_alloc,\n"
	"	.default_domain_ops = &b_dops };\n";

/* An entry pointing to the instance stored in the domain's xarray (line 8). */
static const char per_instance_xarray[] =
	"static int b_attach(struct iommu_domain *dom, struct device *dev)\n"
	"{\n"
	"	struct bdom *d = (struct bdom *)dom;\n"
	"	struct info *e = kzalloc(sizeof(*e));\n"
	"	if (xa_cmpxchg(&d->arr, 0, NULL, NULL))\n"
	"		return 0;\n"
	"	e->inst = dev_iommu_priv_get(dev);\n"
	"	xa_cmpxchg(&d->arr, 0, NULL, e);\n"
	"	return 0;\n"
	"}\n"
	"static const struct iommu_domain_ops b_dops = { .attach_dev = b_attach };\n"
	"static const struct iommu_ops b_ops = { .domain_alloc_paging = b_alloc,\n"
	"	.default_domain_ops = &b_dops };\n";

/* A list test names the domain's list and an entry but links nothing. */
static const char list_test_only[] =
	"static int b_attach(struct iommu_domain *dom, struct device *dev)\n"
	"{\n"
	"	struct bdom *d = (struct bdom *)dom;\n"
	"	struct inst *inst = dev_iommu_priv_get(dev);\n"
	"	if (list_is_head(&inst->node, &d->list))\n"
	"		return 0;\n"
	"	if (!d->inst)\n"
	"		d->inst = inst;\n"
	"	writel(1, d->inst->base);\n"
	"	return 0;\n"
	"}\n"
	"static const struct iommu_domain_ops b_dops = { .attach_dev = b_attach };\n"
	"static const struct iommu_ops b_ops = { .domain_alloc_paging = b_alloc,\n"
	"	.default_domain_ops = &b_dops };\n";

/* Instances listed, but each attach replaces the table (line 4) they use. */
static const char replaces_table[] =
	"static int b_attach(struct iommu_domain *dom, struct device *dev)\n"
	"{\n"
	"	struct bdom *d = (struct bdom *)dom;\n"
	"	struct inst *inst = dev_iommu_priv_get(dev);\n"
	"	d->pgt = alloc_table(d);\n"
	"	writel(1, inst->base);\n"
	"	list_add(&inst->node, &d->list);\n"
	"	return 0;\n"
	"}\n"
	"static void b_flush(struct bdom *d)\n"
	"{\n"
	"	writel(1, d->pgt);\n"
	"}\n"
	"static const struct iommu_domain_ops b_dops = { .attach_dev = b_attach };\n"
	"static const struct iommu_ops b_ops = { .domain_alloc_paging = b_alloc,\n"
	"	.default_domain_ops = &b_dops };\n";

/* One client at a time (line 5); an array of instance slots made anew. */
static const char exclusive_slots[] =
	"static int b_attach(struct iommu_domain *dom, struct device *dev)\n"
	"{\n"
	"	struct bdom *d = (struct bdom *)dom;\n"
	"	struct inst *inst = dev_iommu_priv_get(dev);\n"
	"	if (d->dev)\n"
	"		return -22;\n"
	"	d->slots = kzalloc(sizeof(*d->slots));\n"
	"	d->slots->inst = inst;\n"
	"	d->dev = dev;\n"
	"	return 0;\n"
	"}\n"
	"static void b_flush(struct bdom *d)\n"
	"{\n"
	"	writel(1, d->slots->inst->base);\n"
	"}\n"
	"static const struct iommu_domain_ops b_dops = { .attach_dev = b_attach };\n"
	"static const struct iommu_ops b_ops = { .domain_alloc_paging = b_alloc,\n"
	"	.default_domain_ops = &b_dops };\n";

/* Instance slots in an array of the domain (line 6), compared at line 9. */
static const char array_slots[] =
	"static int b_attach(struct iommu_domain *dom, struct device *dev)\n"
	"{\n"
	"	struct bdom *d = (struct bdom *)dom;\n"
	"	struct inst *inst = dev_iommu_priv_get(dev);\n"
	"	if (!d->pgt) {\n"
	"		d->ring[0].inst = inst;\n"
	"		d->pgt = alloc_on(inst);\n"
	"	}\n"
	"	if (d->ring[0].inst != inst)\n"
	"		return -22;\n"
	"	return 0;\n"
	"}\n"
	"static const struct iommu_domain_ops b_dops = { .attach_dev = b_attach };\n"
	"static const struct iommu_ops b_ops = { .domain_alloc_paging = b_alloc,\n"
	"	.default_domain_ops = &b_dops };\n";

/* The instance passed as a cookie is no entry; a store (line 8) no use. */
static const char cookie_and_store[] =
	"static int b_attach(struct iommu_domain *dom, struct device *dev)\n"
	"{\n"
	"	struct bdom *d = (struct bdom *)dom;\n"
	"	struct inst *inst = dev_iommu_priv_get(dev);\n"
	"	if (!d->inst)\n"
	"		d->inst = inst;\n"
	"	if (!xa_cmpxchg(&d->arr, 0, NULL, inst))\n"
	"		d->inst = NULL;\n"
	"	writel(1, d->inst->base);\n"
	"	return 0;\n"
	"}\n"
	"static const struct iommu_domain_ops b_dops = { .attach_dev = b_attach };\n"
	"static const struct iommu_ops b_ops = { .domain_alloc_paging = b_alloc,\n"
	"	.default_domain_ops = &b_dops };\n";

struct judged {
	CXIndex index;
	CXTranslationUnit tu;
	struct inventory inv;
	struct vec sites;	/* struct ops_site */
};

/* The member line of struct iommu_ops, which the migration removes. */
static const char ops_member[] = "	unsigned long pgsize_bitmap;\n};\nenum";

static struct ops_site *collect_in(struct judged *j, bool removed,
				   const char *driver)
{
	char *text = xasprintf("%s%s", common, driver);
	char *member = strstr(text, ops_member);

	/* Same line count: the member becomes an empty line. */
	if (removed)
		memset(member, ' ', strlen("	unsigned long pgsize_bitmap;"));
	struct CXUnsavedFile file = {
		.Filename = SOURCE, .Contents = text, .Length = strlen(text),
	};
	const char *const args[] = { "-xc", "-w" };

	memset(j, 0, sizeof(*j));
	j->index = clang_createIndex(0, 0);
	j->tu = clang_parseTranslationUnit(j->index, SOURCE, args,
					   ARRAY_SIZE(args), &file, 1, 0);
	free(text);
	assert_non_null(j->tu);
	collect_translation_unit(j->tu, ROOT, NULL, &j->inv, &j->sites);
	assert_int_equal(j->sites.nr, 1);
	return j->sites.items[0];
}

static struct ops_site *collect(struct judged *j, const char *driver)
{
	return collect_in(j, false, driver);
}

static void release(struct judged *j)
{
	vec_free(&j->sites, ops_site_free);
	clang_disposeTranslationUnit(j->tu);
	clang_disposeIndex(j->index);
	inventory_release(&j->inv);
}

static const struct verdict *only_verdict(const struct ops_site *site)
{
	assert_int_equal(site->ops->verdicts.nr, 1);
	return site->ops->verdicts.items[0];
}

static void test_domain_init_fallback(void **state)
{
	struct judged j;
	struct ops_site *site = collect(&j, early_return);
	const struct verdict *v;

	/* Collection alone judges nothing. */
	assert_int_equal(site->ops->verdicts.nr, 0);
	rule_domain_init(site);
	v = only_verdict(site);
	assert_string_equal(v->rule, RULE_DOMAIN_INIT);
	assert_int_equal(v->verdict, OUTCOME_FALLBACK);
	assert_string_equal(outcome_name(v->verdict), "fallback");
	assert_int_equal(v->level, VERDICT_FINDING);
	/* At the return that forgets the sizes. */
	assert_string_equal(v->loc.file, "drivers/drv.c");
	assert_int_equal(v->loc.line, driver_line(7));
	assert_string_equal(v->where, "x_alloc");
	release(&j);
}

static void test_domain_init_unsized(void **state)
{
	struct judged j;
	struct ops_site *site = collect_in(&j, true, early_return_removed);
	const struct verdict *v;

	assert_false(site->ops->ops_member);
	rule_domain_init(site);
	v = only_verdict(site);
	assert_int_equal(v->verdict, OUTCOME_UNSIZED);
	assert_string_equal(outcome_name(v->verdict), "unsized");
	assert_int_equal(v->level, VERDICT_FINDING);
	assert_int_equal(v->loc.line, driver_line(7));
	assert_non_null(strstr(v->detail, "iommu_map() on it fails"));
	assert_null(strstr(v->detail, "relies on the core"));
	release(&j);

	/* With the member, the same code relies on the fallback. */
	site = collect(&j, early_return);
	assert_true(site->ops->ops_member);
	rule_domain_init(site);
	assert_int_equal(only_verdict(site)->verdict, OUTCOME_FALLBACK);
	release(&j);
}

/* Judge the identity driver with its domains given @ops. */
static enum outcome identity_verdict(const char *ops)
{
	char *text = xstrdup(identity);
	char *at = strstr(text, "OPS;");
	char *driver;
	struct judged j;
	struct ops_site *site;
	enum outcome o;

	*at = '\0';
	driver = xasprintf("%s%s%s", text, ops, at + 3);
	site = collect_in(&j, true, driver);
	rule_domain_init(site);
	o = only_verdict(site)->verdict;
	release(&j);
	free(driver);
	free(text);
	return o;
}

static void test_domain_init_paging_only(void **state)
{
	/* Domain ops without map_pages: an identity domain, not judged. */
	assert_int_equal(identity_verdict("&z_identity_ops"), OUTCOME_NA);
	/* With map_pages it is a paging domain without sizes. */
	assert_int_equal(identity_verdict("&z_paging_ops"), OUTCOME_UNSIZED);
}

/* Two helpers that size their domains, and an allocator around BODY. */
static const char switch_driver[] =
	"static struct iommu_domain *a_alloc(void)\n"
	"{ struct dom *d = kzalloc(sizeof(*d)); if (!d) return NULL;\n"
	"  d->domain.pgsize_bitmap = SZ_4K; return &d->domain; }\n"
	"static struct iommu_domain *b_alloc(void)\n"
	"{ struct dom *d = kzalloc(sizeof(*d)); if (!d) return NULL;\n"
	"  d->domain.pgsize_bitmap = SZ_64K; return &d->domain; }\n"
	"static int mode, quirk;\n"
	"static struct iommu_domain *x_alloc(struct device *dev)\n"
	"{\n"
	"	struct dom *d = kzalloc(sizeof(*d));\n"
	"	if (!d)\n"
	"		return NULL;\n"
	"BODY\n"
	"	return &d->domain;\n"
	"}\n"
	"static const struct iommu_ops x_ops = { .domain_alloc_paging = x_alloc };\n";

/* Judge switch_driver with @body; *where gets the verdict's functions. */
static enum outcome switch_verdict(const char *body, char **where)
{
	char *text = xstrdup(switch_driver);
	char *at = strstr(text, "BODY");
	char *driver;
	struct judged j;
	struct ops_site *site;
	enum outcome o;

	*at = '\0';
	driver = xasprintf("%s%s%s", text, body, at + strlen("BODY\n"));
	site = collect_in(&j, true, driver);
	rule_domain_init(site);
	o = only_verdict(site)->verdict;
	*where = xstrdup(only_verdict(site)->where);
	release(&j);
	free(driver);
	free(text);
	return o;
}

static void test_domain_init_switch(void **state)
{
	char *where;

	/* A case label after a return is reached from the switch. */
	assert_int_equal(switch_verdict("	switch (mode) {\n"
					"	case 0:\n"
					"		if (quirk)\n"
					"			break;\n"
					"		return a_alloc();\n"
					"	case 1:\n"
					"		return b_alloc();\n"
					"	}\n"
					"	return NULL;\n", &where),
			 OUTCOME_SETS);
	/* Every function that gives sizes is named. */
	assert_string_equal(where, "x_alloc,a_alloc,b_alloc");
	free(where);
	/* Every label stores, and default leaves no value unmatched. */
	assert_int_equal(switch_verdict("	switch (mode) {\n"
					"	case 0:\n"
					"		d->domain.pgsize_bitmap = SZ_4K;\n"
					"		break;\n"
					"	default:\n"
					"		d->domain.pgsize_bitmap = SZ_64K;\n"
					"	}\n", &where),
			 OUTCOME_SETS);
	free(where);
	/* Without default, no label may match. */
	assert_int_equal(switch_verdict("	switch (mode) {\n"
					"	case 0:\n"
					"		d->domain.pgsize_bitmap = SZ_4K;\n"
					"		break;\n"
					"	}\n", &where),
			 OUTCOME_UNSIZED);
	free(where);
	/* A break before the store leaves the switch without sizes. */
	assert_int_equal(switch_verdict("	switch (mode) {\n"
					"	case 0:\n"
					"		if (quirk)\n"
					"			break;\n"
					"		d->domain.pgsize_bitmap = SZ_4K;\n"
					"		break;\n"
					"	default:\n"
					"		d->domain.pgsize_bitmap = SZ_64K;\n"
					"	}\n", &where),
			 OUTCOME_UNSIZED);
	free(where);
}

/* A nested domain made by a helper that returns its container. */
static const char nested_helper[] =
	"static const struct iommu_domain_ops n_ops = { .attach_dev = NULL };\n"
	"static struct dom *n_make(void)\n"
	"{\n"
	"	struct dom *d = kzalloc(sizeof(*d));\n"
	"	if (!d)\n"
	"		return NULL;\n"
	"	d->domain.type = 0x40;\n"
	"	d->domain.ops = &n_ops;\n"
	"	return d;\n"
	"}\n"
	"static struct iommu_domain *n_alloc(struct device *dev)\n"
	"{\n"
	"	struct dom *d = n_make();\n"
	"	if (!d)\n"
	"		return NULL;\n"
	"	return &d->domain;\n"
	"}\n"
	"static const struct iommu_ops n_iommu_ops = { .domain_alloc_paging = n_alloc };\n";

static void test_domain_init_helper_type(void **state)
{
	struct judged j;
	struct ops_site *site = collect_in(&j, true, nested_helper);

	/* The helper's stores say: not a paging domain, not judged. */
	rule_domain_init(site);
	assert_int_equal(only_verdict(site)->verdict, OUTCOME_NA);
	release(&j);
}

static void test_pgsize_format_exceeds(void **state)
{
	struct judged j;
	struct ops_site *site = collect(&j, beyond_format);
	const struct verdict *v;

	rule_pgsize_format(site);
	v = only_verdict(site);
	assert_string_equal(v->rule, RULE_PGSIZE_FORMAT);
	assert_int_equal(v->verdict, OUTCOME_EXCEEDS);
	assert_int_equal(v->level, VERDICT_FINDING);
	assert_string_equal(site->ops->pgtable_format, "ARM_V7S");
	assert_non_null(strstr(v->detail, "cannot map SZ_2M"));
	release(&j);
}

static const struct verdict *binding(struct judged *j, const char *driver)
{
	char *text = xasprintf("%s%s", binding_types, driver);
	struct ops_site *site = collect(j, text);

	free(text);
	rule_attach_binding(site);
	return only_verdict(site);
}

/* Lines of the attach function, after binding_types (11 lines). */
static unsigned int binding_line(unsigned int n)
{
	return driver_line(11 + n);
}

static void test_attach_binding_bound(void **state)
{
	struct judged j;
	const struct verdict *v = binding(&j, bound_first);
	char *want;

	assert_string_equal(v->rule, RULE_ATTACH_BINDING);
	assert_int_equal(v->verdict, OUTCOME_BOUND);
	assert_int_equal(v->level, VERDICT_FINDING);
	/* At the binding store; the message names the field and the use. */
	assert_int_equal(v->loc.line, binding_line(6));
	want = xasprintf("the domain's inst is bound to the first instance that attaches it (b_attach() line %u), and b_attach() uses that instance's record for a device behind another instance (line %u)",
			 binding_line(6), binding_line(7));
	assert_string_equal(v->detail, want);
	free(want);
	release(&j);
}

static void test_attach_binding_checked(void **state)
{
	struct judged j;
	const struct verdict *v = binding(&j, bound_checked);
	char *want;

	assert_int_equal(v->verdict, OUTCOME_CHECKED);
	assert_int_equal(v->level, VERDICT_OK);
	assert_string_equal(outcome_name(v->verdict), "checked");
	want = xasprintf("b_attach() rejects a device behind another instance (line %u)",
			 binding_line(7));
	assert_string_equal(v->detail, want);
	free(want);
	release(&j);
}

static void test_attach_binding_rebinds(void **state)
{
	struct judged j;
	const struct verdict *v = binding(&j, rebinds_read);
	char *want;

	/* The record serves devices behind the earlier instance too. */
	assert_int_equal(v->verdict, OUTCOME_REBINDS);
	assert_int_equal(v->level, VERDICT_FINDING);
	assert_string_equal(v->field, "bdom.inst");
	want = xasprintf("line %u uses the record", binding_line(9));
	assert_non_null(strstr(v->detail, want));
	free(want);
	release(&j);

	v = binding(&j, rebinds_unread);
	assert_int_equal(v->verdict, OUTCOME_REBINDS);
	assert_int_equal(v->level, VERDICT_OK);
	release(&j);

	v = binding(&j, no_state);
	assert_int_equal(v->verdict, OUTCOME_NA);
	release(&j);

	/* dev_to_node(iommu->dev): a copy through a getter is no state. */
	v = binding(&j, getter_copy);
	assert_int_equal(v->verdict, OUTCOME_NA);
	release(&j);
}

static void test_attach_binding_record(void **state)
{
	struct judged j;
	const struct verdict *v = binding(&j, bound_first);

	/* The field that records the instance, and the function setting it. */
	assert_string_equal(v->field, "bdom.inst");
	assert_string_equal(v->where, "b_attach");
	release(&j);

	v = binding(&j, bound_checked);
	assert_string_equal(v->field, "bdom.inst");
	assert_string_equal(v->where, "b_attach");
	release(&j);
}

static void test_attach_binding_counter(void **state)
{
	struct judged j;
	const struct verdict *v = binding(&j, bound_counter);
	char *want;

	/* Past "if (d->users > 0) return", the rest runs once. */
	assert_int_equal(v->verdict, OUTCOME_BOUND);
	assert_int_equal(v->level, VERDICT_FINDING);
	/* Named: the instance pointer, not the table made with it (line 9). */
	assert_string_equal(v->field, "bdom.inst");
	assert_int_equal(v->loc.line, binding_line(10));
	/* Attach returns success; the message cites who then uses the record. */
	want = xasprintf("returns success (line %u); b_flush() then uses that instance's record for it (line %u)",
			 binding_line(12), binding_line(16));
	assert_non_null(strstr(v->detail, want));
	free(want);
	release(&j);
}

static void test_attach_binding_slot(void **state)
{
	struct judged j;
	const struct verdict *v = binding(&j, bound_slot);
	char *want;

	/* "if (!inst->dom) inst->dom = d": the domain's first attach. */
	assert_int_equal(v->verdict, OUTCOME_BOUND);
	assert_string_equal(v->field, "bdom.inst");
	want = xasprintf("the domain's inst is bound to the first instance that attaches it (b_attach() line %u), and b_attach() uses that instance's record for a device behind another instance (line %u)",
			 binding_line(9), binding_line(11));
	assert_string_equal(v->detail, want);
	free(want);
	release(&j);
}

static void test_attach_binding_xarray(void **state)
{
	struct judged j;
	const struct verdict *v = binding(&j, per_instance_xarray);
	char *want;

	/* The entry stored, not the lookup before it, links the instance. */
	assert_int_equal(v->verdict, OUTCOME_PER_INSTANCE);
	assert_string_equal(v->field, "bdom.arr");
	want = xasprintf("b_attach() links state of each instance to the domain (line %u)",
			 binding_line(8));
	assert_string_equal(v->detail, want);
	free(want);
	release(&j);

	v = binding(&j, list_test_only);
	assert_int_equal(v->verdict, OUTCOME_BOUND);
	release(&j);
}

/* attach-binding on b_attach() with @body, linking a per-device bond. */
static const struct verdict *with_bond(struct judged *j, const char *body)
{
	char *text = xasprintf("%s%s%s%s", binding_types,
		"struct bond { struct list_head node; struct device *dev; };\n"
		"static int b_attach(struct iommu_domain *dom, struct device *dev)\n"
		"{\n"
		"	struct bdom *d = (struct bdom *)dom;\n"
		"	struct bond *b = kzalloc(sizeof(*b));\n"
		"	struct device *other = dev->priv;\n"
		"	struct list_head *pos;\n",
		body,
		"	return other == NULL;\n"
		"}\n"
		"static const struct iommu_domain_ops b_dops = { .attach_dev = b_attach };\n"
		"static const struct iommu_ops b_ops = { .domain_alloc_paging = b_alloc,\n"
		"	.default_domain_ops = &b_dops };\n");
	struct ops_site *site = collect(j, text);

	free(text);
	rule_attach_binding(site);
	return only_verdict(site);
}

static enum outcome bond_verdict(const char *body)
{
	struct judged j;
	enum outcome o = with_bond(&j, body)->verdict;

	release(&j);
	return o;
}

static void test_attach_binding_device_entry(void **state)
{
	struct judged j;
	const struct verdict *v;

	/* A bond pointing to the device whose instance attach finds. */
	v = with_bond(&j, "	struct inst *inst = dev_iommu_priv_get(dev);\n"
			  "	b->dev = dev;\n"
		     "	list_add(&b->node, &d->list);\n");
	assert_int_equal(v->verdict, OUTCOME_PER_INSTANCE);
	assert_string_equal(v->field, "bdom.list");
	assert_string_equal(v->where, "b_attach");
	release(&j);
	/* Also into a list reached through a pointer that walks it. */
	assert_int_equal(bond_verdict(
		"	struct inst *inst = dev_iommu_priv_get(dev);\n"
		"	b->dev = dev;\n"
		"	for (pos = d->list.next; !list_is_head(pos, &d->list); pos = pos->next)\n"
		"		;\n"
		"	list_add(&b->node, pos);\n"), OUTCOME_PER_INSTANCE);

	/* No instance is found from that device: no instance state. */
	assert_int_equal(bond_verdict("	b->dev = dev;\n"
				      "	list_add(&b->node, &d->list);\n"),
			 OUTCOME_NA);
	/* The instance comes from another device than the bond's. */
	assert_int_equal(bond_verdict(
		"	struct inst *inst = dev_iommu_priv_get(dev);\n"
		"	b->dev = other;\n"
		"	list_add(&b->node, &d->list);\n"), OUTCOME_NA);
}

static void test_attach_binding_replaces(void **state)
{
	struct judged j;
	const struct verdict *v = binding(&j, replaces_table);
	char *want;

	/* Listed instances keep the table the attach just replaced. */
	assert_int_equal(v->verdict, OUTCOME_REBINDS);
	assert_int_equal(v->level, VERDICT_FINDING);
	assert_string_equal(v->field, "bdom.pgt");
	want = xasprintf("every attach replaces the domain's pgt (b_attach() line %u) while instances attached earlier stay linked to the domain (line %u) with the old one, which line %u still reads",
			 binding_line(5), binding_line(7), binding_line(12));
	assert_string_equal(v->detail, want);
	free(want);
	release(&j);

	v = binding(&j, exclusive_slots);
	assert_int_equal(v->verdict, OUTCOME_REBINDS);
	assert_int_equal(v->level, VERDICT_OK);
	assert_string_equal(v->field, "bdom.slots");
	release(&j);
}

static void test_attach_binding_shapes(void **state)
{
	struct judged j;
	const struct verdict *v = binding(&j, array_slots);
	char *want;

	/* The array of slots names the state, not the table made after it. */
	assert_int_equal(v->verdict, OUTCOME_CHECKED);
	assert_string_equal(v->field, "bdom.ring");
	release(&j);

	v = binding(&j, cookie_and_store);
	assert_int_equal(v->verdict, OUTCOME_BOUND);
	want = xasprintf("(b_attach() line %u), and b_attach() uses that instance's record for a device behind another instance (line %u)",
			 binding_line(6), binding_line(9));
	assert_non_null(strstr(v->detail, want));
	free(want);
	release(&j);
}

/* attach-instance on b_attach() with @body, after binding_types. */
static const struct verdict *instance(struct judged *j, const char *body)
{
	char *text = xasprintf("%s%s", binding_types,
		"struct udom { union { struct iommu_domain domain; int pt; };\n"
		"	struct xarray arr; };\n"
		"static int b_attach(struct iommu_domain *dom, struct device *dev)\n"
		"{\n"
		"	struct bdom *d = (struct bdom *)dom;\n"
		"	struct udom *u = (struct udom *)dom;\n"
		"	struct info *e = kzalloc(sizeof(*e));\n"
		"	struct list_head *pos;\n"
		"	BODY\n"
		"	return u == NULL;\n"
		"}\n"
		"static const struct iommu_domain_ops b_dops = { .attach_dev = b_attach };\n"
		"static const struct iommu_ops b_ops = { .domain_alloc_paging = b_alloc,\n"
		"	.default_domain_ops = &b_dops };\n");
	char *at = strstr(text, "BODY");
	char *full = xasprintf("%.*s%s%s", (int)(at - text), text, body,
			       at + strlen("BODY"));
	struct ops_site *site = collect(j, full);

	free(text);
	free(full);
	rule_attach_instance(site);
	return only_verdict(site);
}

static enum outcome instance_verdict(const char *body)
{
	struct judged j;
	enum outcome o = instance(&j, body)->verdict;

	release(&j);
	return o;
}

static void test_attach_instance_membership(void **state)
{
	struct judged j;
	const struct verdict *v;

	/* An entry stored into the domain's xarray: shared by design. */
	v = instance(&j, "xa_cmpxchg(&d->arr, 0, NULL, e);");
	assert_int_equal(v->verdict, OUTCOME_SHARED);
	assert_string_equal(v->detail, "the domain links its devices or instances into bdom.arr (b_attach()): shared across instances by design");
	release(&j);
	/* Also when the domain's iommu_domain is in an anonymous union. */
	v = instance(&j, "xa_cmpxchg(&u->arr, 0, NULL, e);");
	assert_int_equal(v->verdict, OUTCOME_SHARED);
	assert_non_null(strstr(v->detail, " udom.arr "));
	release(&j);
	assert_int_equal(instance_verdict("list_add(&e->node, &d->list);"),
			 OUTCOME_SHARED);
	/* A list reached through a local pointer that walks it. */
	assert_int_equal(instance_verdict(
		"for (pos = d->list.next; !list_is_head(pos, &d->list); pos = pos->next)\n"
		"		;\n"
		"	list_add(&e->node, pos);"), OUTCOME_SHARED);

	/* Lookups and tests record nothing. */
	assert_int_equal(instance_verdict("xa_cmpxchg(&d->arr, 0, NULL, NULL);"),
			 OUTCOME_UNGUARDED_CONSTANT);
	assert_int_equal(instance_verdict(
		"if (list_is_head(&e->node, &d->list)) return 1;"),
		OUTCOME_UNGUARDED_CONSTANT);
	/* The pointer may also point elsewhere: not the domain's list. */
	assert_int_equal(instance_verdict(
		"pos = d->list.next;\n"
		"	if (dev->priv)\n"
		"		pos = e->node.next;\n"
		"	list_add(&e->node, pos);"), OUTCOME_UNGUARDED_CONSTANT);
}

static void test_attach_instance_slots(void **state)
{
	struct judged j;
	const struct verdict *v;

	/* Each instance put into its own slot of the domain's array. */
	v = instance(&j, "struct slot *s = d->slots; int i;\n"
		     "	for (i = 0; i < 2; i++, s++)\n"
		     "		s->inst = dev_iommu_priv_get(dev);");
	assert_int_equal(v->verdict, OUTCOME_SHARED);
	assert_non_null(strstr(v->detail, " bdom.slots (b_attach())"));
	assert_string_equal(v->where, "b_attach");
	release(&j);
	assert_int_equal(instance_verdict(
		"int i = dev->priv != NULL;\n"
		"	d->ring[i].inst = dev_iommu_priv_get(dev);"), OUTCOME_SHARED);

	/* One fixed slot records one instance, not the members. */
	assert_int_equal(instance_verdict(
		"d->ring[0].inst = dev_iommu_priv_get(dev);"),
		OUTCOME_UNGUARDED_CONSTANT);
	assert_int_equal(instance_verdict(
		"struct slot *s = d->slots;\n"
		"	s->inst = dev_iommu_priv_get(dev);"),
		OUTCOME_UNGUARDED_CONSTANT);
	/* Clearing the slots records nothing. */
	assert_int_equal(instance_verdict(
		"struct slot *s = d->slots; int i;\n"
		"	for (i = 0; i < 2; i++, s++)\n"
		"		s->inst = NULL;"), OUTCOME_UNGUARDED_CONSTANT);
	/* The pointer may also point elsewhere: not the domain's slots. */
	assert_int_equal(instance_verdict(
		"struct slot *s = d->slots; int i;\n"
		"	if (dev->priv)\n"
		"		s = dev->priv;\n"
		"	for (i = 0; i < 2; i++, s++)\n"
		"		s->inst = dev_iommu_priv_get(dev);"),
		OUTCOME_UNGUARDED_CONSTANT);
}

static void test_rule_table(void **state)
{
	const struct rule *r = rule_find(RULE_DOMAIN_INIT);

	assert_non_null(r);
	assert_string_equal(r->sarif_id, "DomainWithoutPageSizes");
	assert_true(r->judge == rule_domain_init);
	assert_null(rule_find(RULE_OPS_PGSIZE)->judge);
	assert_null(rule_find("verify"));
	r = rule_find(RULE_ATTACH_BINDING);
	assert_non_null(r);
	assert_string_equal(r->sarif_id, "DomainBoundToFirstInstance");
	assert_string_equal(r->level, "warning");
	assert_true(r->judge == rule_attach_binding);
}

static void test_outcome_words(void **state)
{
	enum outcome o;

	assert_true(outcome_parse("unguarded-instance", &o));
	assert_int_equal(o, OUTCOME_UNGUARDED_INSTANCE);
	assert_string_equal(outcome_name(OUTCOME_NA), "n/a");
	assert_false(outcome_parse("maybe", &o));
	assert_true(outcome_parse("per-instance", &o));
	assert_int_equal(o, OUTCOME_PER_INSTANCE);
	assert_true(outcome_parse("rebinds", &o));
	assert_int_equal(o, OUTCOME_REBINDS);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_domain_init_fallback),
		cmocka_unit_test(test_domain_init_unsized),
		cmocka_unit_test(test_domain_init_paging_only),
		cmocka_unit_test(test_domain_init_switch),
		cmocka_unit_test(test_domain_init_helper_type),
		cmocka_unit_test(test_pgsize_format_exceeds),
		cmocka_unit_test(test_attach_binding_bound),
		cmocka_unit_test(test_attach_binding_checked),
		cmocka_unit_test(test_attach_binding_rebinds),
		cmocka_unit_test(test_attach_binding_record),
		cmocka_unit_test(test_attach_binding_counter),
		cmocka_unit_test(test_attach_binding_slot),
		cmocka_unit_test(test_attach_binding_xarray),
		cmocka_unit_test(test_attach_binding_device_entry),
		cmocka_unit_test(test_attach_binding_replaces),
		cmocka_unit_test(test_attach_binding_shapes),
		cmocka_unit_test(test_attach_instance_membership),
		cmocka_unit_test(test_attach_instance_slots),
		cmocka_unit_test(test_rule_table),
		cmocka_unit_test(test_outcome_words),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
