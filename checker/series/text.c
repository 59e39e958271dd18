// SPDX-License-Identifier: GPL-2.0
/*
 * What the series says: a commit message per driver that states the old
 * and the new page sizes and why they are the same (or, for sizes the
 * io-pgtable format restricts, why the new constant is that subset), the
 * core patch's message and the cover letter.
 */
#include <stdlib.h>
#include <string.h>

#include "series/text.h"
#include "lib/util.h"

/* Stands for a space that wrap_text() must not break at. */
#define NBSP ('\x01')

char *subject_prefix_from_path(const char *rel)
{
	const char *base = strrchr(rel, '/');
	char *name = xstrdup(base ? base + 1 : rel);
	char *p, *prefix;

	p = strrchr(name, '.');
	if (p)
		*p = '\0';
	p = strstr(name, "-iommu");
	if (!p)
		p = strstr(name, "_iommu");
	/* mtk_iommu_v1: keep what follows the word, to tell it from mtk. */
	if (p && p != name) {
		char *rest = p + strlen("-iommu");

		if (*rest == '_' || *rest == '-')
			*p++ = '-', rest++;
		memmove(p, rest, strlen(rest) + 1);
	}
	/* drivers/iommu/intel/iommu.c: the directory names the driver. */
	if (!strcmp(name, "iommu") && base && base > rel) {
		const char *dir = base - 1;

		while (dir > rel && dir[-1] != '/')
			dir--;
		free(name);
		name = xstrndup(dir, base - dir);
	}
	/* drivers/iommu/iommu.c is the subsystem's own core. */
	prefix = !strcmp(name, "iommu") ? xstrdup(name) :
		xasprintf("iommu/%s", name);
	free(name);
	return prefix;
}

char *wrap_text(const char *text, unsigned int width)
{
	struct strbuf sb = { 0 };
	unsigned int col = 0;
	const char *p = text;

	while (*p) {
		size_t word = strcspn(p, "\n ");

		if (word && col && col + 1 + word > width) {
			strbuf_add(&sb, "\n", 1);
			col = 0;
		} else if (word && col) {
			strbuf_add(&sb, " ", 1);
			col++;
		}
		strbuf_add(&sb, p, word);
		col += word;
		p += word;
		if (*p == '\n' && p[1] == '\n') {
			strbuf_addstr(&sb, "\n\n");
			col = 0;
			p += 2;
		} else if (*p) {
			p++;
		}
	}
	strbuf_add(&sb, "\n", 1);
	return strbuf_detach(&sb);
}

/* One line per allocator list: "a()", "a() and b()". */
static char *function_list(const char *csv)
{
	struct strbuf sb = { 0 };
	char *copy = xstrdup(csv), *name, *save = NULL;
	unsigned int n = 0;

	for (name = strtok_r(copy, ",", &save); name;
	     name = strtok_r(NULL, ",", &save))
		strbuf_addf(&sb, "%s%s()", n++ ? " and " : "", name);
	free(copy);
	return strbuf_detach(&sb);
}

/* The last name of a comma-separated list. */
static const char *last_name(const char *csv)
{
	const char *comma = csv ? strrchr(csv, ',') : NULL;

	return comma ? comma + 1 : csv ? csv : "";
}

/* Keep @s on one line when wrapping. */
static char *unbreakable(const char *s)
{
	char *copy = xstrdup(s), *p;

	for (p = copy; *p; p++)
		if (*p == ' ')
			*p = NBSP;
	return copy;
}

static void add_runtime(struct strbuf *sb, const struct plan_entry *e)
{
	bool made_const = false;
	size_t i;

	for (i = 0; i < e->runtime_defines.nr; i++)
		made_const |= !strcmp(e->runtime_defines.items[i],
				      "make_const");
	if (!e->reads && !e->copies_back && !e->merges)
		return;
	strbuf_addf(sb, "The driver also uses %s.pgsize_bitmap at run time:",
		    e->ops->name);
	if (e->reads)
		strbuf_addstr(sb, " what read it (to configure io-pgtable) now reads the domain's own pgsize_bitmap;");
	if (e->copies_back)
		strbuf_addstr(sb, " the sizes io-pgtable restricts are copied into the domain instead of the ops object;");
	if (e->merges)
		strbuf_addf(sb, " the writes that %s each instance's sizes into the ops object go;",
			    e->overwrites ? "store" : "merge");
	sb->buf[sb->len - 1] = '.';
	if (made_const)
		strbuf_addstr(sb, " Without writes the ops object can be const.");
	strbuf_addstr(sb, "\n\n");
}

