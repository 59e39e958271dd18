// SPDX-License-Identifier: GPL-2.0
/* Which architecture's allmodconfig builds a file, on a small kbuild tree. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "fixture.h"
#include "scan/kbuild_arch.h"

static const char top_makefile[] =
	"obj-y += iommu/\n";

static const char iommu_makefile[] =
	"obj-y += amd/ fd/\n"
	"obj-$(CONFIG_IOMMU_API) += iommu.o\n"
	"obj-$(CONFIG_OMAP_IOMMU)\t+= omap-iommu.o\n"
	"obj-$(CONFIG_FSL_PAMU) += fsl_pamu.o \\\n"
	"\tfsl_pamu_domain.o\n"
	"# obj-$(CONFIG_GONE) += gone.o\n";

static const char fd_makefile[] =
	"fd-y := \\\n\tmain.o\n"
	"fd-$(CONFIG_FD_TEST) += selftest.o\n"
	"obj-$(CONFIG_FD) += fd.o\n";

static const char amd_makefile[] = "obj-$(CONFIG_AMD_IOMMU) += amd.o\n";

/* Each architecture's .config, as allmodconfig would have it. */
static const char x86_config[] =
	"#\n# Automatically generated file; DO NOT EDIT.\n"
	"CONFIG_IOMMU_API=y\n"
	"CONFIG_AMD_IOMMU=y\n"
	"CONFIG_FD=m\n"
	"CONFIG_FD_TEST=y\n"
	"# CONFIG_OMAP_IOMMU is not set\n"
	"CONFIG_OMAP_IOMMU_DEBUG=y\n";

static const char arm_config[] =
	"#\n"
	"CONFIG_IOMMU_API=y\n"
	"CONFIG_OMAP_IOMMU=y\n"
	"CONFIG_FSL_PAMU=y\n"
	"# CONFIG_AMD_IOMMU is not set\n"
	"# CONFIG_FD is not set\n"
	"CONFIG_FD_TEST=y\n";

static char *root;

static int setup(void **state)
{
	root = fixture_tree();
	fixture_put(root, "drivers/Makefile", top_makefile);
	fixture_put(root, "drivers/iommu/Makefile", iommu_makefile);
	fixture_put(root, "drivers/iommu/fd/Makefile", fd_makefile);
	fixture_put(root, "drivers/iommu/amd/Makefile", amd_makefile);
	return 0;
}

static int teardown(void **state)
{
	fixture_remove(root);
	return 0;
}

static bool builds(const char *rel, const char *config, const char *arch)
{
	char *srcroot = path_join(root, "");
	bool on = kbuild_builds(srcroot, rel, config, kbuild_arch_find(arch));

	free(srcroot);
	return on;
}

static void test_plain_objects(void **state)
{
	assert_true(builds("drivers/iommu/iommu.c", x86_config, "x86_64"));
	/* Only the exact word: omap-iommu-debug.o is not omap-iommu.o. */
	assert_false(builds("drivers/iommu/omap-iommu.c", x86_config, "x86_64"));
	assert_true(builds("drivers/iommu/omap-iommu.c", arm_config, "arm"));
	/* A continuation line, and a commented-out line. */
	assert_true(builds("drivers/iommu/fsl_pamu_domain.c", arm_config, "arm"));
	assert_false(builds("drivers/iommu/gone.c", x86_config, "x86_64"));
	/* Not named in any Makefile. */
	assert_false(builds("drivers/iommu/nowhere.c", x86_config, "x86_64"));
	assert_false(builds("drivers/iommu/iommu.h", x86_config, "x86_64"));
}

static void test_composite_objects(void **state)
{
	/* fd-$(CONFIG_FD_TEST) += selftest.o, obj-$(CONFIG_FD) += fd.o (m) */
	assert_true(builds("drivers/iommu/fd/selftest.c", x86_config, "x86_64"));
	assert_true(builds("drivers/iommu/fd/main.c", x86_config, "x86_64"));
	/* The part is on, the composite is not. */
	assert_false(builds("drivers/iommu/fd/selftest.c", arm_config, "arm"));
}

static void test_directories(void **state)
{
	assert_true(builds("drivers/iommu/amd/amd.c", x86_config, "x86_64"));
	assert_false(builds("drivers/iommu/amd/amd.c", arm_config, "arm"));
}

static void test_arch_directories(void **state)
{
	fixture_put(root, "arch/arm/mm/Makefile", "obj-y += dma.o\n");
	assert_true(builds("arch/arm/mm/dma.c", arm_config, "arm"));
	assert_false(builds("arch/arm/mm/dma.c", x86_config, "x86_64"));
	/* arch/arm/ is not arch/arm64/. */
	assert_false(builds("arch/arm/mm/dma.c", arm_config, "arm64"));
}

/* An external module's files beside its top Kbuild (M= builds them). */
static void test_module_top_level(void **state)
{
	char *mod = fixture_tree();
	char *srcroot = path_join(mod, "");
	const struct kbuild_arch *arm64 = kbuild_arch_find("arm64");
	const struct kbuild_arch *x86 = kbuild_arch_find("x86_64");

	fixture_put(mod, "Kbuild",
		    "obj-$(CONFIG_ARM64) += heron.o\nobj-m += wren.o\n");
	assert_true(kbuild_builds(srcroot, "heron.c", "\nCONFIG_ARM64=y\n",
				  arm64));
	assert_false(kbuild_builds(srcroot, "heron.c", x86_config, x86));
	assert_true(kbuild_builds(srcroot, "wren.c", x86_config, x86));
	assert_false(kbuild_builds(srcroot, "kite.c", x86_config, x86));
	fixture_remove(mod);
	free(srcroot);
}

static void test_arch_table(void **state)
{
	assert_string_equal(kbuild_arches[0].name, "x86_64");
	assert_string_equal(kbuild_arch_find("arm64")->cross,
			    "aarch64-linux-gnu-");
	assert_string_equal(kbuild_arch_find("s390")->srcarch, "s390");
	assert_null(kbuild_arch_find("x86"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_objects),
		cmocka_unit_test(test_composite_objects),
		cmocka_unit_test(test_directories),
		cmocka_unit_test(test_arch_directories),
		cmocka_unit_test(test_module_top_level),
		cmocka_unit_test(test_arch_table),
	};

	return cmocka_run_group_tests_name("kbuild_arch", tests, setup,
					   teardown);
}
