/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Where the program's data (cocci/, docs/) is, found from the binary's
 * own location so that an installed copy does not need its checkout.
 */
#ifndef IOMMU_PGSIZE_DATADIR_H
#define IOMMU_PGSIZE_DATADIR_H

/*
 * <bindir>/../share/iommu-pgsize when installed, the checkout's top when
 * run from it; NULL when neither holds cocci/. Resolved, not to be freed.
 */
const char *data_dir(void);

/* data_dir()/@rel, to be freed; NULL without a data directory. */
char *data_path(const char *rel);

#endif
