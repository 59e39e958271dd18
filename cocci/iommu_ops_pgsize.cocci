// SPDX-License-Identifier: GPL-2.0-only
/// Page sizes belong to a domain's page table, not to a driver: find
/// struct iommu_ops objects that set .pgsize_bitmap and code that reads or
/// writes the ops member, so they can move to domain->pgsize_bitmap.
///
// Confidence: High
// Copyright: (C) 2026 iommu-pgsize developers.
// Comments: the inventory rule of iommu-pgsize; the migration rules do the
//  rewriting. Scripts are OCaml, so no Python is needed at run time.
// Options: --no-includes --include-headers

virtual context
virtual org
virtual report

@init_ctx depends on context@
identifier ops;
expression E;
@@
struct iommu_ops ops = {
	...,
*	.pgsize_bitmap = E,
	...
};

@member_ctx depends on context@
struct iommu_ops *o;
struct iommu_ops s;
@@
(
* o->pgsize_bitmap
|
* s.pgsize_bitmap
)

@init depends on org || report@
identifier ops;
expression E;
position p;
@@
struct iommu_ops ops = {
	...,
	.pgsize_bitmap@p = E,
	...
};

@member depends on org || report@
struct iommu_ops *o;
struct iommu_ops s;
position p;
@@
(
 o->pgsize_bitmap@p
|
 s.pgsize_bitmap@p
)

@script:ocaml depends on report@
p << init.p;
ops << init.ops;
@@
let p = List.hd p in
Printf.printf "%s:%d:%d-%d: iommu_ops %s sets pgsize_bitmap; set each domain's pgsize_bitmap instead\n"
  p.Coccilib.file p.Coccilib.line p.Coccilib.col p.Coccilib.col_end ops

@script:ocaml depends on report@
p << member.p;
@@
let p = List.hd p in
Printf.printf "%s:%d:%d-%d: use of iommu_ops.pgsize_bitmap\n"
  p.Coccilib.file p.Coccilib.line p.Coccilib.col p.Coccilib.col_end

@script:ocaml depends on org@
p << init.p;
ops << init.ops;
@@
Coccilib.print_todo ~msg:("iommu_ops " ^ ops ^ " sets pgsize_bitmap")
  (List.hd p)

@script:ocaml depends on org@
p << member.p;
@@
Coccilib.print_todo ~msg:"use of iommu_ops.pgsize_bitmap" (List.hd p)
