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

static void test_rule_table(void **state)
{
	const struct rule *r = rule_find(RULE_DOMAIN_INIT);

	assert_non_null(r);
	assert_string_equal(r->sarif_id, "DomainWithoutPageSizes");
	assert_true(r->judge == rule_domain_init);
	assert_null(rule_find(RULE_OPS_PGSIZE)->judge);
	assert_null(rule_find("verify"));
}

static void test_outcome_words(void **state)
{
	enum outcome o;

	assert_true(outcome_parse("unguarded-instance", &o));
	assert_int_equal(o, OUTCOME_UNGUARDED_INSTANCE);
	assert_string_equal(outcome_name(OUTCOME_NA), "n/a");
	assert_false(outcome_parse("maybe", &o));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_domain_init_fallback),
		cmocka_unit_test(test_domain_init_unsized),
		cmocka_unit_test(test_domain_init_paging_only),
		cmocka_unit_test(test_pgsize_format_exceeds),
		cmocka_unit_test(test_rule_table),
		cmocka_unit_test(test_outcome_words),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
