# Scan JSON -> the attach-binding row of every ops object, in the columns of
# expected-binding.txt: PATH:LINE, ops, rule, verdict, field, where, finding.
# An ops object with no paging domain is not judged by the rule: n/a.
.ops[] as $o
| ([$o.verdicts[] | select(.rule == "attach-binding")] | .[0]) as $v
| [ "\($o.file):\($o.line)", $o.name, "attach-binding",
    ($v.verdict // "n/a"),
    ($v.field // "-"),
    (if ($v.verdict // "n/a") == "n/a" then "-" else ($v.where // "-") end),
    (if $v.level == "finding" then "finding" else "-" end) ]
| join("\t")