static void add_move(struct strbuf *sb, const struct plan_entry *e,
		     const char *fns, bool many)
{
	const struct ops_object *ops = e->ops;
	char *old = unbreakable(ops->pgsize_expr);
	char *new = unbreakable(e->sizes);

	strbuf_addf(sb, "%s describes the page sizes of its domains in iommu_ops.pgsize_bitmap, and %s %s domains without them: they get the value only from the core's fallback in __iommu_domain_alloc(). Page sizes belong to each domain's page table, and that fallback is going away.\n\n",
		    ops->name, fns, many ? "return" : "returns");
	add_runtime(sb, e);
	if (!e->narrowed) {
		strbuf_addf(sb, "Set the domain's pgsize_bitmap in %s and drop the ops member. The domains keep exactly the page sizes they had: %s (%#llx).\n\n",
			    fns, old, e->value);
		goto out;
	}
	strbuf_addf(sb, "%s() hands those sizes to io-pgtable (%s), which keeps only the sizes it can map, and copies that subset back into the domain: old %s (%#llx), new %s (%#llx), for the page-table granule a 4K PAGE_SIZE kernel uses. So set the restricted set, not the ops value, in %s and drop the ops member.\n\n",
		    last_name(e->finaliser), ops->pgtable_format, old,
		    ops->pgsize_value, new, e->value, fns);
	strbuf_addf(sb, "Once finalised the domains have exactly the sizes they had; between allocation and finalise they now claim %s instead of %s, sizes they could not map anyway.\n\n",
		    new, old);
out:
	free(old);
	free(new);
}

/* What a domain had before finalise: what the ops held at allocation. */
static const char *sizes_before_finalise(const struct plan_entry *e,
					 const char *placeholder)
{
	if (!e->merges)
		return placeholder;
	return e->overwrites ? "the sizes of the instance probed last" :
		"the merged sizes of the instances probed so far";
}

/* The allocator finds the instance from the device, as attach does. */
static void add_instance(struct strbuf *sb, const struct plan_entry *e,
			 const char *before)
{
	const struct instance_path *ip = e->instance;
	char *init = unbreakable(ip->anchor_init);
	char *sizes = unbreakable(ip->sizes);

	if (ip->wrap)
		strbuf_addf(sb, "%s() is given only the domain type, not the device. Add %s_paging(), which the core calls with the device for every paging domain: it allocates the domain through %s(IOMMU_DOMAIN_UNMANAGED) and gives it %s, finding the instance the way attach does (%s = %s). %s() treats IOMMU_DOMAIN_DMA and IOMMU_DOMAIN_UNMANAGED alike, and the core still calls it for the other domain types.\n\n",
			    ip->allocator, ip->allocator, ip->allocator, sizes,
			    ip->anchor, init, ip->allocator);
	else
		strbuf_addf(sb, "%s() is given the device: let it find the instance the way attach does (%s = %s) and give the domain %s.\n\n",
			    ip->allocator, ip->anchor, init, sizes);
	strbuf_addf(sb, "Drop the ops member%s. After attach the domains have exactly the page sizes they had. At allocation they now have their own instance's sizes instead of %s; the first attach sets them as before. A domain allocated without a device (iommu_domain_alloc(bus)) has none until its first attach gives them, and cannot map before that.\n\n",
		    e->merges ? " and its run-time writes" : "",
		    before ? before : "the ops value");
	free(init);
	free(sizes);
}

