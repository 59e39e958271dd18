/* SPDX-License-Identifier: GPL-2.0 */
#ifndef IOMMU_PGSIZE_SERIES_H
#define IOMMU_PGSIZE_SERIES_H

int cmd_series(int argc, char **argv);

#endif
