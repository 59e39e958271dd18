// SPDX-License-Identifier: GPL-2.0
/* The rules on small drivers, through parse_all() as a scan runs them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "fixture.h"
#include "scan/parse.h"

static const char iommu_h[] =
	"#define NULL ((void *)0)\n"
	"#define EINVAL 22\n"
	"#define SZ_4K 0x1000UL\n#define SZ_64K 0x10000UL\n#define SZ_2M 0x200000UL\n"
	"#define IOMMU_DOMAIN_UNMANAGED 1\n#define IOMMU_DOMAIN_IDENTITY 4\n"
	"struct device { void *priv; };\n"
	"struct list_head { struct list_head *next, *prev; };\n"
	"struct iommu_device { int id; };\n"
	"struct iommu_domain;\n"
	"struct iommu_domain_ops { int (*attach_dev)(struct iommu_domain *d, struct device *dev); };\n"
	"struct iommu_domain { unsigned int type; unsigned long pgsize_bitmap; };\n"
	"struct iommu_ops {\n"
	"	struct iommu_domain *(*domain_alloc)(unsigned int type);\n"
	"	struct iommu_domain *(*domain_alloc_paging)(struct device *dev);\n"
	"	const struct iommu_domain_ops *default_domain_ops;\n"
	"	unsigned long pgsize_bitmap;\n"
	"};\n"
	"enum io_pgtable_fmt { ARM_64_LPAE_S1, ARM_V7S };\n"
	"struct io_pgtable_cfg { unsigned long pgsize_bitmap; unsigned int ias; };\n"
	"void *alloc_io_pgtable_ops(enum io_pgtable_fmt f, struct io_pgtable_cfg *c, void *cookie);\n"
	"void *kzalloc(unsigned long size);\n"
	"void list_add(struct list_head *n, struct list_head *h);\n"
	"#define container_of(p, t, m) ((t *)((char *)(p) - __builtin_offsetof(t, m)))\n";

static const char driver_c[] =
	"#include <linux/iommu.h>\n"
	"struct inst { struct iommu_device iommu; unsigned long sizes; unsigned int ias; };\n"
	"struct dom { struct iommu_domain domain; struct inst *inst; struct device *owner;\n"
	"	struct list_head devices; struct io_pgtable_cfg cfg; };\n"
	"static struct iommu_domain identity = { .type = IOMMU_DOMAIN_IDENTITY };\n"
	"static struct dom *to_dom(struct iommu_domain *d) { return container_of(d, struct dom, domain); }\n"
	"static void give_sizes(struct dom *d) { d->domain.pgsize_bitmap = SZ_4K; }\n"
	"static int nop_attach(struct iommu_domain *d, struct device *dev) { return 0; }\n"
	/* sets: goto error path, helper two calls deep */
	"static void init_dom(struct dom *d) { give_sizes(d); }\n"
	"static struct iommu_domain *a_alloc(struct device *dev)\n"
	"{\n"
	"	struct dom *d = kzalloc(sizeof(*d));\n"
	"	if (!d)\n"
	"		goto err;\n"
	"	init_dom(d);\n"
	"	return &d->domain;\n"
	"err:\n"
	"	return NULL;\n"
	"}\n"
	"static const struct iommu_ops a_ops = { .domain_alloc_paging = a_alloc, .pgsize_bitmap = SZ_4K,\n"
	"	.default_domain_ops = &(const struct iommu_domain_ops){ .attach_dev = nop_attach } };\n"
	/* fallback: one branch forgets; legacy identity path is not paging */
	"static struct iommu_domain *b_alloc(unsigned int type)\n"
	"{\n"
	"	struct dom *d;\n"
	"	if (type == IOMMU_DOMAIN_IDENTITY)\n"
	"		return &identity;\n"
	"	d = kzalloc(sizeof(*d));\n"
	"	if (type & 8)\n"
	"		return &d->domain;\n"	/* line 29: forgets the sizes */
	"	d->domain.pgsize_bitmap = SZ_4K;\n"
	"	return &d->domain;\n"
	"}\n"
	/* attach that only adds sizes: not a finalise */
	"static int b_attach(struct iommu_domain *d, struct device *dev)\n"
	"{ d->pgsize_bitmap |= SZ_2M; return 0; }\n"
	"static const struct iommu_ops b_ops = { .domain_alloc = b_alloc, .pgsize_bitmap = SZ_4K,\n"
	"	.default_domain_ops = &(const struct iommu_domain_ops){ .attach_dev = b_attach } };\n"
	/* finalised at attach, bound (&& guard), exceeds its format */
	"static struct iommu_domain *c_alloc(struct device *dev)\n"
	"{ struct dom *d = kzalloc(sizeof(*d)); return d ? &d->domain : NULL; }\n"
	"static int c_finalise(struct dom *d, struct inst *in)\n"
	"{\n"
	"	d->cfg.pgsize_bitmap = SZ_4K | SZ_64K;\n"
	"	if (!alloc_io_pgtable_ops(ARM_64_LPAE_S1, &d->cfg, d))\n"
	"		return -EINVAL;\n"
	"	d->domain.pgsize_bitmap = SZ_4K | SZ_64K;\n"
	"	d->inst = in;\n"
	"	return 0;\n"
	"}\n"
	"static int c_attach(struct iommu_domain *domain, struct device *dev)\n"
	"{\n"
	"	struct dom *d = to_dom(domain);\n"
	"	struct inst *in = dev->priv;\n"
	"	if (d->inst && d->inst != in)\n"
	"		return -EINVAL;\n"
	"	return d->inst ? 0 : c_finalise(d, in);\n"
	"}\n"
	"static const struct iommu_ops c_ops = { .domain_alloc_paging = c_alloc,\n"
	"	.default_domain_ops = &(const struct iommu_domain_ops){ .attach_dev = c_attach } };\n"
	/* wrong guard (device pointers), sizes from the instance; shared */
	"static struct iommu_domain *d_alloc(struct device *dev)\n"
	"{ struct dom *d = kzalloc(sizeof(*d)); struct inst *in = dev->priv;\n"
	"  d->domain.pgsize_bitmap = in->sizes; return &d->domain; }\n"
	"static int d_attach(struct iommu_domain *domain, struct device *dev)\n"
	"{ struct dom *d = to_dom(domain); if (d->owner && d->owner != dev) return -EINVAL; return 0; }\n"
	"static const struct iommu_ops d_ops = { .domain_alloc_paging = d_alloc,\n"
	"	.default_domain_ops = &(const struct iommu_domain_ops){ .attach_dev = d_attach } };\n"
	"static int e_attach(struct iommu_domain *domain, struct device *dev)\n"
	"{ struct dom *d = to_dom(domain); static struct { struct list_head node; } e;\n"
	"  list_add(&e.node, &d->devices); return 0; }\n"
	"static const struct iommu_ops e_ops = { .domain_alloc_paging = a_alloc,\n"
	"	.default_domain_ops = &(const struct iommu_domain_ops){ .attach_dev = e_attach } };\n";

