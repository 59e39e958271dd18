/* SPDX-License-Identifier: GPL-2.0 */
/* The words of a series: commit messages and the cover letter's blurb. */
#ifndef IOMMU_PGSIZE_SERIES_TEXT_H
#define IOMMU_PGSIZE_SERIES_TEXT_H

#include "series/plan.h"

struct person {
	const char *name;
	const char *email;
};

/* Wrap @text into lines of at most @width columns, keeping blank lines. */
char *wrap_text(const char *text, unsigned int width);

/* "iommu/sun50i" for drivers/iommu/sun50i-iommu.c, when history is silent. */
char *subject_prefix_from_path(const char *rel);

char *commit_message(const struct plan_entry *e, const char *prefix,
		     const struct person *by);
/* The last patch: the core fallback and the ops member go. */
char *core_commit_message(const char *prefix, const struct person *by);
/*
 * The cover letter's text, wrapped; @core: the series removes the member.
 * @module: a sentence naming the kernel an external module was checked
 * against, said instead of the core's fate (NULL in a kernel tree).
 */
char *cover_blurb(const struct vec *plan, bool core, const char *module);

#endif
