// SPDX-License-Identifier: GPL-2.0
/* External modules: detection, each file's module, the header stand-in. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "fixture.h"
#include "scan/module.h"
#include "scan/parse.h"
#include "scan/tree.h"

static void test_detect_and_roots(void **state)
{
	char *root = fixture_tree();
	char *top = path_join(root, "");
	char *sub = path_join(root, "vendor");
	char *readme = path_join(root, "README");
	char *r;
	struct tree tree;

	fixture_put(root, "README", "no kbuild here\n");
	fixture_put(root, "vendor/Makefile", "all:\n\techo not kbuild\n");
	assert_false(module_dir_detect(root));
	fixture_put(root, "vendor/b/Makefile", "obj-$(CONFIG_B) += b.o\n");
	fixture_put(root, "vendor/b/b.c", "int b;\n");
	assert_true(module_dir_detect(root));
	assert_false(module_dir_detect(readme));
	fixture_put(root, "vendor/Kbuild", "obj-m += a.o b/\n");
	fixture_put(root, "vendor/a.c", "int a;\n");
	fixture_put(root, "vendor/c/c.c", "int c;\n");
	/* The nearest directory with a kbuild file builds the file. */
	r = module_root_of(top, "vendor/b/b.c");
	assert_string_equal(r, "vendor/b");
	free(r);
	r = module_root_of(top, "vendor/c/c.c");
	assert_string_equal(r, "vendor");
	free(r);
	assert_null(module_root_of(top, "loose.c"));
	/* Without --kernel a module directory is refused, with why. */
	assert_int_equal(tree_open(sub, &tree), -1);
	free(readme);
	free(sub);
	free(top);
	fixture_remove(root);
}

static size_t lines(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += *s == '\n';
	return n;
}

static const char iommu_h[] =
	"/* header */\n"
	"struct iommu_ops {\n"
	"\tbool (*capable)(void);\n%s};\n";

static void test_member_overlay(void **state)
{
	char *root = fixture_tree();
	char *text = xasprintf(iommu_h, "");
	struct vec overlays = { 0 };
	const struct source_overlay *o;

	fixture_put(root, "include/linux/iommu.h", text);
	module_member_overlay(root, &overlays);
	assert_int_equal(overlays.nr, 1);
	o = overlays.items[0];
	assert_true(ends_with(o->path, "/include/linux/iommu.h"));
	assert_non_null(strstr(o->text, "struct iommu_ops { unsigned long pgsize_bitmap __attribute__((annotate(\"iommu-pgsize:absent-from-kernel\")));\n"));
	/* No line added: every line keeps its number. */
	assert_int_equal(lines(o->text), lines(text));
	assert_int_equal(o->len, strlen(o->text));
	assert_non_null(strstr(o->text, "\n\tbool (*capable)(void);\n};\n"));
	vec_free(&overlays, module_overlay_free);
	free(text);
	/* A kernel that still has the member needs no stand-in. */
	text = xasprintf(iommu_h, "\tunsigned long pgsize_bitmap;\n");
	fixture_put(root, "include/linux/iommu.h", text);
	module_member_overlay(root, &overlays);
	assert_int_equal(overlays.nr, 0);
	free(text);
	fixture_remove(root);
}

static void test_error_gates(void **state)
{
	struct vec g = { 0 };

	module_error_gates("#ifndef CONFIG_ARM64\n#error \"arm64 only\"\n#endif\n"
			   "# if !defined(CONFIG_OF) /* DT */\n#  error no DT\n#endif\n"
			   "#if !IS_ENABLED(CONFIG_IOMMU_API)\n#error\n#endif\n"
			   "#ifndef CONFIG_ARM64\n#error again\n#endif\n", &g);
	assert_int_equal(g.nr, 3);
	assert_string_equal(g.items[0], "CONFIG_ARM64");
	assert_string_equal(g.items[1], "CONFIG_OF");
	assert_string_equal(g.items[2], "CONFIG_IOMMU_API");
	vec_free(&g, free);
	/* Not gates: a warning, more than one symbol, a nested #if, a guard. */
	module_error_gates("#ifndef CONFIG_A\n#warning no A\n#endif\n"
			   "#if !defined(CONFIG_B) && !defined(CONFIG_C)\n#error\n#endif\n"
			   "#ifdef CONFIG_D\n#ifndef CONFIG_E\n#error\n#endif\n#endif\n"
			   "#ifndef _FOO_H\n#error\n#endif\n"
			   "#ifndef CONFIG_F\nint f;\n#error\n#endif\n", &g);
	assert_int_equal(g.nr, 0);
	vec_free(&g, free);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_detect_and_roots),
		cmocka_unit_test(test_member_overlay),
		cmocka_unit_test(test_error_gates),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
