// SPDX-License-Identifier: GPL-2.0
/* The comment edits Coccinelle cannot make: kernel-doc and glued comments. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <cmocka.h>

#include "series/kerneldoc.h"

static const char header[] =
	"/**\n"
	" * struct iommu_ops - iommu ops and capabilities\n"
	" * @default_domain_ops: the default ops for domains\n"
	" * @pgsize_bitmap: bitmap of all possible supported page sizes,\n"
	" *                 continued on a second line\n"
	" * @owner: Driver module providing these ops\n"
	" */\n"
	"struct iommu_ops {\n"
	"\tunsigned long pgsize_bitmap;\n"
	"};\n";

static void test_member_paragraph_goes(void **state)
{
	char *got = kerneldoc_without_member(header, "iommu_ops",
					     "pgsize_bitmap");

	assert_non_null(got);
	assert_string_equal(got,
		"/**\n"
		" * struct iommu_ops - iommu ops and capabilities\n"
		" * @default_domain_ops: the default ops for domains\n"
		" * @owner: Driver module providing these ops\n"
		" */\n"
		"struct iommu_ops {\n"
		"\tunsigned long pgsize_bitmap;\n"
		"};\n");
	free(got);
}

static void test_other_comments_stay(void **state)
{
	/* Another struct's kernel-doc, or no kernel-doc at all: no edit. */
	assert_null(kerneldoc_without_member(header, "iommu_domain",
					     "pgsize_bitmap"));
	assert_null(kerneldoc_without_member("struct iommu_ops {\n};\n",
					     "iommu_ops", "pgsize_bitmap"));
	assert_null(kerneldoc_without_member(header, "iommu_ops", "owner_x"));
}

static void test_glued_comment(void **state)
{
	const char *orig = "\t.a = 1,\n\t.b = -1UL, /* placeholder */\n";
	char *got = unglue_comments("\t.a = 1,/* placeholder */\n", orig);

	assert_non_null(got);
	assert_string_equal(got, "\t.a = 1,\n");
	free(got);
	/* A line the original has as it is stays. */
	assert_null(unglue_comments("\tx,/* kept */\n", "\tx,/* kept */\n"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_member_paragraph_goes),
		cmocka_unit_test(test_other_comments_stay),
		cmocka_unit_test(test_glued_comment),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
