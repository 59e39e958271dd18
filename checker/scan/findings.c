// SPDX-License-Identifier: GPL-2.0
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ast/cursor.h"
#include "scan/findings.h"

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

static unsigned long long fnv1a(unsigned long long h, const char *s)
{
	for (; s && *s; s++) {
		h ^= (unsigned char)*s;
		h *= 0x100000001b3ULL;
	}
	/* A separator, so that ("ab", "c") and ("a", "bc") differ. */
	h ^= 0xff;
	return h * 0x100000001b3ULL;
}

void finding_fingerprint(struct finding *f, const char *subject)
{
	unsigned long long h = 0xcbf29ce484222325ULL;
	char *norm = collapse_source(subject ? subject : "",
				     subject ? strlen(subject) : 0);

	h = fnv1a(h, f->rule);
	h = fnv1a(h, f->loc.file);
	h = fnv1a(h, f->function);
	h = fnv1a(h, norm);
	snprintf(f->fingerprint, sizeof(f->fingerprint), "%016llx", h);
	free(norm);
}

static struct finding *new_finding(const char *rule, const struct src_loc *loc,
				   const char *function)
{
	struct finding *f = xcalloc(1, sizeof(*f));

	src_loc_set(&f->loc, loc->file, loc->line, loc->col);
	f->rule = rule;
	f->severity = "warning";
	f->function = function ? xstrdup(function) : NULL;
	return f;
}

/* Verdicts that are violations, or worth a note, become findings. */
static void rule_verdicts(const struct inventory *inv, struct vec *out)
{
	size_t i, k;

	for (i = 0; i < inv->ops.nr; i++) {
		const struct ops_object *ops = inv->ops.items[i];

		for (k = 0; k < ops->verdicts.nr; k++) {
			const struct verdict *v = ops->verdicts.items[k];
			struct finding *f;
			char *first, *subject;

			if (v->level != VERDICT_FINDING &&
			    v->level != VERDICT_INFO)
				continue;
			first = v->where ? xstrndup(v->where,
						    strcspn(v->where, ",")) :
					   NULL;
			f = new_finding(v->rule, &v->loc, first);
			if (v->level == VERDICT_INFO)
				f->severity = "note";
			f->message = xasprintf("%s: %s: %s", ops->name,
					       outcome_name(v->verdict),
					       v->detail);
			subject = xasprintf("%s %s", ops->name,
					    v->subject ? v->subject : "");
			finding_fingerprint(f, subject);
			free(subject);
			vec_push(out, f);
			free(first);
		}
	}
}

static void rule_ops_pgsize(const struct inventory *inv, struct vec *out)
{
	size_t i;

	for (i = 0; i < inv->uses.nr; i++) {
		const struct ops_use *use = inv->uses.items[i];
		struct finding *f = new_finding(RULE_OPS_PGSIZE, &use->loc,
						use->function);
		char *subject = xasprintf("%s %s %s", use_kind_name(use->kind),
					  use->ops_name ? use->ops_name : "",
					  use->expr);

		f->message = ops_use_message(use);
		/* Against a kernel without the member it does not compile. */
		if (use->member_absent) {
			char *why = f->message;

			f->severity = "error";
			f->message = xasprintf("this kernel's struct iommu_ops has no pgsize_bitmap, so this does not compile: %s",
					       why);
			free(why);
		}
		finding_fingerprint(f, subject);
		free(subject);
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
	rule_verdicts(inv, out);
	vec_sort(out, cmp_finding);
}
