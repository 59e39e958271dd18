/* SPDX-License-Identifier: GPL-2.0-only */
/* iommu-pgsize corpus stub for include/linux/module.h and init.h. */
#ifndef _LINUX_MODULE_H
#define _LINUX_MODULE_H

#include <linux/compiler.h>
#include <linux/types.h>

struct module {
	const char	*name;
	atomic_t	refcnt;
};

extern struct module __this_module;
#define THIS_MODULE (&__this_module)

typedef int (*initcall_t)(void);
typedef void (*exitcall_t)(void);

#define module_init(initfn) \
	static initcall_t __used __PASTE(__initcall_, initfn) = initfn

#define module_exit(exitfn) \
	static exitcall_t __used __PASTE(__exitcall_, exitfn) = exitfn

#define subsys_initcall(fn)	module_init(fn)

#define MODULE_INFO(tag, info) \
	static const char __UNIQUE_ID(tag)[] __used = #tag "=" info

#define MODULE_LICENSE(_license)	MODULE_INFO(license, _license)
#define MODULE_AUTHOR(_author)		MODULE_INFO(author, _author)
#define MODULE_DESCRIPTION(_desc)	MODULE_INFO(description, _desc)

#define MODULE_DEVICE_TABLE(type, name) \
	extern typeof(name) __mod_##type##__##name##_device_table

#endif /* _LINUX_MODULE_H */
