/* SPDX-License-Identifier: GPL-2.0 */
/* iommu-pgsize corpus stub for include/linux/errno.h (asm-generic values). */
#ifndef _LINUX_ERRNO_H
#define _LINUX_ERRNO_H

#define EPERM		 1	/* Operation not permitted */
#define ENOENT		 2	/* No such file or directory */
#define EIO		 5	/* I/O error */
#define ENXIO		 6	/* No such device or address */
#define EAGAIN		11	/* Try again */
#define ENOMEM		12	/* Out of memory */
#define EFAULT		14	/* Bad address */
#define EBUSY		16	/* Device or resource busy */
#define EEXIST		17	/* File exists */
#define ENODEV		19	/* No such device */
#define EINVAL		22	/* Invalid argument */
#define ENOSPC		28	/* No space left on device */
#define ERANGE		34	/* Math result not representable */
#define EOPNOTSUPP	95	/* Operation not supported */
#define ETIMEDOUT	110	/* Connection timed out */

/* Kernel-internal */
#define EPROBE_DEFER	517	/* Driver requests probe retry */

#endif /* _LINUX_ERRNO_H */
