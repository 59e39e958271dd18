# Scan JSON -> expected-ops.txt lines (see tests/expectation-formats.md).
def joined(f): [.[] | f] | sort | if length == 0 then "-" else join(",") end;
.ops[]
| "\(.file):\(.line)\t\(.name)\t\(if .const then "const" else "mutable" end)\t\(.pgsize.expr // "-")\t\(.pgsize.value // "-")\t\(.domain_alloc | joined("\(.member)=\(.function)"))\t\(.attach_dev | joined("\(.via)=\(.function)"))"
