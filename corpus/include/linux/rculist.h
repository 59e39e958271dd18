/* SPDX-License-Identifier: GPL-2.0 */
/* iommu-pgsize corpus stub for include/linux/rculist.h. */
#ifndef _LINUX_RCULIST_H
#define _LINUX_RCULIST_H

#include <linux/list.h>

static inline void list_add_rcu(struct list_head *new, struct list_head *head)
{
	__list_add(new, head, head->next);
}

#endif /* _LINUX_RCULIST_H */
