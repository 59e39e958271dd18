# iommu-pgsize: GNU make drives the build, the tests and the benchmarks.
#
# checker/ is layered; each directory is a stage and may use only the
# directories before it in this list (scripts/check-layers enforces it):
#
#   lib     util, spawn, sizes: no knowledge of kernels
#   model   the inventory: ops objects, uses, verdicts
#   ast     libclang: cursors, relevance, disabled code, collection, flow
#   rules   the rules, judged over the collected model
#   scan    tree walk, flags, parsing, findings, outputs
#   series  lint  report    (siblings: none uses another)
#   cmd     the four commands and main()
LAYERS := lib model ast rules scan series lint report cmd

LLVM_CONFIG ?= $(firstword $(wildcard /usr/bin/llvm-config-14 /usr/bin/llvm-config))
LLVM_PREFIX := $(if $(LLVM_CONFIG),$(shell $(LLVM_CONFIG) --prefix),/usr/lib/llvm-14)
CLANG_RESOURCE_INCLUDE := $(firstword $(wildcard $(LLVM_PREFIX)/lib/clang/*/include))

CC ?= cc
CFLAGS ?= -O2 -g
WARNINGS := -Wall -Wextra -Wno-unused-parameter -Wno-sign-compare
ALL_CFLAGS := $(CFLAGS) $(WARNINGS) -std=gnu11 -D_GNU_SOURCE -pthread \
	-I$(LLVM_PREFIX)/include \
	-Ichecker -DCLANG_RESOURCE_INCLUDE='"$(CLANG_RESOURCE_INCLUDE)"' \
	-DCOCCI_DIR='"$(CURDIR)/cocci"' \
	$(shell pkg-config --cflags jansson 2>/dev/null)
LDLIBS := -L$(LLVM_PREFIX)/lib -Wl,-rpath,$(LLVM_PREFIX)/lib -lclang \
	$(shell pkg-config --libs jansson 2>/dev/null || echo -ljansson) -pthread

BUILD := build
PROGRAM := iommu-pgsize
SRCS := $(foreach l,$(LAYERS),$(wildcard checker/$(l)/*.c))
OBJS := $(patsubst checker/%.c,$(BUILD)/obj/%.o,$(SRCS))
LIB_OBJS := $(filter-out $(BUILD)/obj/cmd/main.o,$(OBJS))

UNIT_SRCS := $(wildcard tests/unit/test_*.c)
UNIT_BINS := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(UNIT_SRCS))

# Real kernel trees for the end-to-end tests and benchmarks.
KERNEL_6_12 ?= $(BUILD)/linux-source-6.12

.PHONY: all deps demo check unit-test corpus-test series-test report-test e2e-test \
	lint-test series-e2e-test bench clean style

all: $(PROGRAM) $(BUILD)/iommu-pgsize.1 docs/iommu-pgsize.1

deps:
	@scripts/install-deps

# Header dependencies come from the compiler.
$(BUILD)/obj/%.o: checker/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

-include $(OBJS:.o=.d)

# The report's template and CSS, compiled in.
$(BUILD)/gen/report_assets.h: report/template.html report/style.css scripts/embed-text
	@mkdir -p $(BUILD)/gen
	scripts/embed-text $@ report_template=report/template.html \
		report_style=report/style.css

$(BUILD)/obj/report/html.o: $(BUILD)/gen/report_assets.h
$(BUILD)/obj/report/html.o: ALL_CFLAGS += -I$(BUILD)/gen

$(PROGRAM): $(OBJS)
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(LDLIBS)

# The man page: its rule list comes from the rule table (rules/rules.c).
$(BUILD)/iommu-pgsize.1: docs/iommu-pgsize.1.in $(PROGRAM)
	@mkdir -p $(@D)
	./$(PROGRAM) --list-rules=man >$@.rules
	awk -v rules=$@.rules '/@RULES@/ { while ((getline l <rules) > 0) print l; next } { print }' $< >$@.tmp
	mv $@.tmp $@
	rm -f $@.rules

# Uninstalled, the SARIF helpUri names docs/iommu-pgsize.1 beside cocci/.
docs/iommu-pgsize.1: $(BUILD)/iommu-pgsize.1
	cp $< $@

$(BUILD)/tests/%: tests/unit/%.c $(LIB_OBJS)
	@mkdir -p $(BUILD)/tests
	$(CC) $(ALL_CFLAGS) -o $@ $< $(LIB_OBJS) $(LDLIBS) -lcmocka

# The main job on the built-in default: the corpus.
demo: deps $(PROGRAM)
	./$(PROGRAM) scan corpus; test $$? -le 1
	rm -rf $(BUILD)/demo-series
	./$(PROGRAM) series -q -o $(BUILD)/demo-series \
		--signoff 'iommu-pgsize demo <demo@localhost>' corpus
	./$(PROGRAM) report -q --series $(BUILD)/demo-series -o report/out corpus

unit-test: $(UNIT_BINS)
	@tests/run-unit $(UNIT_BINS)

corpus-test: $(PROGRAM)
	@tests/corpus/run ./$(PROGRAM)

series-test: $(PROGRAM) $(KERNEL_6_12)
	@tests/series/run ./$(PROGRAM) $(KERNEL_6_12)

report-test: $(PROGRAM)
	@tests/report/run ./$(PROGRAM)

$(KERNEL_6_12):
	@scripts/unpack-kernel 6.12 $@

e2e-test: $(PROGRAM) $(KERNEL_6_12)
	@tests/e2e/run-6.12 ./$(PROGRAM) $(KERNEL_6_12)

# The lint gate on corpus repositories, then on linux-source-6.12.
lint-test: $(PROGRAM) $(BUILD)/iommu-pgsize.1 docs/iommu-pgsize.1 $(KERNEL_6_12)
	@tests/lint/run ./$(PROGRAM) $(KERNEL_6_12)

# series --verify on 6.12: git am, checkpatch, cross-compiles (~10 min).
series-e2e-test: $(PROGRAM) $(KERNEL_6_12)
	@tests/e2e/run-series-6.12 ./$(PROGRAM) $(KERNEL_6_12)

check: deps
	@$(MAKE) --no-print-directory $(PROGRAM) $(UNIT_BINS)
	@tests/run-all $(MAKE)

bench: deps $(PROGRAM) $(KERNEL_6_12)
	@scripts/bench ./$(PROGRAM) $(KERNEL_6_12)

style:
	@scripts/checkpatch-self

clean:
	rm -rf $(BUILD) $(PROGRAM) docs/iommu-pgsize.1
