// SPDX-License-Identifier: GPL-2.0
/* kbuild's printed commands: split like a shell, the compile one found. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "fixture.h"
#include "lib/shellwords.h"
#include "scan/kbuild_cache.h"
#include "scan/kbuild_cmd.h"

/* Shortened from a real "make -n LLVM=-19 drivers/iommu/virtio-iommu.o". */
static const char dry_run[] =
	"set -e;  echo '  CC [M]  drivers/iommu/virtio-iommu.o';   trap 'rm -f drivers/iommu/virtio-iommu.o; trap - HUP; kill -s HUP $$' HUP;\n"
	"clang-19 -Wp,-MMD,drivers/iommu/.virtio-iommu.o.d -nostdinc -I./include \\\n"
	"-include /src/include/linux/kconfig.h -fms-extensions \\\n"
	"-DKBUILD_BASENAME='\"virtio_iommu\"' -DX=\"a\\\"b\" \\\n"
	"-c -o drivers/iommu/virtio-iommu.o /src/drivers/iommu/virtio-iommu.c   ;\n"
	"scripts/basic/fixdep drivers/iommu/.virtio-iommu.o.d drivers/iommu/virtio-iommu.o \\\n"
	"'clang-19 -c -o drivers/iommu/virtio-iommu.o /src/drivers/iommu/virtio-iommu.c'\n"
	"clang-19 -c -o drivers/iommu/other.o /src/drivers/iommu/other.c\n";

static void test_split_and_find(void **state)
{
	struct vec cmds = { 0 }, args = { 0 };
	struct vec *cmd;
	static const char *const want[] = {
		"-nostdinc", "-I./include", "-include",
		"/src/include/linux/kconfig.h", "-fms-extensions",
		"-DKBUILD_BASENAME=\"virtio_iommu\"", "-DX=a\"b",
	};
	size_t i;

	shell_commands(dry_run, &cmds);
	assert_null(kbuild_find_command(&cmds, "drivers/iommu/absent.c"));
	cmd = kbuild_find_command(&cmds, "drivers/iommu/virtio-iommu.c");
	assert_non_null(cmd);
	assert_string_equal(cmd->items[0], "clang-19");
	kbuild_parse_args(cmd, "drivers/iommu/virtio-iommu.c", &args);
	assert_int_equal(args.nr, ARRAY_SIZE(want));
	for (i = 0; i < args.nr; i++)
		assert_string_equal(args.items[i], want[i]);
	/* The fixdep line quotes the command as one word: not a compile. */
	cmd = kbuild_find_command(&cmds, "drivers/iommu/other.c");
	assert_non_null(cmd);
	assert_int_equal(cmd->nr, 5);
	vec_free(&args, free);
	vec_free(&cmds, shell_command_free);
}

/*
 * An external module's compile, as 6.12 prints it for M=/m (objects
 * named absolutely), and as 6.13 and later do from the module's
 * directory (the source and object named alone).
 */
static void test_module_commands(void **state)
{
	static const char abs_run[] =
		"clang-19 -nostdinc -c -o /m/sprd-iommu.o /m/sprd-iommu.c\n"
		"clang-19 -c -o /m/sub/x.o /m/sub/x.c\n";
	static const char local_run[] =
		"clang-19 -nostdinc -c -o sprd-iommu.o sprd-iommu.c\n";
	struct vec cmds = { 0 }, args = { 0 };
	struct vec *cmd;

	shell_commands(abs_run, &cmds);
	cmd = kbuild_find_command(&cmds, "sprd-iommu.c");
	assert_non_null(cmd);
	assert_string_equal(cmd->items[4], "/m/sprd-iommu.o");
	assert_ptr_equal(kbuild_find_command(&cmds, "sub/x.c"), cmds.items[1]);
	kbuild_parse_args(cmd, "sprd-iommu.c", &args);
	assert_int_equal(args.nr, 1);
	assert_string_equal(args.items[0], "-nostdinc");
	vec_free(&args, free);
	vec_free(&cmds, shell_command_free);
	shell_commands(local_run, &cmds);
	assert_non_null(kbuild_find_command(&cmds, "sprd-iommu.c"));
	vec_free(&cmds, shell_command_free);
}

