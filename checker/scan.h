/* SPDX-License-Identifier: GPL-2.0 */
#ifndef IOMMU_PGSIZE_SCAN_H
#define IOMMU_PGSIZE_SCAN_H

int cmd_scan(int argc, char **argv);

#endif
