# Ops objects the constant rule may migrate, as "file<TAB>ops<TAB>value<TAB>allocators":
# a constant .pgsize_bitmap (not the all-ones placeholder that is narrowed
# at run time), domains relying on the core's fallback, defined in the .c
# file with its allocators, the only ops object there, and no other use of
# the ops member in that file.
.ops as $ops
| .ops_uses as $uses
| $ops[]
| select(.pgsize.value != null and .pgsize.value != "0xffffffffffffffff")
| select(any(.verdicts[]; .rule == "domain-init" and .verdict == "fallback"))
| select(.file | endswith(".c"))
| . as $o
| select([$ops[] | select(.file == $o.file)] | length == 1)
| select([$uses[] | select(.file == $o.file and .kind != "init")] | length == 0)
| "\(.file)\t\(.name)\t\(.pgsize.value)\t\([.domain_alloc[].function] | join(","))"
