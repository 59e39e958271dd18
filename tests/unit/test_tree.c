// SPDX-License-Identifier: GPL-2.0
/* Tree validation and the byte-level choice of files to parse. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "fixture.h"
#include "scan/tree.h"

static bool has_file(const struct vec *v, const char *rel)
{
	size_t i;

	for (i = 0; i < v->nr; i++)
		if (!strcmp(v->items[i], rel))
			return true;
	return false;
}

static void test_rejects_non_kernel_dirs(void **state)
{
	char *root = fixture_tree();
	char *file;
	struct tree tree;

	assert_int_equal(tree_open("/nonexistent/iommu-pgsize", &tree), -1);
	assert_int_equal(tree_open(root, &tree), -1);
	fixture_put(root, "plain.txt", "x");
	file = path_join(root, "plain.txt");
	assert_int_equal(tree_open(file, &tree), -1);
	free(file);
	fixture_put(root, "include/linux/iommu.h", "struct iommu_ops;\n");
	assert_int_equal(tree_open(root, &tree), 0);
	assert_false(tree.kbuild);
	assert_true(ends_with(tree.root, "/"));
	tree_release(&tree);
	fixture_remove(root);
}

static void test_candidates(void **state)
{
	static const char binary[] = "int x;\0\0\0iommu_ops";
	char *root = fixture_tree();
	struct tree_stats stats;
	struct vec files = { 0 };
	struct tree tree;
	char *loop;

	fixture_put(root, "include/linux/iommu.h", "struct iommu_ops;\n");
	fixture_put(root, "drivers/a.c",
		    "static struct iommu_ops\n\ta_ops = { };\n");
	/* Pointers, declarations and longer names cannot hold a use. */
	fixture_put(root, "drivers/f.c",
		    "static const struct iommu_ops *ops;\nstruct iommu_ops x;\n");
	fixture_put(root, "drivers/g.c", "long amd_iommu_pgsize_bitmap;\n");
	fixture_put(root, "drivers/b.c", "int b;\n");
	fixture_put(root, "drivers/c.c", "#include \"c-ops.h\"\n");
	fixture_put(root, "drivers/c-ops.h", ".pgsize_bitmap = 1,\n");
	fixture_put(root, "drivers/d.c", "#include \"missing.h\"\n");
	fixture_put(root, "drivers/dir with 'quote\"/e.c",
		    "unsigned long pgsize_bitmap;\n");
	fixture_write(root, "drivers/bin.c", binary, sizeof(binary));
	fixture_put(root, ".git/x.c", "struct iommu_ops;\n");
	loop = path_join(root, "drivers/loop.c");
	assert_int_equal(symlink(loop, loop), 0);
	free(loop);

	assert_int_equal(tree_open(root, &tree), 0);
	tree_find_candidates(&tree, &files, &stats);
	assert_true(has_file(&files, "drivers/a.c"));
	assert_true(has_file(&files, "drivers/c.c"));
	assert_true(has_file(&files, "drivers/dir with 'quote\"/e.c"));
	assert_false(has_file(&files, "drivers/b.c"));
	assert_false(has_file(&files, "drivers/f.c"));
	assert_false(has_file(&files, "drivers/g.c"));
	assert_false(has_file(&files, "drivers/d.c"));
	assert_false(has_file(&files, "drivers/bin.c"));
	assert_false(has_file(&files, ".git/x.c"));
	assert_false(has_file(&files, "drivers/c-ops.h"));
	assert_int_equal(files.nr, 3);
	assert_int_equal(stats.binary, 1);
	assert_int_equal(stats.bad_links, 1);
	vec_free(&files, free);
	tree_release(&tree);
	fixture_remove(root);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rejects_non_kernel_dirs),
		cmocka_unit_test(test_candidates),
	};

	quiet = true;
	return cmocka_run_group_tests_name("tree", tests, NULL, NULL);
}
