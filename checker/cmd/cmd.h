/* SPDX-License-Identifier: GPL-2.0 */
/* The commands main() dispatches to: each returns the exit status. */
#ifndef IOMMU_PGSIZE_CMD_H
#define IOMMU_PGSIZE_CMD_H

int cmd_scan(int argc, char **argv);
int cmd_series(int argc, char **argv);
int cmd_lint(int argc, char **argv);
int cmd_report(int argc, char **argv);

#endif
