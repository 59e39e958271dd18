// SPDX-License-Identifier: GPL-2.0-only
/// Once every driver gives its domains their page sizes, the core no
/// longer copies iommu_ops.pgsize_bitmap into domains that have none, and
/// struct iommu_ops loses the member.
///
// Confidence: High
// Copyright: (C) 2026 iommu-pgsize developers.
// Comments: Apply only after every driver's migration: a domain left
//  without page sizes would then fail every map. iommu-pgsize runs it as
//  the last patch of its series, once its rescan finds no other use of
//  the member. The member's kernel-doc line is left to the caller:
//  Coccinelle does not edit comments.
// Options: --no-includes --include-headers

virtual patch
virtual context
virtual org
virtual report

@fallback depends on patch@
struct iommu_domain *D;
const struct iommu_ops *O;
@@
- if (!D->pgsize_bitmap)
-	D->pgsize_bitmap = O->pgsize_bitmap;

@member depends on patch@
@@
struct iommu_ops {
	...
-	unsigned long pgsize_bitmap;
	...
};

@ctx depends on context@
struct iommu_domain *D;
const struct iommu_ops *O;
@@
* D->pgsize_bitmap = O->pgsize_bitmap;

@rep depends on org || report@
struct iommu_domain *D;
const struct iommu_ops *O;
position p;
@@
D->pgsize_bitmap = O->pgsize_bitmap@p;

@script:ocaml depends on report@
p << rep.p;
@@
let p = List.hd p in
Printf.printf "%s:%d:%d-%d: the core still falls back to iommu_ops.pgsize_bitmap\n"
  p.Coccilib.file p.Coccilib.line p.Coccilib.col p.Coccilib.col_end

@script:ocaml depends on org@
p << rep.p;
@@
Coccilib.print_todo ~msg:"the core still falls back to iommu_ops.pgsize_bitmap"
  (List.hd p)
