// SPDX-License-Identifier: GPL-2.0-only
/// Drop iommu_ops.pgsize_bitmap from an ops object whose allocators
/// already give every domain its page sizes: the core's fallback to the
/// ops value never fires for these domains, so the member only misleads.
///
// Confidence: Moderate
// Copyright: (C) 2026 iommu-pgsize developers.
// Comments: Correct only when every successful return of every paging
//  allocator sets the domain's pgsize_bitmap and nothing else reads the
//  ops member; iommu-pgsize chooses the files where that holds.
// Options: --no-includes --include-headers

virtual patch
virtual context
virtual org
virtual report

@drop depends on patch@
identifier o;
expression sizes;
@@
struct iommu_ops o = {
	...,
-	.pgsize_bitmap = sizes,
	...
};

@ctx depends on context@
identifier o;
expression sizes;
@@
struct iommu_ops o = {
	...,
*	.pgsize_bitmap = sizes,
	...
};

@rep depends on org || report@
identifier o;
expression sizes;
position p;
@@
struct iommu_ops o = {
	...,
	.pgsize_bitmap@p = sizes,
	...
};

@script:ocaml depends on report@
p << rep.p;
o << rep.o;
@@
let p = List.hd p in
Printf.printf "%s:%d:%d-%d: %s: the domains already get their page sizes; drop the ops member\n"
  p.Coccilib.file p.Coccilib.line p.Coccilib.col p.Coccilib.col_end o

@script:ocaml depends on org@
p << rep.p;
o << rep.o;
@@
Coccilib.print_todo ~msg:(o ^ ": drop the ops member, the domains have their sizes")
  (List.hd p)
