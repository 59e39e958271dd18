// SPDX-License-Identifier: GPL-2.0-only
/// Page sizes belong to each domain, not to struct iommu_ops. For an ops
/// object whose .pgsize_bitmap is a constant, give every paging domain its
/// allocators return that constant and drop the ops member, so the core's
/// fallback to ops->pgsize_bitmap is no longer needed.
///
// Confidence: Moderate
// Copyright: (C) 2026 iommu-pgsize developers.
// Comments: Correct when the allocators belong to this ops object alone
//  and do not already set other sizes; iommu-pgsize chooses the files
//  where that holds. Returns of a static (identity or blocked) domain, of
//  the identity or blocked case of a legacy domain_alloc(type), NULL and
//  ERR_PTR() are left alone.
//  -D alloc=NAME limits the change to one allocator (the others set sizes
//  already). -D sizes='SZ_4K | SZ_2M' gives the domains that set instead
//  of the ops constant: the set the io-pgtable format restricts it to when
//  the driver copies the restricted set back at finalise.
// Options: --local-includes --include-headers-for-types

virtual patch
virtual context
virtual org
virtual report

@ops depends on patch@
identifier o, alloc;
identifier member = {domain_alloc_paging, domain_alloc_user, domain_alloc};
expression sizes;
@@
struct iommu_ops o = {
	...,
	.member = alloc,
	...,
	.pgsize_bitmap = sizes,
	...
};

@script:ocaml pick@
alloc << ops.alloc;
sizes << ops.sizes;
only << virtual.alloc = "";
narrowed << virtual.sizes = "";
fn;
value;
@@
if only <> "" && only <> alloc then Coccilib.include_match false;
fn := Coccilib.make_ident alloc;
value := Coccilib.make_expr (if narrowed = "" then sizes else narrowed)

// A legacy domain_alloc(type) also returns identity or blocked domains:
// only its paging path gets the sizes.
@non_paging@
identifier pick.fn;
expression E, T;
position p;
@@
fn(...)
{
<...
(
switch (T) {
case \(IOMMU_DOMAIN_IDENTITY\|IOMMU_DOMAIN_BLOCKED\):
	return@p E;
}
|
if (\(T == IOMMU_DOMAIN_IDENTITY\|T == IOMMU_DOMAIN_BLOCKED\))
	return@p E;
)
...>
}

@alloc_sets@
identifier pick.fn, I;
expression pick.value;
struct iommu_domain E;
idexpression struct iommu_domain *D;
position p != non_paging.p;
@@
fn(...)
{
<...
(
 return &I;
|
+E.pgsize_bitmap = value;
 return@p &E;
|
+D->pgsize_bitmap = value;
 return@p D;
)
...>
}

// Only once the domains have the sizes may the ops member go: later
// rules see the code the earlier ones transformed.
@have_sizes exists@
identifier pick.fn;
expression pick.value, X;
@@
fn(...)
{
... when any
(
X.pgsize_bitmap = value;
|
X->pgsize_bitmap = value;
)
... when any
}

@drop depends on have_sizes@
identifier ops.o;
expression ops.sizes;
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
Printf.printf "%s:%d:%d-%d: %s: move the constant pgsize_bitmap into the domains its allocators return\n"
  p.Coccilib.file p.Coccilib.line p.Coccilib.col p.Coccilib.col_end o

@script:ocaml depends on org@
p << rep.p;
o << rep.o;
@@
Coccilib.print_todo ~msg:(o ^ ": move the constant pgsize_bitmap into its domains")
  (List.hd p)
