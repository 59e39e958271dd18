/* SPDX-License-Identifier: GPL-2.0 */
/*
 * iommu-pgsize corpus stub for include/linux/device.h, device/bus.h,
 * device/driver.h and dev_printk.h.
 */
#ifndef _DEVICE_H_
#define _DEVICE_H_

#include <linux/compiler.h>
#include <linux/gfp.h>
#include <linux/module.h>
#include <linux/types.h>

struct device_node;
struct fwnode_handle;
struct of_device_id;
struct dev_iommu;

struct device_driver {
	const char			*name;
	struct module			*owner;
	const struct of_device_id	*of_match_table;
	bool				suppress_bind_attrs;
};

struct device {
	struct device		*parent;
	const char		*init_name;
	struct device_driver	*driver;
	void			*platform_data;
	void			*driver_data;
	struct dev_iommu	*iommu;
	u64			*dma_mask;
	struct device_node	*of_node;
	struct fwnode_handle	*fwnode;
	int			numa_node;
};

static inline void *dev_get_drvdata(const struct device *dev)
{
	return dev->driver_data;
}

static inline void dev_set_drvdata(struct device *dev, void *data)
{
	dev->driver_data = data;
}

static inline const char *dev_name(const struct device *dev)
{
	return dev->init_name;
}

static inline int dev_to_node(struct device *dev)
{
	return dev->numa_node;
}

struct device *get_device(struct device *dev);
void put_device(struct device *dev);

typedef int (*device_match_t)(struct device *dev, const void *data);
int device_match_fwnode(struct device *dev, const void *fwnode);
struct device *driver_find_device(const struct device_driver *drv,
				  struct device *start, const void *data,
				  device_match_t match);

static inline struct device *
driver_find_device_by_fwnode(struct device_driver *drv,
			     const struct fwnode_handle *fwnode)
{
	return driver_find_device(drv, NULL, fwnode, device_match_fwnode);
}

void *devm_kzalloc(struct device *dev, size_t size, gfp_t gfp);
void devm_kfree(struct device *dev, const void *p);

void _dev_err(const struct device *dev, const char *fmt, ...) __printf(2, 3);
void _dev_warn(const struct device *dev, const char *fmt, ...) __printf(2, 3);
void _dev_notice(const struct device *dev, const char *fmt, ...)
	__printf(2, 3);
void _dev_info(const struct device *dev, const char *fmt, ...) __printf(2, 3);
int dev_err_probe(const struct device *dev, int err, const char *fmt, ...)
	__printf(3, 4);

#define dev_err(dev, fmt, ...)		_dev_err(dev, fmt, ##__VA_ARGS__)
#define dev_warn(dev, fmt, ...)		_dev_warn(dev, fmt, ##__VA_ARGS__)
#define dev_notice(dev, fmt, ...)	_dev_notice(dev, fmt, ##__VA_ARGS__)
#define dev_info(dev, fmt, ...)		_dev_info(dev, fmt, ##__VA_ARGS__)
#define dev_dbg(dev, fmt, ...)		_dev_info(dev, fmt, ##__VA_ARGS__)

/*
 * module_driver() - Helper macro for drivers that don't do anything
 * special in module init/exit.
 */
#define module_driver(__driver, __register, __unregister)		\
static int __init __driver##_init(void)					\
{									\
	return __register(&(__driver));					\
}									\
module_init(__driver##_init);						\
static void __exit __driver##_exit(void)				\
{									\
	__unregister(&(__driver));					\
}									\
module_exit(__driver##_exit)

#endif /* _DEVICE_H_ */
