// SPDX-License-Identifier: GPL-2.0
#include <stdlib.h>
#include <string.h>

#include "findings.h"

void finding_free(void *p)
{
	struct finding *f = p;

	free(f->loc.file);
	free(f->function);
	free(f->message);
	free(f);
}

const char *use_driver_file(const struct ops_use *use)
{
	return use->ops_file ? use->ops_file : use->loc.file;
}

static char *ops_use_message(const struct ops_use *use)
{
	const char *obj = use->ops_name ? use->ops_name : "iommu_ops";
	const char *fn = use->function ? use->function : "file scope";

	switch (use->kind) {
	case USE_INIT:
		if (use->is_constant)
			return xasprintf("'%s' sets iommu_ops.pgsize_bitmap = %s (%#llx); page sizes belong in each domain's pgsize_bitmap",
					 obj, use->expr, use->value);
		return xasprintf("'%s' sets iommu_ops.pgsize_bitmap = %s; page sizes belong in each domain's pgsize_bitmap",
				 obj, use->expr);
	case USE_WRITE:
		return xasprintf("%s() writes %s.pgsize_bitmap at run time: %s",
				 fn, obj, use->expr);
	case USE_COMPOUND:
		return xasprintf("%s() updates %s.pgsize_bitmap at run time: %s",
				 fn, obj, use->expr);
	case USE_COMPARE:
		return xasprintf("%s() compares %s.pgsize_bitmap: %s", fn, obj,
				 use->expr);
	case USE_READ:
		break;
	}
	return xasprintf("%s() reads %s.pgsize_bitmap: %s", fn, obj,
			 use->expr);
}

static void rule_ops_pgsize(const struct inventory *inv, struct vec *out)
{
	size_t i;

	for (i = 0; i < inv->uses.nr; i++) {
		const struct ops_use *use = inv->uses.items[i];
		struct finding *f = xcalloc(1, sizeof(*f));

		src_loc_set(&f->loc, use->loc.file, use->loc.line,
			    use->loc.col);
		f->rule = RULE_OPS_PGSIZE;
		f->function = use->function ? xstrdup(use->function) : NULL;
		f->message = ops_use_message(use);
		vec_push(out, f);
	}
}

static int cmp_finding(const void *a, const void *b)
{
	const struct finding *fa = *(const struct finding *const *)a;
	const struct finding *fb = *(const struct finding *const *)b;
	int c = src_loc_cmp(&fa->loc, &fb->loc);

	if (!c)
		c = strcmp(fa->rule, fb->rule);
	return c ? c : strcmp(fa->message, fb->message);
}

void run_rules(const struct inventory *inv, struct vec *out)
{
	rule_ops_pgsize(inv, out);
	vec_sort(out, cmp_finding);
}
