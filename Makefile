# iommu-pgsize: GNU make drives the build, the tests and the benchmarks.
#
# checker/ is layered; each directory is a stage and may use only the
# directories before it in this list (scripts/check-layers enforces it):
#
#   lib     util, spawn, git, diff paths, file I/O, sizes: no kernel knowledge
#   model   the inventory: ops objects, uses, verdicts
#   ast     libclang: cursors, relevance, disabled code, collection, flow
#   rules   the rules, judged over the collected model
#   scan    tree walk, flags, parsing, findings, outputs
#   series  lint  report    (siblings: none uses another)
#   cmd     the four commands and main()
LAYERS := lib model ast rules scan series lint report cmd

LLVM_CONFIG ?= $(firstword $(wildcard /usr/bin/llvm-config-19 /usr/bin/llvm-config))
LLVM_PREFIX := $(if $(LLVM_CONFIG),$(shell $(LLVM_CONFIG) --prefix),/usr/lib/llvm-19)
CLANG_RESOURCE_INCLUDE := $(firstword $(wildcard $(LLVM_PREFIX)/lib/clang/*/include))

CC ?= cc
CFLAGS ?= -O2 -g
WARNINGS := -Wall -Wextra -Wno-unused-parameter -Wno-sign-compare
ALL_CFLAGS := $(CFLAGS) $(WARNINGS) -std=gnu11 -D_GNU_SOURCE -pthread \
	-I$(LLVM_PREFIX)/include \
	-Ichecker -DCLANG_RESOURCE_INCLUDE='"$(CLANG_RESOURCE_INCLUDE)"' \
	$(shell pkg-config --cflags jansson 2>/dev/null)
LDLIBS := -L$(LLVM_PREFIX)/lib -Wl,-rpath,$(LLVM_PREFIX)/lib -lclang \
	$(shell pkg-config --libs jansson 2>/dev/null || echo -ljansson) \
	$(shell pkg-config --libs libcrypto 2>/dev/null || echo -lcrypto) -pthread

BUILD := build
PROGRAM := iommu-pgsize
# --version: git describe in a git checkout, else this.
VERSION := 0.11
SRCS := $(foreach l,$(LAYERS),$(wildcard checker/$(l)/*.c))
OBJS := $(patsubst checker/%.c,$(BUILD)/obj/%.o,$(SRCS))
# The unit tests link the layers below the command line.
LIB_OBJS := $(filter-out $(BUILD)/obj/cmd/%,$(OBJS))

UNIT_SRCS := $(wildcard tests/unit/test_*.c)
UNIT_BINS := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(UNIT_SRCS))

# make install PREFIX=/usr/local DESTDIR=...: the binary finds its data
# (cocci/, docs/) in ../share/iommu-pgsize/ from its own location.
PREFIX ?= /usr/local
BINDIR := $(PREFIX)/bin
DATADIR := $(PREFIX)/share/iommu-pgsize
MAN1DIR := $(PREFIX)/share/man/man1
INSTALL ?= install
MAN_PAGE := $(BUILD)/iommu-pgsize.1

# Real kernel trees for the end-to-end tests and benchmarks.
KERNEL_6_12 ?= $(BUILD)/linux-source-6.12
# The newest linux-source-7.* (scripts/fetch-kernel 7 trixie-backports ...).
KERNEL_7 ?= $(BUILD)/linux-source-7
KERNEL_6_1 ?= $(BUILD)/linux-source-6.1

.PHONY: all deps demo check unit-test corpus-test series-test report-test e2e-test \
	lint-test e2e-7-test lint-7-test e2e-6.1-test e2e-7-parse-test safety-test series-e2e-test \
	module-test bench clean style \
	install uninstall \
	install-test layers-test FORCE

all: $(PROGRAM) $(MAN_PAGE) docs/iommu-pgsize.1

deps:
	@scripts/install-deps

# Header dependencies come from the compiler; a change of compiler flags
# (another libclang, say) rebuilds everything through the flags stamp.
$(BUILD)/obj/%.o: checker/%.c $(BUILD)/gen/cflags
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

# Rewritten only when the version changes, so main.o is rebuilt only then.
$(BUILD)/gen/version.h: FORCE
	@mkdir -p $(@D)
	@v=$$(test -e .git && git describe --always --dirty 2>/dev/null); \
	printf '#define IOMMU_PGSIZE_VERSION "%s"\n' "$${v:-$(VERSION)}" >$@.tmp; \
	if cmp -s $@.tmp $@; then rm $@.tmp; else mv $@.tmp $@; fi

$(BUILD)/obj/cmd/main.o: $(BUILD)/gen/version.h

$(BUILD)/gen/cflags: FORCE
	@mkdir -p $(@D)
	@echo '$(CC) $(ALL_CFLAGS) $(LDLIBS)' >$@.tmp; \
	if cmp -s $@.tmp $@; then rm $@.tmp; else mv $@.tmp $@; fi
$(BUILD)/obj/cmd/main.o: ALL_CFLAGS += -I$(BUILD)/gen

FORCE:

$(PROGRAM): $(OBJS)
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(LDLIBS)

# The man page: its rule list comes from the rule table (rules/rules.c).
$(MAN_PAGE): docs/iommu-pgsize.1.in $(PROGRAM)
	@mkdir -p $(@D)
	./$(PROGRAM) --list-rules=man >$@.rules
	awk -v rules=$@.rules '/@RULES@/ { while ((getline l <rules) > 0) print l; next } { print }' $< >$@.tmp
	mv $@.tmp $@
	rm -f $@.rules

# Uninstalled, the SARIF helpUri names docs/iommu-pgsize.1 beside cocci/.
docs/iommu-pgsize.1: $(MAN_PAGE)
	cp $< $@

# share/iommu-pgsize/docs/ holds the SARIF helpUri's page and the
# documents the man page names.
install: $(PROGRAM) $(MAN_PAGE)
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MAN1DIR) \
		$(DESTDIR)$(DATADIR)/cocci $(DESTDIR)$(DATADIR)/docs
	$(INSTALL) -m 755 $(PROGRAM) $(DESTDIR)$(BINDIR)/$(PROGRAM)
	$(INSTALL) -m 644 cocci/*.cocci $(DESTDIR)$(DATADIR)/cocci/
	$(INSTALL) -m 644 $(MAN_PAGE) $(DESTDIR)$(MAN1DIR)/iommu-pgsize.1
	$(INSTALL) -m 644 $(MAN_PAGE) $(DESTDIR)$(DATADIR)/docs/iommu-pgsize.1
	$(INSTALL) -m 644 docs/scan-json.md docs/ci.md $(DESTDIR)$(DATADIR)/docs/

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/$(PROGRAM) $(DESTDIR)$(MAN1DIR)/iommu-pgsize.1
	rm -rf $(DESTDIR)$(DATADIR)

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

$(KERNEL_6_1):
	@scripts/unpack-kernel 6.1 $@

$(KERNEL_7):
	@scripts/fetch-kernel 7 trixie-backports $@

# The oldest supported tree and today's: every candidate file parses
# cleanly, architecture-only drivers with their architecture's flags.
e2e-6.1-test: $(PROGRAM) $(KERNEL_6_1)
	@tests/e2e/run-parse ./$(PROGRAM) $(KERNEL_6_1) tests/e2e/linux-6.1 true \
		$(BUILD)/e2e-6.1

e2e-7-parse-test: $(PROGRAM) $(KERNEL_7)
	@tests/e2e/run-parse ./$(PROGRAM) $(KERNEL_7) tests/e2e/linux-7 false \
		$(BUILD)/e2e-7-parse

# Then: the arguments libclang gets equal "make V=1"'s on two architectures.
e2e-test: $(PROGRAM) $(KERNEL_6_12)
	@tests/e2e/run-6.12 ./$(PROGRAM) $(KERNEL_6_12) && \
		tests/e2e/kbuild-args ./$(PROGRAM) $(KERNEL_6_12)

# Hostile input, full disks and signals (a private TMPDIR must stay empty).
safety-test: $(PROGRAM) $(KERNEL_6_12)
	@tests/safety/run ./$(PROGRAM) $(KERNEL_6_12)

# The lint gate on corpus repositories, then on linux-source-6.12.
lint-test: $(PROGRAM) $(MAN_PAGE) docs/iommu-pgsize.1 $(KERNEL_6_12)
	@tests/lint/run ./$(PROGRAM) $(KERNEL_6_12)

# 7.x, against every expectation read from 7.3 (tests/e2e/linux-7); not
# in make check while some of the reading's rows still fail (the README
# lists them). Each skips, with status 0, when the tree is absent.
e2e-7-test: $(PROGRAM) $(KERNEL_7)
	@tests/e2e/run-7 ./$(PROGRAM) $(KERNEL_7)

lint-7-test: $(PROGRAM) $(KERNEL_7)
	@tests/lint/run-7 ./$(PROGRAM) $(KERNEL_7)

# A staged install from a clean clone, used after its source is gone.
install-test:
	@tests/install/run $(MAKE)

# checker/'s layering: includes and the object files' dependency graph.
layers-test: $(PROGRAM)
	@scripts/check-layers

# External modules (--kernel): the corpus module and a relocated 6.12
# driver against 6.12 (series --verify with M=, an arm64-only module on
# arm64), and against 7.x when that tree is there (about 3 min warm).
module-test: $(PROGRAM) $(KERNEL_6_12)
	@tests/module/run ./$(PROGRAM) $(KERNEL_6_12) $(KERNEL_7)

# series --verify on 6.12: git am, checkpatch, cross-compiles (~10 min).
series-e2e-test: $(PROGRAM) $(KERNEL_6_12)
	@tests/e2e/run-series-6.12 ./$(PROGRAM) $(KERNEL_6_12)

check: deps
	@$(MAKE) --no-print-directory $(PROGRAM) $(UNIT_BINS)
	@tests/run-all $(MAKE)

bench: deps $(PROGRAM) $(KERNEL_6_12) $(KERNEL_7)
	@scripts/bench ./$(PROGRAM) $(KERNEL_6_12) $(KERNEL_7)

style: $(PROGRAM)
	@scripts/checkpatch-self; s=$$?; scripts/check-layers && exit $$s

clean:
	rm -rf $(BUILD) $(PROGRAM) docs/iommu-pgsize.1

# ---- Sanitizers and fuzzing ----------------------------------------------
# make SAN=1 BUILD=build/asan PROGRAM=build/asan/iommu-pgsize: the same
# sources with ASan and UBSan. sanitize-test builds that and runs the unit,
# corpus, series, lint (corpus part) and report tests on it.
SAN_FLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer
ifeq ($(SAN),1)
ALL_CFLAGS += $(SAN_FLAGS)
endif
ASAN_BUILD := build/asan

.PHONY: sanitize-build sanitize-test fuzz fuzz-smoke fuzz-build

sanitize-build: $(PROGRAM) $(UNIT_BINS)
	@ln -sfn ../../cocci $(BUILD)/cocci
	@ln -sfn ../../docs $(BUILD)/docs

sanitize-test:
	@$(MAKE) --no-print-directory SAN=1 BUILD=$(ASAN_BUILD) \
		PROGRAM=$(ASAN_BUILD)/$(PROGRAM) sanitize-build
	@tests/sanitize/run $(ASAN_BUILD)/$(PROGRAM) $(KERNEL_6_12) \
		$(patsubst $(BUILD)/%,$(ASAN_BUILD)/%,$(UNIT_BINS))

# libFuzzer harnesses, one per parser of outside input (tests/fuzz/*.c),
# built with clang-19 on the checker's objects (the command line's only
# options.o). make fuzz runs each FUZZ_SECONDS, fuzz-smoke (make check)
# FUZZ_SMOKE_SECONDS, from the seeds in tests/fuzz/NAME/seeds/.
FUZZ_CC ?= clang-19
FUZZ_BUILD := build/fuzz
FUZZ_SECONDS ?= 600
FUZZ_SMOKE_SECONDS ?= 10
FUZZ_CFLAGS = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
	-fno-sanitize-recover=all \
	$(WARNINGS) -std=gnu11 -D_GNU_SOURCE -pthread -I$(LLVM_PREFIX)/include \
	-Ichecker -DCLANG_RESOURCE_INCLUDE='"$(CLANG_RESOURCE_INCLUDE)"' \
	$(shell pkg-config --cflags jansson 2>/dev/null)
FUZZ_NAMES := $(patsubst tests/fuzz/%.c,%,$(wildcard tests/fuzz/*.c))
FUZZ_BINS := $(addprefix $(FUZZ_BUILD)/,$(FUZZ_NAMES))
FUZZ_OBJS := $(patsubst checker/%.c,$(FUZZ_BUILD)/obj/%.o, \
	$(filter-out checker/cmd/%,$(SRCS)) checker/cmd/options.c)

$(FUZZ_BUILD)/obj/%.o: checker/%.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -MMD -MP -c -o $@ $<

-include $(FUZZ_OBJS:.o=.d)

$(FUZZ_BUILD)/obj/report/html.o: $(BUILD)/gen/report_assets.h
$(FUZZ_BUILD)/obj/report/html.o: FUZZ_CFLAGS += -I$(BUILD)/gen

$(FUZZ_BUILD)/gen/series_scan.h: tests/fuzz/series_dir/scan.json scripts/embed-text
	@mkdir -p $(@D)
	scripts/embed-text $@ series_scan=$<

$(FUZZ_BUILD)/series_dir: $(FUZZ_BUILD)/gen/series_scan.h

$(FUZZ_BINS): $(FUZZ_BUILD)/%: tests/fuzz/%.c tests/fuzz/fuzz.h $(FUZZ_OBJS)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -I$(FUZZ_BUILD)/gen -fsanitize=fuzzer \
		-o $@ $< $(FUZZ_OBJS) $(LDLIBS)

fuzz-build: $(FUZZ_BINS)

fuzz: fuzz-build
	@tests/fuzz/run $(FUZZ_SECONDS) $(FUZZ_BINS)

fuzz-smoke: fuzz-build
	@tests/fuzz/run $(FUZZ_SMOKE_SECONDS) $(FUZZ_BINS)
