# Scan JSON -> expected-uses.txt lines (see tests/expectation-formats.md).
.ops_uses[]
| "\(.file):\(.line)\t\(.kind)\t\(.function // "-")\t\(.ops // "-")"
