// SPDX-License-Identifier: GPL-2.0
#include <stdlib.h>
#include <string.h>

#include "rules/rules.h"
#include "scan/summaries.h"

/* The summary confirming "function:N", or NULL. */
static const struct store_summary *find(const struct inventory *inv,
					const char *need)
{
	const char *colon = strrchr(need, ':');
	size_t i;

	if (!colon)
		return NULL;
	for (i = 0; i < inv->summaries.nr; i++) {
		const struct store_summary *s = inv->summaries.items[i];

		if (strlen(s->function) == (size_t)(colon - need) &&
		    !strncmp(s->function, need, colon - need) &&
		    s->param == strtoul(colon + 1, NULL, 10))
			return s;
	}
	return NULL;
}

static void resolve(const struct inventory *inv, struct ops_object *ops,
		    struct verdict *v)
{
	struct strbuf through = { 0 }, where = { 0 };
	size_t i;

	for (i = 0; i < v->needs.nr; i++) {
		const struct store_summary *s = find(inv, v->needs.items[i]);

		if (!s) {
			strbuf_release(&through);
			return;
		}
		strbuf_addf(&through, "%s%s() in %s", i ? ", " : "",
			    s->function, s->file);
	}
	strbuf_addstr(&where, v->needs_where);
	for (i = 0; i < v->needs.nr; i++) {
		const struct store_summary *s = find(inv, v->needs.items[i]);

		names_join(&where, s->function);
	}
	v->verdict = OUTCOME_SETS;
	v->level = VERDICT_OK;
	free(v->detail);
	v->detail = xasprintf("every successful return of the allocators sets the domain's pgsize_bitmap (%s), through %s",
			      v->needs_where, through.buf);
	free(v->where);
	v->where = strbuf_detach(&where);
	free(v->subject);
	v->subject = NULL;
	free(v->loc.file);
	src_loc_set(&v->loc, ops->loc.file, ops->loc.line, ops->loc.col);
	strbuf_release(&through);
}

void summaries_resolve(struct inventory *inv)
{
	size_t i, j;

	for (i = 0; i < inv->ops.nr; i++) {
		struct ops_object *ops = inv->ops.items[i];

		for (j = 0; j < ops->verdicts.nr; j++) {
			struct verdict *v = ops->verdicts.items[j];

			if (!strcmp(v->rule, RULE_DOMAIN_INIT) && v->needs.nr)
				resolve(inv, ops, v);
		}
	}
}
