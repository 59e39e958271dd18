// SPDX-License-Identifier: GPL-2.0
/*
 * Function summaries: through which parameter a function stores the
 * page sizes of a domain, directly, through embedding structs, a local,
 * or a callee in the same translation unit.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "ast/cursor.h"
#include "ast/summary.h"
#include "lib/util.h"

#define SOURCE "/nonexistent/pt.c"

static const char text[] =
	"struct iommu_domain { unsigned long pgsize_bitmap; };\n"
	"struct pt { int levels; struct iommu_domain domain; };\n"
	"struct fmt { struct pt iommu; };\n"
	"static int set_domain(struct pt *t, struct iommu_domain *d)\n"
	"{ d->pgsize_bitmap = 0x1000; return 0; }\n"
	"int direct(int x, struct pt *t) { t->domain.pgsize_bitmap = 1; return x; }\n"
	"int via_local(struct fmt *f)\n"
	"{ struct pt *t = &f->iommu; return set_domain(t, &t->domain); }\n"
	"int only_adds(struct pt *t) { t->domain.pgsize_bitmap |= 2; return 0; }\n"
	"int reads(struct pt *t) { return t->domain.pgsize_bitmap != 0; }\n"
	"int global(void) { static struct pt g; g.domain.pgsize_bitmap = 1; return 0; }\n";

struct found {
	const char *name;
	int param;
};

static enum CXChildVisitResult visit(CXCursor c, CXCursor parent,
				     CXClientData data)
{
	struct found *f = data;
	char *name;

	if (clang_getCursorKind(c) != CXCursor_FunctionDecl)
		return CXChildVisit_Continue;
	name = cursor_spelling(c);
	if (!strcmp(name, f->name))
		f->param = summary_domain_param(c);
	free(name);
	return CXChildVisit_Continue;
}

static int param_of(const char *name)
{
	struct CXUnsavedFile file = {
		.Filename = SOURCE, .Contents = text, .Length = strlen(text),
	};
	const char *const args[] = { "-xc", "-w" };
	CXIndex index = clang_createIndex(0, 0);
	CXTranslationUnit tu = clang_parseTranslationUnit(index, SOURCE, args,
							  2, &file, 1, 0);
	struct found f = { .name = name, .param = -2 };

	assert_non_null(tu);
	clang_visitChildren(clang_getTranslationUnitCursor(tu), visit, &f);
	clang_disposeTranslationUnit(tu);
	clang_disposeIndex(index);
	return f.param;
}

static void test_direct_member(void **state)
{
	/* t->domain.pgsize_bitmap: the domain embedded in parameter 1. */
	assert_int_equal(param_of("direct"), 1);
	assert_int_equal(param_of("set_domain"), 1);
}

static void test_local_and_callee(void **state)
{
	/* t = &f->iommu, then set_domain(t, &t->domain): parameter 0. */
	assert_int_equal(param_of("via_local"), 0);
}

static void test_no_store(void **state)
{
	assert_int_equal(param_of("only_adds"), -1);
	assert_int_equal(param_of("reads"), -1);
	assert_int_equal(param_of("global"), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_direct_member),
		cmocka_unit_test(test_local_and_callee),
		cmocka_unit_test(test_no_store),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
