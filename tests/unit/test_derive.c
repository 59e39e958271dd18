// SPDX-License-Identifier: GPL-2.0
/*
 * How an attach-only allocator finds its domains' instance (derive.c), on
 * small drivers parsed by libclang: with and without domain_alloc_paging
 * in the core's struct iommu_ops.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "fixture.h"
#include "scan/parse.h"

#define IOMMU_H_HEAD \
	"#define NULL ((void *)0)\n" \
	"#define ENODEV 19\n" \
	"#define IOMMU_DOMAIN_UNMANAGED 1\n#define IOMMU_DOMAIN_DMA 3\n" \
	"#define IOMMU_DOMAIN_IDENTITY 4\n" \
	"struct device { void *priv; };\n" \
	"static inline void *dev_iommu_priv_get(struct device *dev) { return dev->priv; }\n" \
	"struct iommu_device { int id; };\n" \
	"struct iommu_domain;\n" \
	"struct iommu_domain_ops { int (*attach_dev)(struct iommu_domain *d, struct device *dev); };\n" \
	"struct iommu_domain { unsigned int type; unsigned long pgsize_bitmap; };\n" \
	"struct io_pgtable_cfg { unsigned long pgsize_bitmap; unsigned int ias; };\n" \
	"struct iommu_ops {\n" \
	"	struct iommu_domain *(*domain_alloc)(unsigned int type);\n"

static const char iommu_h[] = IOMMU_H_HEAD
	"	struct iommu_domain *(*domain_alloc_paging)(struct device *dev);\n"
	"	const struct iommu_domain_ops *default_domain_ops;\n"
	"	unsigned long pgsize_bitmap;\n"
	"};\n";

/* An older core: no allocator is handed the device. */
static const char old_iommu_h[] = IOMMU_H_HEAD
	"	const struct iommu_domain_ops *default_domain_ops;\n"
	"	unsigned long pgsize_bitmap;\n"
	"};\n";