static struct inventory inv;

static int setup(void **state)
{
	char *root = fixture_tree();
	struct parse_job job = { .rel = "drivers/drv.c" };
	struct tree tree;

	fixture_put(root, "include/linux/iommu.h", iommu_h);
	fixture_put(root, "drivers/drv.c", driver_c);
	if (tree_open(root, &tree))
		return -1;
	vec_push(&job.args, xasprintf("-I%sinclude", tree.root));
	vec_push(&job.args, xstrdup("-w"));
	parse_all(&tree, &job, 1, 1, false, NULL, &inv);
	inventory_finish(&inv);
	vec_free(&job.args, free);
	tree_release(&tree);
	fixture_remove(root);
	return 0;
}

static int teardown(void **state)
{
	inventory_release(&inv);
	return 0;
}

static const struct verdict *verdict_of(const char *ops, const char *rule)
{
	size_t i, k;

	for (i = 0; i < inv.ops.nr; i++) {
		const struct ops_object *o = inv.ops.items[i];

		if (strcmp(o->name, ops))
			continue;
		for (k = 0; k < o->verdicts.nr; k++) {
			const struct verdict *v = o->verdicts.items[k];

			if (!strcmp(v->rule, rule))
				return v;
		}
	}
	return NULL;
}

static void check(const char *ops, const char *rule, const char *want)
{
	const struct verdict *v = verdict_of(ops, rule);

	assert_non_null(v);
	assert_string_equal(outcome_name(v->verdict), want);
}

static void test_domain_init(void **state)
{
	check("a_ops", "domain-init", "sets");
	check("b_ops", "domain-init", "fallback");
	/* The finding points at the return that forgets the sizes. */
	assert_int_equal(verdict_of("b_ops", "domain-init")->loc.line, 29);
	check("c_ops", "domain-init", "finalised");
	check("d_ops", "domain-init", "sets");
}

static void test_pgsize_format(void **state)
{
	check("a_ops", "pgsize-format", "n/a");
	check("c_ops", "pgsize-format", "exceeds");
	assert_non_null(strstr(verdict_of("c_ops", "pgsize-format")->detail,
			       "cannot map SZ_64K"));
}

static void test_attach_instance(void **state)
{
	check("a_ops", "attach-instance", "unguarded-constant");
	check("c_ops", "attach-instance", "bound");
	/* Comparing devices is not an instance guard. */
	check("d_ops", "attach-instance", "unguarded-instance");
	check("e_ops", "attach-instance", "shared");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_domain_init),
		cmocka_unit_test(test_pgsize_format),
		cmocka_unit_test(test_attach_instance),
	};

	quiet = true;
	return cmocka_run_group_tests_name("verify", tests, setup, teardown);
}
