// SPDX-License-Identifier: GPL-2.0
/* Whole files in and out, NUL bytes and all. */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "lib/fileio.h"
#include "lib/util.h"

static void test_round_trip(void **state)
{
	char tmpl[] = "/tmp/iommu-pgsize-test-XXXXXX";
	char *dir = mkdtemp(tmpl), *path, *text;
	size_t size;

	assert_non_null(dir);
	path = path_join(dir, "f");
	assert_int_equal(write_file(path, "a\0b\n", 4), 0);
	text = read_file(path, &size);
	assert_non_null(text);
	assert_int_equal(size, 4);
	assert_memory_equal(text, "a\0b\n", 4);
	free(text);
	/* Rewriting truncates. */
	assert_int_equal(write_file(path, "c", 1), 0);
	text = read_file(path, &size);
	assert_int_equal(size, 1);
	assert_memory_equal(text, "c", 1);
	free(text);
	unlink(path);
	free(path);
	/* A directory is neither read nor written as a file. */
	assert_int_equal(write_file(dir, "x", 1), -1);
	path = path_join(dir, "missing/f");
	assert_null(read_file(path, &size));
	assert_int_equal(write_file(path, "x", 1), -1);
	free(path);
	rmdir(dir);
}

/* Replacing keeps the mode and leaves no temporary file beside it. */
static void test_replace_whole(void **state)
{
	char tmpl[] = "/tmp/iommu-pgsize-test-XXXXXX";
	char *dir = mkdtemp(tmpl), *path;
	struct stat st;
	DIR *d;
	struct dirent *de;
	int entries = 0;

	assert_non_null(dir);
	path = path_join(dir, "f");
	assert_int_equal(write_file(path, "old", 3), 0);
	assert_int_equal(chmod(path, 0640), 0);
	assert_int_equal(write_file(path, "new", 3), 0);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0640);
	d = opendir(dir);
	while ((de = readdir(d)))
		entries += de->d_name[0] != '.';
	closedir(d);
	assert_int_equal(entries, 1);
	unlink(path);
	free(path);
	rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_replace_whole),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
