/* SPDX-License-Identifier: GPL-2.0 */
#ifndef IOMMU_PGSIZE_SERIES_H
#define IOMMU_PGSIZE_SERIES_H

int cmd_series(int argc, char **argv);

/* Wrap @text into lines of at most @width columns, keeping blank lines. */
char *wrap_text(const char *text, unsigned int width);

/* "iommu/sun50i" for drivers/iommu/sun50i-iommu.c, when history is silent. */
char *subject_prefix_from_path(const char *rel);

#endif
