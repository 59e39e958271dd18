/* SPDX-License-Identifier: GPL-2.0 */
/* iommu-pgsize corpus stub for include/linux/platform_device.h. */
#ifndef _PLATFORM_DEVICE_H_
#define _PLATFORM_DEVICE_H_

#include <linux/container_of.h>
#include <linux/device.h>
#include <linux/types.h>

struct device_node;

struct resource {
	resource_size_t	start;
	resource_size_t	end;
	const char	*name;
	unsigned long	flags;
};

struct platform_device {
	const char	*name;
	int		id;
	struct device	dev;
	u32		num_resources;
	struct resource	*resource;
};

#define to_platform_device(x) container_of((x), struct platform_device, dev)

struct platform_driver {
	int (*probe)(struct platform_device *pdev);
	void (*remove)(struct platform_device *pdev);
	struct device_driver driver;
};

static inline void *platform_get_drvdata(const struct platform_device *pdev)
{
	return dev_get_drvdata(&pdev->dev);
}

static inline void platform_set_drvdata(struct platform_device *pdev,
					void *data)
{
	dev_set_drvdata(&pdev->dev, data);
}

int platform_get_irq(struct platform_device *pdev, unsigned int num);
void __iomem *devm_platform_ioremap_resource(struct platform_device *pdev,
					     unsigned int index);
struct platform_device *of_find_device_by_node(struct device_node *np);

int platform_driver_register(struct platform_driver *drv);
void platform_driver_unregister(struct platform_driver *drv);

#define module_platform_driver(__platform_driver) \
	module_driver(__platform_driver, platform_driver_register, \
		      platform_driver_unregister)

#endif /* _PLATFORM_DEVICE_H_ */
