// SPDX-License-Identifier: GPL-2.0
#include <stdlib.h>
#include <string.h>

#include "scan/drivers.h"
#include "scan/findings.h"

void driver_free(void *p)
{
	struct driver *d = p;

	vec_free(&d->ops, NULL);
	vec_free(&d->uses, NULL);
	vec_free(&d->domain_sets, NULL);
	free(d);
}

static struct driver *find_driver(struct vec *drivers, const char *file,
				  bool create)
{
	struct driver *d;
	size_t i;

	for (i = 0; i < drivers->nr; i++) {
		d = drivers->items[i];
		if (!strcmp(d->file, file))
			return d;
	}
	if (!create)
		return NULL;
	d = xcalloc(1, sizeof(*d));
	d->file = file;
	vec_push(drivers, d);
	return d;
}

static int cmp_driver(const void *a, const void *b)
{
	const struct driver *da = *(const struct driver *const *)a;
	const struct driver *db = *(const struct driver *const *)b;

	return strcmp(da->file, db->file);
}

void group_drivers(const struct inventory *inv, struct vec *drivers)
{
	size_t i;

	for (i = 0; i < inv->ops.nr; i++) {
		const struct ops_object *ops = inv->ops.items[i];

		vec_push(&find_driver(drivers, ops->loc.file, true)->ops,
			 (void *)ops);
	}
	for (i = 0; i < inv->uses.nr; i++) {
		const struct ops_use *use = inv->uses.items[i];
		struct driver *d = find_driver(drivers, use_driver_file(use),
					       true);

		vec_push(&d->uses, (void *)use);
		d->uses_by_kind[use->kind]++;
	}
	for (i = 0; i < inv->domain_sets.nr; i++) {
		const struct domain_pgsize *set = inv->domain_sets.items[i];
		struct driver *d = find_driver(drivers, set->loc.file, false);

		if (d)
			vec_push(&d->domain_sets, (void *)set);
	}
	vec_sort(drivers, cmp_driver);
}
