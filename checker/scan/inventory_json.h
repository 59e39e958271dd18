/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A translation unit's inventory as JSON and back, whole: every field the
 * scan keeps, for the result cache (not an output format; see
 * output_json.c for that).
 */
#ifndef IOMMU_PGSIZE_INVENTORY_JSON_H
#define IOMMU_PGSIZE_INVENTORY_JSON_H

#include <jansson.h>

#include "model/model.h"

json_t *inventory_to_json(const struct inventory *inv);
/* Add what @j holds to @inv; 0, or -1 if @j is not such a document. */
int inventory_from_json(const json_t *j, struct inventory *inv);

#endif
