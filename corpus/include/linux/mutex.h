/* SPDX-License-Identifier: GPL-2.0 */
/* iommu-pgsize corpus stub for include/linux/mutex.h. */
#ifndef __LINUX_MUTEX_H
#define __LINUX_MUTEX_H

#include <linux/list.h>
#include <linux/types.h>

struct mutex {
	atomic64_t		owner;
	struct list_head	wait_list;
};

#define __MUTEX_INITIALIZER(lockname) \
	{ .owner = { 0 }, .wait_list = LIST_HEAD_INIT(lockname.wait_list) }

#define DEFINE_MUTEX(mutexname) \
	struct mutex mutexname = __MUTEX_INITIALIZER(mutexname)

void __mutex_init(struct mutex *lock, const char *name);
#define mutex_init(mutex)	__mutex_init((mutex), #mutex)

void mutex_lock(struct mutex *lock);
int __must_check mutex_lock_interruptible(struct mutex *lock);
int mutex_trylock(struct mutex *lock);
void mutex_unlock(struct mutex *lock);
bool mutex_is_locked(struct mutex *lock);

#define lockdep_assert_held(l)	do { (void)(l); } while (0)

#endif /* __LINUX_MUTEX_H */
