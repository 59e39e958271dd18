// SPDX-License-Identifier: GPL-2.0
/*
 * The result cache: an entry is used again exactly while the files the
 * parse read are unchanged, gives back what a parse gives, and a damaged
 * entry is only a miss.
 */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "fixture.h"
#include "lib/fileio.h"
#include "scan/inventory_json.h"
#include "scan/parse.h"
#include "scan/result_cache.h"

static const char sizes_h[] = "#define DRV_SIZES 0x1000\n";

static const char iommu_h[] =
	"struct iommu_domain { unsigned long pgsize_bitmap; };\n"
	"struct iommu_ops {\n"
	"	struct iommu_domain *(*domain_alloc_paging)(void *dev);\n"
	"	unsigned long pgsize_bitmap;\n"
	"};\n";

static const char driver_c[] =
	"#include <linux/iommu.h>\n"
	"#include \"sizes.h\"\n"
	"static struct iommu_domain dom;\n"
	"static struct iommu_domain *alloc(void *dev)\n"
	"{\n"
	"	dom.pgsize_bitmap = DRV_SIZES;\n"
	"	return &dom;\n"
	"}\n"
	"const struct iommu_ops drv_ops = {\n"
	"	.domain_alloc_paging = alloc,\n"
	"	.pgsize_bitmap = DRV_SIZES,\n"
	"};\n";

struct fixture {
	char *root;		/* the tree */
	char *cache;		/* the cache's directory */
	struct tree tree;
	struct parse_job job;
};

static int setup(void **state)
{
	struct fixture *fx = xcalloc(1, sizeof(*fx));

	fx->root = fixture_tree();
	fx->cache = fixture_tree();
	fixture_put(fx->root, "include/linux/iommu.h", iommu_h);
	fixture_put(fx->root, "drivers/sizes.h", sizes_h);
	fixture_put(fx->root, "drivers/drv.c", driver_c);
	if (tree_open(fx->root, &fx->tree))
		return -1;
	fx->job.rel = "drivers/drv.c";
	vec_push(&fx->job.args, xasprintf("-I%sinclude", fx->tree.root));
	vec_push(&fx->job.args, xstrdup("-w"));
	*state = fx;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *fx = *state;

	vec_free(&fx->job.args, free);
	tree_release(&fx->tree);
	fixture_remove(fx->root);
	fixture_remove(fx->cache);
	free(fx);
	return 0;
}

static char *dump(const struct inventory *inv)
{
	json_t *j = inventory_to_json(inv);
	char *text = json_dumps(j, JSON_SORT_KEYS);

	json_decref(j);
	return text;
}

/* Look the job up, parse it if the cache had nothing; the inventory. */
static char *scan_once(struct fixture *fx, bool *hit)
{
	struct result_cache *rc = result_cache_open(fx->cache, fx->tree.root);
	struct inventory inv = { 0 };
	char *text;

	assert_non_null(rc);
	fx->job.cached = result_cache_get(rc, &fx->job, false, &inv);
	*hit = fx->job.cached;
	parse_all(&fx->tree, &fx->job, 1, 1, false, rc, &inv);
	result_cache_close(rc);
	inventory_finish(&inv);
	text = dump(&inv);
	inventory_release(&inv);
	return text;
}

static void test_reused_while_unchanged(void **state)
{
	struct fixture *fx = *state;
	char *first, *second, *third;
	bool hit;

	first = scan_once(fx, &hit);
	assert_false(hit);
	assert_non_null(strstr(first, "\"pgsize_value\": 4096"));
	second = scan_once(fx, &hit);
	assert_true(hit);
	assert_string_equal(first, second);

	/* A header's new contents: parsed again, and the new value seen. */
	fixture_put(fx->root, "drivers/sizes.h", "#define DRV_SIZES 0x10000\n");
	third = scan_once(fx, &hit);
	assert_false(hit);
	assert_non_null(strstr(third, "\"pgsize_value\": 65536"));
	free(first);
	free(second);
	free(third);
}

static void test_arguments_are_part_of_the_key(void **state)
{
	struct fixture *fx = *state;
	char *first, *second;
	bool hit;

	first = scan_once(fx, &hit);
	vec_push(&fx->job.args, xstrdup("-DDRV_EXTRA=1"));
	second = scan_once(fx, &hit);
	assert_false(hit);
	free(first);
	free(second);
}

/* Every entry of the cache replaced with @text. */
static void damage_entries(const char *cache, const char *text)
{
	struct dirent *e, *f;
	DIR *top = opendir(cache), *sub;

	assert_non_null(top);
	while ((e = readdir(top))) {
		char *dir;

		if (e->d_name[0] == '.')
			continue;
		dir = path_join(cache, e->d_name);
		sub = opendir(dir);
		while (sub && (f = readdir(sub))) {
			char *path;

			if (f->d_name[0] == '.')
				continue;
			path = path_join(dir, f->d_name);
			assert_int_equal(write_file(path, text, strlen(text)),
					 0);
			free(path);
		}
		if (sub)
			closedir(sub);
		free(dir);
	}
	closedir(top);
}

