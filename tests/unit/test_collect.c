// SPDX-License-Identifier: GPL-2.0
/* The collector on small translation units parsed by libclang. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "fixture.h"
#include "scan/parse.h"

static const char iommu_h[] =
	"struct device;\n"
	"struct iommu_domain_ops { int (*attach_dev)(struct iommu_domain *d, struct device *dev); };\n"
	"struct iommu_domain { unsigned long pgsize_bitmap; const struct iommu_domain_ops *ops; };\n"
	"struct iommu_ops {\n"
	"	struct iommu_domain *(*domain_alloc)(unsigned int type);\n"
	"	struct iommu_domain *(*domain_alloc_paging)(struct device *dev);\n"
	"	const struct iommu_domain_ops *default_domain_ops;\n"
	"	unsigned long pgsize_bitmap;\n"
	"	struct iommu_domain *identity_domain;\n"
	"	struct iommu_domain *blocked_domain;\n"
	"};\n"
	"struct io_pgtable_cfg { unsigned long pgsize_bitmap; };\n"
	"#define SZ_4K 0x1000\n#define SZ_64K 0x10000\n";

static const char driver_c[] =
	"#include <linux/iommu.h>\n"				/* 1 */
	"struct inst { unsigned long pgsize_bitmap; };\n"
	"static int att(struct iommu_domain *d, struct device *dev) { return 0; }\n"
	"static struct iommu_domain *alloc(struct device *dev) { return 0; }\n"
	"static const struct iommu_domain_ops id_ops = { .attach_dev = att };\n"	/* 5 */
	"static struct iommu_domain id_dom = { .ops = &id_ops };\n"
	"static struct iommu_ops a_ops = {\n"
	"	.domain_alloc_paging = alloc,\n"
	"	.pgsize_bitmap = SZ_4K | /* small */ SZ_64K,\n"
	"	.identity_domain = &id_dom,\n"			/* 10 */
	"	.blocked_domain = &id_dom,\n"
	"	.default_domain_ops = &(const struct iommu_domain_ops) {\n"
	"		.attach_dev = att,\n"
	"	},\n"
	"};\n"							/* 15 */
	"#define OPS(name, sizes) \\\n"
	"static const struct iommu_ops name = { \\\n"
	"	.pgsize_bitmap = sizes, \\\n"
	"}\n"
	"OPS(b_ops, SZ_4K);\n"					/* 20 */
	"#define OPS_BODY(name) \\\n"
	"static const struct iommu_ops name = { \\\n"
	"	.domain_alloc_paging = alloc, \\\n"
	"	.pgsize_bitmap = -1UL, \\\n"
	"}\n"							/* 25 */
	"OPS_BODY(c_ops);\n"
	"void probe(struct inst *in, struct iommu_domain *d, const struct iommu_ops *ops)\n"
	"{\n"
	"	struct io_pgtable_cfg cfg = { .pgsize_bitmap = in->pgsize_bitmap };\n"
	"	struct io_pgtable_cfg cfg2 = { .pgsize_bitmap = a_ops.pgsize_bitmap };\n" /* 30 */
	"	if (a_ops.pgsize_bitmap == -1UL)\n"
	"		a_ops.pgsize_bitmap = in->pgsize_bitmap;\n"
	"	else\n"
	"		a_ops.pgsize_bitmap |= in->pgsize_bitmap;\n"
	"	in->pgsize_bitmap = cfg.pgsize_bitmap;\n"		/* 35 */
	"	d->pgsize_bitmap = cfg2.pgsize_bitmap;\n"
	"	d->pgsize_bitmap |= SZ_64K;\n"
	"	if (!d->pgsize_bitmap)\n"
	"		d->pgsize_bitmap = ops->pgsize_bitmap;\n"
	"}\n"							/* 40 */
	"#ifdef CONFIG_OTHER_ARCH\n"
	"static const struct iommu_ops z_ops = { .pgsize_bitmap = SZ_64K };\n"
	"#endif\n";

struct fixture {
	char *root;
	struct inventory inv;
};

static int setup(void **state)
{
	struct fixture *fx = xcalloc(1, sizeof(*fx));
	struct parse_job jobs[2] = { { 0 } };
	struct tree tree;
	int i;

	fx->root = fixture_tree();
	fixture_put(fx->root, "include/linux/iommu.h", iommu_h);
	fixture_put(fx->root, "drivers/drv.c", driver_c);
	fixture_put(fx->root, "drivers/hdr-ops.h",
		    "static const struct iommu_ops h_ops = { .pgsize_bitmap = SZ_4K };\n");
	fixture_put(fx->root, "drivers/one.c",
		    "#include <linux/iommu.h>\n#include \"hdr-ops.h\"\n");
	if (tree_open(fx->root, &tree))
		return -1;
	jobs[0].rel = "drivers/drv.c";
	jobs[1].rel = "drivers/one.c";
	for (i = 0; i < 2; i++) {
		vec_push(&jobs[i].args, xasprintf("-I%sinclude", tree.root));
		vec_push(&jobs[i].args, xstrdup("-w"));
	}
	parse_all(&tree, jobs, 2, 2, false, NULL, &fx->inv);
	inventory_finish(&fx->inv);
	for (i = 0; i < 2; i++)
		vec_free(&jobs[i].args, free);
	tree_release(&tree);
	*state = fx;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *fx = *state;

	inventory_release(&fx->inv);
	fixture_remove(fx->root);
	free(fx);
	return 0;
}

