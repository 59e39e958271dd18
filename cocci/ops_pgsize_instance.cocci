// SPDX-License-Identifier: GPL-2.0-only
/// Page sizes belong to each domain, not to struct iommu_ops. A driver
/// whose domains take their page sizes from their IOMMU instance only when
/// first attached relied on the ops value until then: the core maps a
/// device's direct regions into a new DMA domain before attaching it.
/// Give the domain its instance's sizes when it is allocated, finding the
/// instance from the device the way the driver's attach path does.
///  - An allocator given the device (domain_alloc_paging) sets them itself.
///  - A legacy domain_alloc(type) gets a domain_alloc_paging wrapper that
///    allocates a paging domain through it and sets them; the core calls
///    the wrapper for paging domains, domain_alloc() for the rest.
/// Without a device (iommu_domain_alloc(bus)) the domain still gets its
/// sizes at its first attach.
///
// Confidence: Moderate
// Copyright: (C) 2026 iommu-pgsize developers.
// Comments: Needs the derivation as defines, which iommu-pgsize takes from
//  the attach path: -D alloc=ALLOCATOR, -D anchor_type='struct x *',
//  -D anchor=NAME, -D anchor_init='EXPR(dev)' and -D sizes='EXPR(NAME)'.
//  -D wrap asks for the domain_alloc_paging wrapper of a legacy
//  allocator, which iommu-pgsize offers only when the allocator treats
//  every paging domain type alike. Without those defines nothing changes.
// Options: --local-includes --include-headers-for-types

virtual patch
virtual context
virtual org
virtual report
virtual wrap

@script:ocaml pick depends on patch@
alloc << virtual.alloc = "";
anchor_type << virtual.anchor_type = "";
anchor << virtual.anchor = "";
anchor_init << virtual.anchor_init = "";
sizes << virtual.sizes = "";
fn;
ty;
v;
init;
value;
@@
if alloc = "" || anchor = "" then Coccilib.include_match false;
fn := Coccilib.make_ident alloc;
ty := Coccilib.make_type anchor_type;
v := Coccilib.make_ident anchor;
init := Coccilib.make_expr anchor_init;
value := Coccilib.make_expr sizes

// The allocator is given the device: find the instance at its top, set
// the sizes before every return of a paging domain.
@given_dev depends on patch && !wrap@
identifier pick.fn, pick.v, dev;
type pick.ty;
expression pick.init;
@@
fn(struct device *dev)
{
+ty v = dev ? init : NULL;
...
}

@sets_given depends on given_dev@
identifier pick.fn, pick.v, I;
expression pick.value;
struct iommu_domain E;
idexpression struct iommu_domain *D;
@@
fn(...)
{
<...
(
 return &I;
|
+if (v)
+	E.pgsize_bitmap = value;
 return &E;
|
+if (v)
+	D->pgsize_bitmap = value;
 return D;
)
...>
}

// A legacy allocator is never given the device: wrap it.
@wrapped depends on patch && wrap@
identifier pick.fn, pick.v;
type pick.ty;
expression pick.init, pick.value;
fresh identifier paging = fn ## "_paging";
@@
fn(...)
{
...
}
+
+static struct iommu_domain *paging(struct device *dev)
+{
+	ty v = dev ? init : NULL;
+	struct iommu_domain *domain;
+
+	domain = fn(IOMMU_DOMAIN_UNMANAGED);
+	if (!IS_ERR_OR_NULL(domain) && v)
+		domain->pgsize_bitmap = value;
+	return domain;
+}

@wrapper_ops depends on wrapped@
identifier o, pick.fn, wrapped.paging;
@@
struct iommu_ops o = {
	...,
	.domain_alloc = fn,
+	.domain_alloc_paging = paging,
	...
};

// Without the derivation (make coccicheck): point at the allocators whose
// domains leave the allocator without page sizes, so that they rely on
// the ops value until something else gives them theirs.
@bare depends on context || report || org@
identifier o, alloc;
identifier member = {domain_alloc_paging, domain_alloc};
@@
struct iommu_ops o = {
	...,
	.member = alloc,
	...
};

@unsized depends on bare@
identifier bare.alloc;
expression X, Y;
position p;
@@
alloc@p(...)
{
	... when != X.pgsize_bitmap = Y
	    when != X->pgsize_bitmap = Y
}

@ctx depends on context@
identifier bare.alloc;
position unsized.p;
@@
*alloc@p(...)
{
	...
}

@script:ocaml depends on report@
p << unsized.p;
alloc << bare.alloc;
@@
let p = List.hd p in
Printf.printf "%s:%d:%d-%d: %s() gives its domains no pgsize_bitmap itself: unless a callee does, they rely on the ops fallback until attach\n"
  p.Coccilib.file p.Coccilib.line p.Coccilib.col p.Coccilib.col_end alloc

@script:ocaml depends on org@
p << unsized.p;
alloc << bare.alloc;
@@
Coccilib.print_todo ~msg:(alloc ^ "() gives its domains no pgsize_bitmap itself")
  (List.hd p)
