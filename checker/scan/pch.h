/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A precompiled header of the headers most candidate files include. Kernel
 * headers are most of every parse, and drivers include the same ones.
 */
#ifndef IOMMU_PGSIZE_PCH_H
#define IOMMU_PGSIZE_PCH_H

#include <jansson.h>

#include "scan/flags.h"
#include "model/model.h"
#include "scan/parse.h"

struct pch {
	char *dir;		/* temporary directory holding it */
	char *path;		/* the .pch file, NULL when there is none */
	unsigned int headers;
	json_t *inv;		/* what its headers show, for the result cache */
	struct vec deps;	/* the files it read */
};

/*
 * Build a PCH for @files (four or more) if the flags allow one; what its
 * headers show is collected into @inv, since files using it no longer
 * walk them. On failure pch->path stays NULL and files are parsed
 * without it.
 */
void pch_build(struct pch *pch, const struct tree *tree, struct flags *flags,
	       const struct vec *files, struct inventory *inv);
void pch_remove(struct pch *pch);

/* Headers included with <> by at least @percent% of @files (and two). */
void common_includes(const struct tree *tree, const struct vec *files,
		     unsigned int percent, struct vec *out);

#endif
