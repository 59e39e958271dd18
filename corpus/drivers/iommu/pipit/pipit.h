/* SPDX-License-Identifier: GPL-2.0 */
#ifndef PIPIT_H
#define PIPIT_H

#include "pipit-types.h"

#endif