static void add_finalised(struct strbuf *sb, const struct plan_entry *e)
{
	const struct ops_object *ops = e->ops;
	char *old = ops->has_pgsize ? unbreakable(ops->pgsize_expr) : NULL;
	const char *before = sizes_before_finalise(e, old);

	if (old)
		strbuf_addf(sb, "%s sets iommu_ops.pgsize_bitmap to the placeholder %s. ",
			    ops->name, old);
	else
		strbuf_addf(sb, "%s gets its iommu_ops.pgsize_bitmap only at run time. ",
			    ops->name);
	if (e->instance) {
		strbuf_addf(sb, "%s() gives each domain the page sizes of its own IOMMU instance at the first attach, and %s() returns domains without any: until that attach they had the ops value. They need sizes before it: the core maps a device's direct regions into its new DMA domain before attaching it, and iommu_create_device_direct_mappings() cannot map into a domain without page sizes. Page sizes belong to each domain's page table, and the core's fallback to the ops member is going away.\n\n",
			    last_name(e->finaliser), e->instance->allocator);
		add_runtime(sb, e);
		add_instance(sb, e, before);
		goto out;
	}
	strbuf_addf(sb, "Its domains never map with an ops-level value: %s() gives each domain the page sizes of its own IOMMU instance when it is finalised: by the allocator when it is given the device, else at the first attach, before the domain can be used. Page sizes belong to each domain's page table, and the core's fallback to the ops member is going away.\n\n",
		    last_name(e->finaliser));
	add_runtime(sb, e);
	strbuf_addf(sb, "Drop the ops member%s. After finalise the domains have exactly the page sizes they had",
		    e->merges ? " and its run-time writes" : "");
	if (before)
		strbuf_addf(sb, "; before it they no longer claim %s, which no map could use",
			    before);
	strbuf_addstr(sb, ".\n\n");
out:
	free(old);
}

static char *message_body(const struct plan_entry *e)
{
	const struct ops_object *ops = e->ops;
	char *fns = function_list(e->allocators);
	bool many = strchr(e->allocators, ',') != NULL;
	struct strbuf sb = { 0 };
	char *old;

	switch (e->how) {
	case MIGRATE_DROP:
		old = unbreakable(ops->pgsize_expr);
		strbuf_addf(&sb, "%s of %s already %s its page sizes, so the core's fallback to iommu_ops.pgsize_bitmap never fires for these domains and the ops member (%s) only misleads. Page sizes belong to each domain's page table: drop the member.\n\n",
			    fns, ops->name, many ?
			    "give every domain they return" :
			    "gives every domain it returns", old);
		add_runtime(&sb, e);
		strbuf_addstr(&sb, "The domains keep exactly the page sizes they had.\n\n");
		free(old);
		break;
	case MIGRATE_FINALISED:
		add_finalised(&sb, e);
		break;
	default:
		add_move(&sb, e, fns, many);
		break;
	}
	strbuf_addstr(&sb, "Generated with iommu-pgsize (");
	for (size_t i = 0; e->rules[i]; i++)
		strbuf_addf(&sb, "%scocci/%s", i ? ", " : "", e->rules[i]);
	strbuf_addstr(&sb, ").");
	free(fns);
	return strbuf_detach(&sb);
}

static char *finish_message(const char *subject, const char *body,
			    const struct person *by)
{
	char *wrapped = wrap_text(body, 72), *p, *msg;

	for (p = wrapped; *p; p++)
		if (*p == NBSP)
			*p = ' ';
	msg = xasprintf("%s\n\n%s\nSigned-off-by: %s <%s>\n", subject,
			wrapped, by->name, by->email);
	free(wrapped);
	return msg;
}

static const char *subject_of(const struct plan_entry *e)
{
	switch (e->how) {
	case MIGRATE_DROP:
		return "Drop iommu_ops page sizes its domains never use";
	case MIGRATE_FINALISED:
		return e->instance ?
			"Size domains from their instance at allocation" :
			"Take page sizes from the instance only";
	default:
		return "Give domains their page sizes, not iommu_ops";
	}
}

char *commit_message(const struct plan_entry *e, const char *prefix,
		     const struct person *by)
{
	char *body = message_body(e);
	char *subject = xasprintf("%s: %s", prefix, subject_of(e));
	char *msg = finish_message(subject, body, by);

	free(subject);
	free(body);
	return msg;
}