static const struct ops_use *use_at(const struct inventory *inv,
				    const char *file, unsigned int line)
{
	size_t i;

	for (i = 0; i < inv->uses.nr; i++) {
		const struct ops_use *u = inv->uses.items[i];

		if (u->loc.line == line && !strcmp(u->loc.file, file))
			return u;
	}
	return NULL;
}

static const struct ops_object *ops_named(const struct inventory *inv,
					  const char *name)
{
	size_t i;

	for (i = 0; i < inv->ops.nr; i++) {
		const struct ops_object *o = inv->ops.items[i];

		if (!strcmp(o->name, name))
			return o;
	}
	return NULL;
}

static void check_use(const struct inventory *inv, unsigned int line,
		      enum use_kind kind, const char *function,
		      const char *ops)
{
	const struct ops_use *u = use_at(inv, "drivers/drv.c", line);

	assert_non_null(u);
	assert_int_equal(u->kind, kind);
	assert_int_equal(strcmp_null(u->function, function), 0);
	assert_int_equal(strcmp_null(u->ops_name, ops), 0);
}

static void test_uses_are_classified(void **state)
{
	struct fixture *fx = *state;
	const struct inventory *inv = &fx->inv;

	check_use(inv, 9, USE_INIT, NULL, "a_ops");
	check_use(inv, 18, USE_INIT, NULL, "b_ops");	/* in the #define */
	check_use(inv, 24, USE_INIT, NULL, "c_ops");
	check_use(inv, 30, USE_READ, "probe", "a_ops");
	check_use(inv, 31, USE_COMPARE, "probe", "a_ops");
	check_use(inv, 32, USE_WRITE, "probe", "a_ops");
	check_use(inv, 34, USE_COMPOUND, "probe", "a_ops");
	check_use(inv, 39, USE_READ, "probe", NULL);
	check_use(inv, 42, USE_INIT, NULL, "z_ops");	/* compiled out */
	assert_non_null(use_at(inv, "drivers/hdr-ops.h", 1));
	/* Other structs' members are not uses: 29, 35, 36, 37, 38. */
	assert_null(use_at(inv, "drivers/drv.c", 29));
	assert_null(use_at(inv, "drivers/drv.c", 35));
	assert_null(use_at(inv, "drivers/drv.c", 36));
	assert_null(use_at(inv, "drivers/drv.c", 37));
	assert_null(use_at(inv, "drivers/drv.c", 38));
	assert_int_equal(inv->uses.nr, 10);
}

static void test_ops_objects(void **state)
{
	struct fixture *fx = *state;
	const struct ops_object *a = ops_named(&fx->inv, "a_ops");
	const struct ops_object *b = ops_named(&fx->inv, "b_ops");
	const struct ops_object *c = ops_named(&fx->inv, "c_ops");
	const struct callback *cb;

	assert_non_null(a);
	assert_false(a->is_const);
	assert_string_equal(a->pgsize_expr, "SZ_4K | SZ_64K");
	assert_true(a->pgsize_is_constant);
	assert_int_equal(a->pgsize_value, 0x11000);
	assert_int_equal(a->alloc.nr, 1);
	cb = a->alloc.items[0];
	assert_string_equal(cb->via, "domain_alloc_paging");
	assert_string_equal(cb->function, "alloc");
	/* Sorted: blocked_domain, default_domain_ops, identity_domain. */
	assert_int_equal(a->attach.nr, 3);
	cb = a->attach.items[0];
	assert_string_equal(cb->via, "blocked_domain");
	cb = a->attach.items[1];
	assert_string_equal(cb->via, "default_domain_ops");
	assert_string_equal(cb->function, "att");

	assert_non_null(b);
	assert_true(b->is_const);
	assert_string_equal(b->macro, "OPS");
	assert_string_equal(b->pgsize_expr, "SZ_4K");
	assert_int_equal(b->loc.line, 20);
	assert_non_null(c);
	assert_string_equal(c->pgsize_expr, "-1UL");
	assert_int_equal(c->pgsize_value, ~0ULL);
	assert_int_equal(c->pgsize_loc.line, 24);
	/* The header's object is seen once. */
	assert_non_null(ops_named(&fx->inv, "h_ops"));
	assert_int_equal(fx->inv.ops.nr, 5);
}

static void test_domain_sets(void **state)
{
	struct fixture *fx = *state;
	static const struct {
		unsigned int line;
		const char *op;
		enum provenance prov;
		const char *source;
	} want[] = {
		{ 36, "=", PROV_FIELD, "io_pgtable_cfg.pgsize_bitmap" },
		{ 37, "|=", PROV_CONSTANT, NULL },
		{ 39, "=", PROV_OPS, NULL },
	};
	size_t i;

	assert_int_equal(fx->inv.domain_sets.nr, ARRAY_SIZE(want));
	for (i = 0; i < ARRAY_SIZE(want); i++) {
		const struct domain_pgsize *s = fx->inv.domain_sets.items[i];

		assert_int_equal(s->loc.line, want[i].line);
		assert_string_equal(s->op, want[i].op);
		assert_int_equal(s->prov, want[i].prov);
		assert_int_equal(strcmp_null(s->source, want[i].source), 0);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_uses_are_classified),
		cmocka_unit_test(test_ops_objects),
		cmocka_unit_test(test_domain_sets),
	};

	quiet = true;
	return cmocka_run_group_tests_name("collect", tests, setup, teardown);
}