/*
 * A tree whose Makefile prints a compile command like kbuild's; its -D
 * value comes from a file the dry run reads but that is not one of
 * kbuild's inputs, so it shows whether make ran again.
 */
static const char fake_makefile[] =
	"include drivers/x/Makefile\n"
	"%.o:\n"
	"\tclang-19 $(XFLAGS) -DSTAMP=$(shell cat $(srctree)/stamp) -c -o $@ $(srctree)/$*.c\n";

static char *stamp_of(const char *root, const char *objtree)
{
	char *rel = "drivers/x/a.c";
	struct strbuf stamp = { 0 };
	struct vec cmds = { 0 };
	const struct vec *argv;
	size_t i;

	assert_int_equal(kbuild_commands(root, objtree, "x86", "-19", false,
					 &rel, 1, &cmds), 0);
	assert_int_equal(cmds.nr, 1);
	argv = cmds.items[0];
	assert_non_null(argv);
	for (i = 0; i < argv->nr; i++) {
		if (starts_with(argv->items[i], "-DSTAMP=") ||
		    starts_with(argv->items[i], "-DX="))
			strbuf_addf(&stamp, "%s%s", stamp.len ? " " : "",
				    (char *)argv->items[i]);
		/* The source is named in the tree asked about. */
		if (ends_with(argv->items[i], ".c"))
			assert_true(starts_with(argv->items[i], root));
	}
	for (i = 0; i < cmds.nr; i++)
		shell_command_free(cmds.items[i]);
	vec_free(&cmds, NULL);
	return strbuf_detach(&stamp);
}

static void test_commands_kept_until_a_makefile_changes(void **state)
{
	char *root = fixture_tree(), *objtree = fixture_tree(), *src, *s, *copy;

	src = xasprintf("%s/", root);
	fixture_put(root, "Makefile", fake_makefile);
	fixture_put(root, "drivers/x/Makefile",
		    "srctree := $(CURDIR)\nXFLAGS := -DX=1\n");
	fixture_put(root, "drivers/x/a.c", "int a;\n");
	fixture_put(root, "stamp", "one");
	fixture_put(objtree, ".config", "CONFIG_X=y\n");

	s = stamp_of(src, objtree);
	assert_string_equal(s, "-DX=1 -DSTAMP=one");
	free(s);
	/* Nothing kbuild reads changed: the kept commands. */
	fixture_put(root, "stamp", "two");
	s = stamp_of(src, objtree);
	assert_string_equal(s, "-DX=1 -DSTAMP=one");
	free(s);
	/* A copy of the tree, under a quoted name: the same, in the copy. */
	copy = xasprintf("%s/a \"q\" copy/", objtree);
	mkdir(copy, 0755);
	fixture_put(copy, "Makefile", fake_makefile);
	fixture_put(copy, "drivers/x/Makefile",
		    "srctree := $(CURDIR)\nXFLAGS := -DX=1\n");
	fixture_put(copy, "drivers/x/a.c", "int a;\n");
	fixture_put(copy, "stamp", "copy");
	s = stamp_of(copy, objtree);
	assert_string_equal(s, "-DX=1 -DSTAMP=one");
	free(s);
	free(copy);
	/* The file's own Makefile changed: make runs again. */
	fixture_put(root, "drivers/x/Makefile",
		    "srctree := $(CURDIR)\nXFLAGS := -DX=2\n");
	s = stamp_of(src, objtree);
	assert_string_equal(s, "-DX=2 -DSTAMP=two");
	free(s);
	/* So does the configuration. */
	fixture_put(root, "stamp", "three");
	fixture_put(objtree, ".config", "CONFIG_X=m\n");
	s = stamp_of(src, objtree);
	assert_string_equal(s, "-DX=2 -DSTAMP=three");
	free(s);
	free(src);
	fixture_remove(root);
	fixture_remove(objtree);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_split_and_find),
		cmocka_unit_test(test_module_commands),
		cmocka_unit_test(test_commands_kept_until_a_makefile_changes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
