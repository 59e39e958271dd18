# Scan JSON -> PATH:LINE, ops, rule, verdict (expected-verdicts.txt without WHERE).
.ops[] as $o
| $o.verdicts[]
| "\($o.file):\($o.line)\t\($o.name)\t\(.rule)\t\(.verdict)"