char *core_commit_message(const char *prefix, const struct person *by)
{
	char *subject = xasprintf("%s: Remove iommu_ops.pgsize_bitmap", prefix);
	char *msg = finish_message(subject,
		"Every driver now gives its domains their page sizes, from their allocators or from their IOMMU instance when they are finalised, and no driver sets or reads iommu_ops.pgsize_bitmap any more. Page sizes are a property of a page table, not of a driver.\n\n"
		"Remove the fallback in __iommu_domain_alloc() that copied the ops value into domains without page sizes, and the member with its kernel-doc. A domain without page sizes now fails every map instead of silently claiming sizes its instance may not support.\n\n"
		"Generated with iommu-pgsize (cocci/" RULE_FILE_CORE ").", by);

	free(subject);
	return msg;
}

static void blurb_list(struct strbuf *sb, const struct vec *plan, bool done)
{
	bool any = false;
	size_t i;

	for (i = 0; i < plan->nr; i++) {
		const struct plan_entry *e = plan->items[i];
		const char *what;

		if ((e->how != MIGRATE_NONE) != done)
			continue;
		if (!any)
			strbuf_addstr(sb, done ? "Migrated:\n\n" :
				      "Not migrated by this series (no patch):\n\n");
		any = true;
		if (!done) {
			strbuf_addf(sb, "  %s %s:\n    %s\n", e->ops->loc.file,
				    e->ops->name, e->reason);
			continue;
		}
		what = e->how == MIGRATE_DROP ?
			"dropped: the domains set their own" :
			e->instance ?
			"dropped: allocation takes the instance's sizes" :
			e->how == MIGRATE_FINALISED ?
			"dropped: the instance gives each domain its sizes" :
			e->narrowed ? "moved to the domains, restricted" :
			"moved to the domains";
		strbuf_addf(sb, "  %s %s: %s", e->ops->loc.file, e->ops->name,
			    e->ops->has_pgsize ? e->ops->pgsize_expr :
			    "(written at run time)");
		if (e->narrowed)
			strbuf_addf(sb, " -> %s (%#llx)", e->sizes, e->value);
		else if (e->how == MIGRATE_MOVE)
			strbuf_addf(sb, " (%#llx)", e->value);
		strbuf_addf(sb, ", %s\n", what);
	}
	if (any)
		strbuf_addstr(sb, "\n");
}

/* Keep the list lines of the blurb as they are; wrap the prose. */
static char *format_blurb(const char *blurb)
{
	struct strbuf sb = { 0 };
	const char *p = blurb;

	while (*p) {
		const char *end = strstr(p, "\n\n");
		size_t len = end ? (size_t)(end - p) : strlen(p);
		char *para = xstrndup(p, len);

		if (para[0] == ' ' || strstr(para, ":\n")) {
			strbuf_addstr(&sb, para);
			strbuf_addstr(&sb, "\n");
		} else {
			char *w = wrap_text(para, 72);

			strbuf_addstr(&sb, w);
			free(w);
		}
		free(para);
		p += len;
		if (*p) {
			strbuf_addstr(&sb, "\n");
			p += 2;
		}
	}
	return strbuf_detach(&sb);
}


char *cover_blurb(const struct vec *plan, bool core, const char *module)
{
	struct strbuf sb = { 0 };
	char *text;

	strbuf_addstr(&sb, "Page sizes are a property of a page table, not of a driver: one driver can run IOMMU instances with different capabilities, and the core gives every domain its own pgsize_bitmap. The drivers below still describe page sizes in struct iommu_ops and rely on the core copying ops->pgsize_bitmap into domains that have none. Each patch gives the domains their sizes where they are allocated or finalised, with exactly the value they had once finalised, and drops the ops member.\n\n");
	blurb_list(&sb, plan, true);
	blurb_list(&sb, plan, false);
	if (module)
		strbuf_addf(&sb, "%s\n", module);
	else
		strbuf_addstr(&sb, core ?
			      "The last patch removes the core fallback in __iommu_domain_alloc() and the iommu_ops member.\n" :
			      "The core fallback in __iommu_domain_alloc() and the iommu_ops member stay until every driver above is migrated.\n");
	text = format_blurb(sb.buf);
	strbuf_release(&sb);
	return text;
}
