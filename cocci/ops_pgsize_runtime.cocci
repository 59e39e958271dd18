// SPDX-License-Identifier: GPL-2.0-only
/// Page sizes belong to each domain, not to struct iommu_ops. Rewrite the
/// run-time uses of an ops object's pgsize_bitmap:
///  - a function that hands the ops value to an io-pgtable config reads
///    the domain's own pgsize_bitmap instead (the domain it copies the
///    restricted sizes back into, or the domain embedded in the struct its
///    parameter points to);
///  - a copy of the restricted sizes back into the ops object goes to
///    that domain;
///  - writes that merge each instance's sizes into the ops object (at
///    probe) go: every domain takes its instance's sizes when finalised.
/// With -D finalised the ops initializer (a placeholder such as -1UL) goes
/// too; with -D make_const an ops object left without writes becomes const.
///
// Confidence: Moderate
// Copyright: (C) 2026 iommu-pgsize developers.
// Comments: Correct when the domains get their sizes before the rewritten
//  reads run: from their allocators (cocci/ops_pgsize_constant.cocci) or
//  when they are finalised from their instance; iommu-pgsize checks that
//  with its domain-init rule before choosing this file.
// Options: --local-includes --include-headers-for-types

virtual patch
virtual context
virtual org
virtual report
virtual finalised
virtual make_const

@ops depends on patch@
identifier o;
@@
struct iommu_ops o = { ... };

// A function that copies the restricted sizes back names its domain.
@copyback_e depends on ops@
identifier f;
struct iommu_domain E;
struct io_pgtable_cfg C;
struct io_pgtable_cfg *CP;
@@
f(...)
{
<+...
E.pgsize_bitmap = \(C.pgsize_bitmap\|CP->pgsize_bitmap\);
...+>
}

@read_e depends on copyback_e@
identifier copyback_e.f, ops.o;
struct iommu_domain copyback_e.E;
@@
f(...)
{
<...
- o.pgsize_bitmap
+ E.pgsize_bitmap
...>
}

@copyback_d depends on ops@
identifier f;
struct iommu_domain *D;
struct io_pgtable_cfg C;
struct io_pgtable_cfg *CP;
@@
f(...)
{
<+...
D->pgsize_bitmap = \(C.pgsize_bitmap\|CP->pgsize_bitmap\);
...+>
}

@read_d depends on copyback_d@
identifier copyback_d.f, ops.o;
struct iommu_domain *copyback_d.D;
@@
f(...)
{
<...
- o.pgsize_bitmap
+ D->pgsize_bitmap
...>
}

// The allocators name the struct that embeds the domain.
@allocs depends on ops@
identifier ops.o, alloc;
identifier member = {domain_alloc_paging, domain_alloc_user, domain_alloc};
@@
struct iommu_ops o = {
	...,
	.member = alloc,
	...
};

@embed@
identifier allocs.alloc, F;
type T;
idexpression T *P;
@@
alloc(...)
{
... when any
return &P->F;
}

@read_p depends on embed@
identifier ops.o, embed.F, f, Q;
type embed.T;
expression E;
@@
f(..., T *Q, ...)
{
<...
(
- o.pgsize_bitmap = E;
+ Q->F.pgsize_bitmap = E;
|
- o.pgsize_bitmap
+ Q->F.pgsize_bitmap
)
...>
}

// Writes that merge each instance's sizes into the ops object.
@merged depends on ops@
identifier ops.o;
expression C, E1, E2;
assignment operator a1, a2;
@@
- if (C)
-	o.pgsize_bitmap a1 E1;
- else
-	o.pgsize_bitmap a2 E2;

@guarded depends on ops@
identifier ops.o;
expression C, E;
assignment operator a;
@@
- if (C)
-	o.pgsize_bitmap a E;

@stray depends on ops@
identifier ops.o;
expression E;
assignment operator a;
@@
- o.pgsize_bitmap a E;

@placeholder depends on ops && finalised@
identifier ops.o;
expression sizes;
@@
struct iommu_ops o = {
	...,
-	.pgsize_bitmap = sizes,
	...
};

// With its writes gone, the ops object can become const.
@still_written depends on ops@
identifier ops.o, fld;
expression E;
assignment operator a;
@@
o.fld a E

@const_ops depends on ops && make_const && !still_written@
identifier ops.o;
@@
- struct iommu_ops
+ const struct iommu_ops
  o;

@ctx depends on context@
identifier o;
@@
struct iommu_ops o = { ... };
...
* o.pgsize_bitmap

@rep depends on org || report@
identifier o;
position p;
@@
struct iommu_ops o = { ... };
...
o.pgsize_bitmap@p

@script:ocaml depends on report@
p << rep.p;
o << rep.o;
@@
let p = List.hd p in
Printf.printf "%s:%d:%d-%d: %s: run-time use of the ops page sizes; use the domain's\n"
  p.Coccilib.file p.Coccilib.line p.Coccilib.col p.Coccilib.col_end o

@script:ocaml depends on org@
p << rep.p;
o << rep.o;
@@
Coccilib.print_todo ~msg:(o ^ ": run-time use of the ops page sizes")
  (List.hd p)