static const char driver_c[] =
	"#include <linux/iommu.h>\n"
	"struct smmu { struct iommu_device iommu; unsigned long pgsize_bitmap; };\n"
	"struct master_cfg { struct smmu *smmu; };\n"
	"struct dom { struct iommu_domain domain; struct smmu *smmu; int dma; };\n"
	"void *kzalloc(unsigned long size);\n"
	"static struct smmu *the_smmu;\n"
	"static struct dom *to_dom(struct iommu_domain *d) { return (struct dom *)d; }\n"
	"static struct smmu *dev_to_smmu(struct device *dev) { return dev->priv; }\n"
	"static struct iommu_domain *new_domain(void)\n"
	"{ struct dom *d = kzalloc(sizeof(*d)); return d ? &d->domain : NULL; }\n"
	/* Through a parameter and an io_pgtable_cfg compound literal. */
	"static int init_context(struct dom *d, struct smmu *smmu)\n"
	"{\n"
	"	struct io_pgtable_cfg cfg;\n"
	"	cfg = (struct io_pgtable_cfg) { .pgsize_bitmap = smmu->pgsize_bitmap, .ias = 48 };\n"
	"	d->domain.pgsize_bitmap = cfg.pgsize_bitmap;\n"
	"	return 0;\n"
	"}\n"
	"static int two_attach(struct iommu_domain *domain, struct device *dev)\n"
	"{\n"
	"	struct master_cfg *cfg;\n"
	"	struct smmu *smmu;\n"
	"	cfg = dev_iommu_priv_get(dev);\n"
	"	if (!cfg)\n"
	"		return -ENODEV;\n"
	"	smmu = cfg->smmu;\n"
	"	return init_context(to_dom(domain), smmu);\n"
	"}\n"
	"static struct iommu_domain *two_alloc(struct device *dev) { return new_domain(); }\n"
	"static struct iommu_ops two_ops = { .domain_alloc_paging = two_alloc, .pgsize_bitmap = -1UL,\n"
	"	.default_domain_ops = &(const struct iommu_domain_ops){ .attach_dev = two_attach } };\n"
	/* No conversion: the instance variable itself is kept. */
	"static int typed_attach(struct iommu_domain *domain, struct device *dev)\n"
	"{ struct smmu *smmu = dev_to_smmu(dev);\n"
	"  domain->pgsize_bitmap = smmu->pgsize_bitmap; return 0; }\n"
	"static struct iommu_domain *typed_alloc(struct device *dev) { return new_domain(); }\n"
	"static const struct iommu_ops typed_ops = { .domain_alloc_paging = typed_alloc, .pgsize_bitmap = -1UL,\n"
	"	.default_domain_ops = &(const struct iommu_domain_ops){ .attach_dev = typed_attach } };\n"
	/* A legacy allocator that treats DMA and UNMANAGED alike. */
	"static struct iommu_domain *alike_alloc(unsigned int type)\n"
	"{\n"
	"	if (type != IOMMU_DOMAIN_UNMANAGED && type != IOMMU_DOMAIN_DMA &&\n"
	"	    type != IOMMU_DOMAIN_IDENTITY)\n"
	"		return NULL;\n"
	"	return new_domain();\n"
	"}\n"
	"static int master_attach(struct iommu_domain *domain, struct device *dev)\n"
	"{ struct master_cfg *cfg = dev_iommu_priv_get(dev);\n"
	"  domain->pgsize_bitmap = cfg->smmu->pgsize_bitmap; return 0; }\n"
	"static struct iommu_ops alike_ops = { .domain_alloc = alike_alloc,\n"
	"	.default_domain_ops = &(const struct iommu_domain_ops){ .attach_dev = master_attach } };\n"
	/* ... and one that does not. */
	"static struct iommu_domain *differ_alloc(unsigned int type)\n"
	"{\n"
	"	struct iommu_domain *domain = new_domain();\n"
	"	if (domain)\n"
	"		to_dom(domain)->dma = type == IOMMU_DOMAIN_DMA;\n"
	"	return domain;\n"
	"}\n"
	"static struct iommu_ops differ_ops = { .domain_alloc = differ_alloc,\n"
	"	.default_domain_ops = &(const struct iommu_domain_ops){ .attach_dev = master_attach } };\n"
	/* The instance is a global, not found from the device. */
	"static int global_attach(struct iommu_domain *domain, struct device *dev)\n"
	"{ domain->pgsize_bitmap = the_smmu->pgsize_bitmap; return 0; }\n"
	"static struct iommu_domain *global_alloc(struct device *dev) { return new_domain(); }\n"
	"static struct iommu_ops global_ops = { .domain_alloc_paging = global_alloc, .pgsize_bitmap = -1UL,\n"
	"	.default_domain_ops = &(const struct iommu_domain_ops){ .attach_dev = global_attach } };\n"
	/* The allocator has a variable of the anchor's name already. */
	"static struct iommu_domain *clash_alloc(struct device *dev)\n"
	"{ struct iommu_domain *cfg = new_domain(); return cfg; }\n"
	"static struct iommu_ops clash_ops = { .domain_alloc_paging = clash_alloc, .pgsize_bitmap = -1UL,\n"
	"	.default_domain_ops = &(const struct iommu_domain_ops){ .attach_dev = master_attach } };\n";

/* The legacy allocator alone, for the older core. */
static const char old_driver_c[] =
	"#include <linux/iommu.h>\n"
	"struct smmu { struct iommu_device iommu; unsigned long pgsize_bitmap; };\n"
	"struct master_cfg { struct smmu *smmu; };\n"
	"void *kzalloc(unsigned long size);\n"
	"static struct iommu_domain *alike_alloc(unsigned int type)\n"
	"{ return type == IOMMU_DOMAIN_IDENTITY ? NULL : kzalloc(sizeof(struct iommu_domain)); }\n"
	"static int master_attach(struct iommu_domain *domain, struct device *dev)\n"
	"{ struct master_cfg *cfg = dev_iommu_priv_get(dev);\n"
	"  domain->pgsize_bitmap = cfg->smmu->pgsize_bitmap; return 0; }\n"
	"static struct iommu_ops alike_ops = { .domain_alloc = alike_alloc,\n"
	"	.default_domain_ops = &(const struct iommu_domain_ops){ .attach_dev = master_attach } };\n";