static void test_damaged_entry_is_a_miss(void **state)
{
	struct fixture *fx = *state;
	static const char *const damage[] = {
		"not json",
		"{\"deps\": [], \"result\": {\"ops\": [{\"name\": 1}]}}",
		"{\"deps\": [[\"/nonexistent/x.h\", \"00\"]], \"result\": {}}",
	};
	char *first, *again;
	bool hit;
	size_t i;

	first = scan_once(fx, &hit);
	for (i = 0; i < ARRAY_SIZE(damage); i++) {
		damage_entries(fx->cache, damage[i]);
		again = scan_once(fx, &hit);
		assert_false(hit);
		assert_string_equal(first, again);
		free(again);
	}
	free(first);
}

static void test_enum_out_of_range_is_refused(void **state)
{
	struct inventory inv = { 0 };
	json_t *j = json_loads("{\"ops\": [{\"name\": \"o\", \"loc\": [\"f.c\", 1, 1], \"is_const\": true, \"is_static\": true, \"macro\": null, \"ops_member\": true, \"has_pgsize\": false, \"pgsize_loc\": [null, 0, 0], \"pgsize_expr\": null, \"pgsize_is_constant\": false, \"pgsize_value\": 0, \"alloc\": [], \"attach\": [], \"verdicts\": [{\"rule\": \"domain-init\", \"verdict\": 999, \"level\": 0, \"where\": null, \"field\": null, \"detail\": null, \"subject\": null, \"loc\": [null, 0, 0], \"needs\": [], \"needs_where\": null}], \"pgtable_format\": null, \"format_keeps_known\": false, \"format_keeps\": 0, \"instance\": null}], \"uses\": [], \"domain_sets\": [], \"parsed\": [], \"summaries\": [], \"files_scanned\": 0, \"files_skipped\": 0}",
			       0, NULL);

	assert_non_null(j);
	assert_int_equal(inventory_from_json(j, &inv), -1);
	assert_int_equal(inv.ops.nr, 0);
	json_decref(j);
}

/* A tree like the fixture's below @top, named @name, its sizes @value. */
static void other_tree(struct fixture *fx, const char *name, const char *value,
		       struct tree *tree)
{
	char *root = path_join(fx->cache, name), *sizes;

	mkdir(root, 0755);
	sizes = xasprintf("#define DRV_SIZES %s\n", value);
	fixture_put(root, "include/linux/iommu.h", iommu_h);
	fixture_put(root, "drivers/sizes.h", sizes);
	fixture_put(root, "drivers/drv.c", driver_c);
	assert_int_equal(tree_open(root, tree), 0);
	free(sizes);
	free(root);
}

/* The job of @tree (its own -I), its inventory through the cache. */
static char *scan_tree_once(struct fixture *fx, struct tree *tree,
			    const char *dir, bool *hit)
{
	struct parse_job job = { .rel = "drivers/drv.c" };
	struct result_cache *rc = result_cache_open(dir, tree->root);
	struct inventory inv = { 0 };
	char *text;

	vec_push(&job.args, xasprintf("-I%sinclude", tree->root));
	vec_push(&job.args, xstrdup("-w"));
	job.cached = result_cache_get(rc, &job, false, &inv);
	*hit = job.cached;
	parse_all(tree, &job, 1, 1, false, rc, &inv);
	result_cache_close(rc);
	inventory_finish(&inv);
	text = dump(&inv);
	inventory_release(&inv);
	vec_free(&job.args, free);
	return text;
}

/*
 * Copies of a tree share entries, whatever their directory is called (a
 * quote is escaped in the entry's JSON); a copy with other contents never
 * takes another's.
 */
static void test_copies_of_a_tree(void **state)
{
	struct fixture *fx = *state;
	char *dir = path_join(fx->cache, "entries"), *a, *b, *c;
	struct tree quoted, plain, same;
	bool hit;

	other_tree(fx, "a \"q\" 'b'", "0x1000", &quoted);
	other_tree(fx, "plain", "0x10000", &plain);
	other_tree(fx, "same", "0x1000", &same);
	a = scan_tree_once(fx, &quoted, dir, &hit);
	assert_false(hit);
	assert_non_null(strstr(a, "\"pgsize_value\": 4096"));
	c = scan_tree_once(fx, &same, dir, &hit);
	assert_true(hit);
	assert_string_equal(a, c);
	/* The same source file, another header: that entry is not its. */
	b = scan_tree_once(fx, &plain, dir, &hit);
	assert_false(hit);
	assert_non_null(strstr(b, "\"pgsize_value\": 65536"));
	free(a);
	free(b);
	free(c);
	tree_release(&quoted);
	tree_release(&plain);
	tree_release(&same);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_reused_while_unchanged,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_arguments_are_part_of_the_key,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_damaged_entry_is_a_miss,
						setup, teardown),
		cmocka_unit_test(test_enum_out_of_range_is_refused),
		cmocka_unit_test_setup_teardown(test_copies_of_a_tree,
						setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
