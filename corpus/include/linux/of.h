/* SPDX-License-Identifier: GPL-2.0+ */
/* iommu-pgsize corpus stub for include/linux/of.h. */
#ifndef _LINUX_OF_H
#define _LINUX_OF_H

#include <linux/mod_devicetable.h>
#include <linux/types.h>

struct device;

struct fwnode_handle {
	struct fwnode_handle	*secondary;
	struct device		*dev;
};

struct device_node {
	const char		*name;
	const char		*full_name;
	struct fwnode_handle	fwnode;
	struct device_node	*parent;
};

#define MAX_PHANDLE_ARGS 16
struct of_phandle_args {
	struct device_node	*np;
	int			args_count;
	u32			args[MAX_PHANDLE_ARGS];
};

bool of_device_is_compatible(const struct device_node *device,
			     const char *compat);
int of_property_read_u32(const struct device_node *np, const char *propname,
			 u32 *out_value);
bool of_property_read_bool(const struct device_node *np,
			   const char *propname);
const void *of_device_get_match_data(const struct device *dev);

#endif /* _LINUX_OF_H */
