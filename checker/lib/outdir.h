/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Output directories, one rule for every command: never inside (or
 * holding) a directory the run reads; an existing one must be empty or
 * an earlier output of ours, marked by a stamp file, and is replaced
 * whole.
 */
#ifndef IOMMU_PGSIZE_OUTDIR_H
#define IOMMU_PGSIZE_OUTDIR_H

#include <stddef.h>

#define OUTPUT_STAMP ".iommu-pgsize-output"

/*
 * May @out be written, given the @n directories @reads (NULL entries
 * skipped) the run reads? 0, or -1 after saying why. Changes nothing.
 */
int output_dir_check(const char *out, const char *const *reads, size_t n);

/*
 * Empty @out (it passed output_dir_check()), create it, stamp it. A
 * signal removes it until output_dir_done(): the run is over, whole or
 * failed.
 */
int output_dir_prepare(const char *out);
void output_dir_done(const char *out);

#endif