static struct inventory inv, old_inv;

static int parse_tree(const char *header, const char *driver,
		      struct inventory *out)
{
	char *root = fixture_tree();
	struct parse_job job = { .rel = "drivers/drv.c" };
	struct tree tree;

	fixture_put(root, "include/linux/iommu.h", header);
	fixture_put(root, "drivers/drv.c", driver);
	if (tree_open(root, &tree))
		return -1;
	vec_push(&job.args, xasprintf("-I%sinclude", tree.root));
	vec_push(&job.args, xstrdup("-w"));
	parse_all(&tree, &job, 1, 1, false, NULL, out);
	inventory_finish(out);
	vec_free(&job.args, free);
	tree_release(&tree);
	fixture_remove(root);
	return 0;
}

static int setup(void **state)
{
	return parse_tree(iommu_h, driver_c, &inv) ||
	       parse_tree(old_iommu_h, old_driver_c, &old_inv);
}

static int teardown(void **state)
{
	inventory_release(&inv);
	inventory_release(&old_inv);
	return 0;
}

static const struct instance_path *instance_of(const struct inventory *in,
					       const char *ops)
{
	size_t i;

	for (i = 0; i < in->ops.nr; i++) {
		const struct ops_object *o = in->ops.items[i];

		if (!strcmp(o->name, ops)) {
			assert_non_null(o->instance);
			return o->instance;
		}
	}
	fail_msg("no ops object %s", ops);
	return NULL;
}

static void check_found(const char *ops, bool wrap, const char *type,
			const char *anchor, const char *init,
			const char *sizes)
{
	const struct instance_path *ip = instance_of(&inv, ops);

	if (ip->reason)
		fail_msg("%s: %s", ops, ip->reason);
	assert_int_equal(ip->wrap, wrap);
	assert_string_equal(ip->anchor_type, type);
	assert_string_equal(ip->anchor, anchor);
	assert_string_equal(ip->anchor_init, init);
	assert_string_equal(ip->sizes, sizes);
}

static void check_refused(const struct inventory *in, const char *ops,
			  const char *why)
{
	const struct instance_path *ip = instance_of(in, ops);

	assert_non_null(ip->reason);
	if (!strstr(ip->reason, why))
		fail_msg("%s: '%s' does not say '%s'", ops, ip->reason, why);
	assert_null(ip->sizes);
}

static void test_through_calls_and_cfg(void **state)
{
	check_found("two_ops", false, "struct master_cfg *", "cfg",
		    "dev_iommu_priv_get(dev)", "cfg->smmu->pgsize_bitmap");
}

static void test_instance_variable_kept(void **state)
{
	check_found("typed_ops", false, "struct smmu *", "smmu",
		    "dev_to_smmu(dev)", "smmu->pgsize_bitmap");
}

static void test_legacy_wrapped(void **state)
{
	check_found("alike_ops", true, "struct master_cfg *", "cfg",
		    "dev_iommu_priv_get(dev)", "cfg->smmu->pgsize_bitmap");
	check_refused(&inv, "differ_ops",
		      "IOMMU_DOMAIN_DMA and IOMMU_DOMAIN_UNMANAGED differently");
}

static void test_refused(void **state)
{
	check_refused(&inv, "global_ops", "the_smmu");
	check_refused(&inv, "clash_ops", "already has a 'cfg'");
	check_refused(&old_inv, "alike_ops", "has no domain_alloc_paging()");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_through_calls_and_cfg),
		cmocka_unit_test(test_instance_variable_kept),
		cmocka_unit_test(test_legacy_wrapped),
		cmocka_unit_test(test_refused),
	};

	quiet = true;
	return cmocka_run_group_tests_name("derive", tests, setup, teardown);
}
