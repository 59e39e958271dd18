// SPDX-License-Identifier: GPL-2.0
/* Compile-flag handling: what survives from a gcc command line. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "scan/flags.h"

static bool has_arg(const struct vec *v, const char *arg)
{
	size_t i;

	for (i = 0; i < v->nr; i++)
		if (!strcmp(v->items[i], arg))
			return true;
	return false;
}

static bool has_pair(const struct vec *v, const char *a, const char *b)
{
	size_t i;

	for (i = 0; i + 1 < v->nr; i++)
		if (!strcmp(v->items[i], a) && !strcmp(v->items[i + 1], b))
			return true;
	return false;
}

static void test_drops_gcc_only_flags(void **state)
{
	static const char *const argv[] = {
		"gcc", "-Wp,-MMD,drivers/iommu/.iommu.o.d", "-nostdinc",
		"-mpreferred-stack-boundary=3", "-fconserve-stack",
		"-mindirect-branch=thunk-extern", "-fno-allow-store-data-races",
		"-mrecord-mcount", "-O2", "-c", "-o", "drivers/iommu/iommu.o",
		"drivers/iommu/iommu.c", "-std=gnu11", "-funsigned-char",
	};
	struct vec out = { 0 };

	filter_compiler_args(argv, ARRAY_SIZE(argv), "/build", &out);
	assert_true(has_arg(&out, "-nostdinc"));
	assert_true(has_arg(&out, "-std=gnu11"));
	assert_true(has_arg(&out, "-funsigned-char"));
	assert_false(has_arg(&out, "-mpreferred-stack-boundary=3"));
	assert_false(has_arg(&out, "-fconserve-stack"));
	assert_false(has_arg(&out, "-mindirect-branch=thunk-extern"));
	assert_false(has_arg(&out, "-fno-allow-store-data-races"));
	assert_false(has_arg(&out, "-mrecord-mcount"));
	assert_false(has_arg(&out, "-o"));
	assert_false(has_arg(&out, "drivers/iommu/iommu.c"));
	vec_free(&out, free);
}

static void test_makes_paths_absolute(void **state)
{
	static const char *const argv[] = {
		"gcc", "-I./arch/x86/include", "-I", "include",
		"-include", "./include/linux/kconfig.h", "-isystem", "/usr/inc",
		"-DKBUILD_MODNAME=\"iommu\"", "-D", "FOO=1", "-UBAR",
	};
	struct vec out = { 0 };

	filter_compiler_args(argv, ARRAY_SIZE(argv), "/b", &out);
	assert_true(has_pair(&out, "-I", "/b/./arch/x86/include"));
	assert_true(has_pair(&out, "-I", "/b/include"));
	assert_true(has_pair(&out, "-include", "/b/./include/linux/kconfig.h"));
	assert_true(has_pair(&out, "-isystem", "/usr/inc"));
	assert_true(has_arg(&out, "-DKBUILD_MODNAME=\"iommu\""));
	assert_true(has_pair(&out, "-D", "FOO=1"));
	assert_true(has_arg(&out, "-UBAR"));
	vec_free(&out, free);
}

static void test_cross_compiler_sets_target(void **state)
{
	static const char *const argv[] = { "/usr/bin/aarch64-linux-gnu-gcc", "-c" };
	static const char *const native[] = { "gcc", "-c" };
	struct vec out = { 0 };

	filter_compiler_args(argv, ARRAY_SIZE(argv), "/b", &out);
	assert_true(has_arg(&out, "--target=aarch64-linux-gnu"));
	vec_free(&out, free);
	filter_compiler_args(native, ARRAY_SIZE(native), "/b", &out);
	assert_int_equal(out.nr, 0);
	vec_free(&out, free);
}

static void test_kernel_arch(void **state)
{
	assert_string_equal(kernel_arch("x86_64"), "x86");
	assert_string_equal(kernel_arch("aarch64"), "arm64");
	assert_string_equal(kernel_arch("armv7l"), "arm");
	assert_string_equal(kernel_arch("s390x"), "s390");
	assert_null(kernel_arch("vax"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_drops_gcc_only_flags),
		cmocka_unit_test(test_makes_paths_absolute),
		cmocka_unit_test(test_cross_compiler_sets_target),
		cmocka_unit_test(test_kernel_arch),
	};

	return cmocka_run_group_tests_name("flags", tests, NULL, NULL);
}
