# SPDX-License-Identifier: MIT
# The two commands: `make demo` and `make test`. Both install what is missing from Debian first.
BUILD     ?= build
SAN_BUILD ?= build-san
FUZZ_BUILD ?= build-fuzz
PREFIX    ?= /usr/local
JOBS      ?= $(shell nproc 2>/dev/null || echo 2)
# Tests at twice the cores: many wait rather than compute (a lock held for guilt's 10-second busy
# timeout, a shell at a terminal), and on 2 cores -j4 took the sanitizer pass from 196 s to 154 s.
TEST_JOBS ?= $(shell echo $$(( $(JOBS) * 2 )))
SUDO      := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Seconds each fuzz target runs under `make fuzz` (`make test` replays their corpora only).
FUZZ_SECONDS ?= 300
# Warnings are errors where the project checks itself: here, not in CMakeLists.txt, so that a
# packager's compiler with new warnings still builds guilt. The build is Release, as the
# package's is, so `make test` proves that Release builds without a warning.
CHECKED := -DCMAKE_COMPILE_WARNING_AS_ERROR=ON
STAGES  := $(BUILD)/stage-times
STAGE   := bash tests/stage.sh $(STAGES)

# Debian packages needed to build and run guilt, and those the tests, the sanitizer and fuzz
# build (clang 14 and its runtimes) and the benchmarks add.
BUILD_DEPS := cmake make g++ libcli11-dev libsqlitecpp-dev libfmt-dev nlohmann-json3-dev \
              catch2 libsqlite3-dev libedit-dev libpugixml-dev zlib1g-dev libzip-dev \
              libutf8proc-dev pkg-config libstemmer-dev libsodium-dev
TEST_DEPS  := sqlite3 jq python3 strace tmux bsdutils cmark chromium man-db groff-base dpkg-dev zsh fish \
              clang-14 libclang-rt-14-dev clang-format age $(if $(shell command -v npm),,nodejs npm)
# guilt remind's tests read its units and calendar file with real programs (issue 22).
TEST_DEPS  += systemd python3-icalendar
BENCH_DEPS := hyperfine sqlite3 jq python3 time strace valgrind
PACKAGE_DEPS := dpkg-dev
# JSON Schema validation of every JSON output, with ajv-cli from npm in a local folder.
NPM_DIR    := .deps/npm
AJV        := $(NPM_DIR)/node_modules/.bin/ajv

# $(call install-missing,PACKAGES): apt-get install those of PACKAGES dpkg does not know.
define install-missing
@missing=$$(for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
if [ -n "$$missing" ]; then \
  echo "Installing missing Debian packages:" $$missing; \
  $(SUDO) apt-get update -qq && \
  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
fi
endef

.PHONY: all build demo test test-release build-sanitize build-fuzz test-sanitize fuzz bench cues darker-model install \
        package package-test clean deps test-deps bench-deps package-deps format format-check

all: build

deps:
	$(call install-missing,$(BUILD_DEPS))

test-deps: deps
	$(call install-missing,$(TEST_DEPS))

bench-deps: deps
	$(call install-missing,$(BENCH_DEPS))

package-deps: deps
	$(call install-missing,$(PACKAGE_DEPS))

# Configured each time (a second or so): a build folder made by hand, or before a change of these
# options, is brought to them.
# The unit tests are left to the sanitizer build (tests/CMakeLists.txt says why).
build: deps
	cmake -S . -B $(BUILD) --log-level=WARNING -DCMAKE_BUILD_TYPE=Release -DGUILT_UNIT_TESTS=OFF $(CHECKED)
	cmake --build $(BUILD) -j $(JOBS)

demo: build
	@bash data/demo.sh $(BUILD)/guilt

$(AJV):
	mkdir -p $(NPM_DIR)
	npm install --prefix $(NPM_DIR) --no-audit --no-fund --loglevel=error ajv-cli@5 ajv-formats@2

# Every test that needs the release build (the end-to-end tests, the corpus sets, the scenarios,
# the package); then guilt's own code again under the address and undefined-behaviour sanitizers
# (clang): the unit tests (only there), the end-to-end tests and each fuzz target's corpus.
# Each stage says how long it took, and the list is printed at the end.
test: test-deps $(AJV)
	@mkdir -p $(BUILD) && : >$(STAGES)
	@$(STAGE) "format check" $(MAKE) --no-print-directory format-check
	@$(STAGE) "release build" $(MAKE) --no-print-directory build
	@$(STAGE) "release tests" $(MAKE) --no-print-directory test-release
	@$(STAGE) "sanitizer build" $(MAKE) --no-print-directory build-sanitize
	@$(STAGE) "sanitizer tests" $(MAKE) --no-print-directory test-sanitize
	@echo "make test passed. The time of each stage:" && cat $(STAGES)

test-release: build $(AJV)
	cd $(BUILD) && ctest --output-on-failure -j $(TEST_JOBS)

# The C++ sources, as .clang-format lays them out: `make format` applies it, `make test` checks it.
FORMAT_FILES = $(shell git ls-files '*.cpp' '*.hpp' '*.h' 2>/dev/null || \
                 find src include tests fuzz bench -name '*.cpp' -o -name '*.hpp' -o -name '*.h')

format:
	clang-format -i $(FORMAT_FILES)

format-check: test-deps
	@echo "clang-format --dry-run -Werror: $(words $(FORMAT_FILES)) files"
	@clang-format --dry-run -Werror $(FORMAT_FILES)

# With line tables only (all a sanitizer's report needs) and no fuzzing instrumentation (the fuzz
# targets replay their corpora: fuzz/replay_main.cpp), which cost a third of this build's time.
# -O1, as the sanitizers advise: unoptimised, the build took half the time but the tests twice
# as long (an import of 100,001 rows 88 s), and the terminal tests' waits ran out.
# Linked at a fixed address (-no-pie): the sanitizers' data (UBSan's source locations, ASan's
# globals) is megabytes of pointers, which a position-independent guilt relocates at every
# start, a thousand pages copied: 4 of the 35 ms each of the pass's 5,500 guilt processes took.
build-sanitize: test-deps
	cmake -S . -B $(SAN_BUILD) --log-level=WARNING -DCMAKE_BUILD_TYPE=Debug \
	      -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_CXX_FLAGS_DEBUG="-O1 -gline-tables-only" \
	      -DCMAKE_EXE_LINKER_FLAGS=-no-pie -DGUILT_SANITIZE=ON -DGUILT_FUZZ=OFF $(CHECKED)
	cmake --build $(SAN_BUILD) -j $(JOBS)

# libFuzzer's build, for make fuzz: optimised as the sanitizers recommend, with coverage.
build-fuzz: test-deps
	cmake -S . -B $(FUZZ_BUILD) --log-level=WARNING -DCMAKE_BUILD_TYPE=Debug \
	      -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g" \
	      -DGUILT_SANITIZE=ON -DGUILT_FUZZ=ON $(CHECKED)
	cmake --build $(FUZZ_BUILD) -j $(JOBS)

# A sanitizer report exits 86, an exit code no test expects from guilt, so none can hide behind
# an expected failure.
SAN_ENV := ASAN_OPTIONS=exitcode=86:detect_leaks=1 UBSAN_OPTIONS=exitcode=86:print_stacktrace=1 \
           LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp

# Under the sanitizers: guilt's own code paths. Left to the release pass: the package, the corpus
# sets (the reading's quality; the unit tests and the lexicon and text fuzz corpora run the
# reading here), and the programs that only read guilt's output, byte for byte the same as in the
# release pass (Chromium, ajv, cmark, man, zsh, fish, systemd-analyze, icalendar:
# GUILT_OWN_CODE_ONLY, tests/e2e/lib.sh). Each fuzz target runs its corpus once.
test-sanitize: build-sanitize $(AJV)
	cd $(SAN_BUILD) && GUILT_OWN_CODE_ONLY=1 $(SAN_ENV) \
	    ctest --output-on-failure -j $(TEST_JOBS) -E '^(package|corpus\..*)$$' --timeout 900

# Only the fuzz targets, each for FUZZ_SECONDS (make fuzz FUZZ_SECONDS=3600).
fuzz: build-fuzz
	cd $(FUZZ_BUILD) && GUILT_FUZZ_SECONDS=$(FUZZ_SECONDS) $(SAN_ENV) ctest --output-on-failure -j $(JOBS) -R '^fuzz\.'

# Every cue of data/lexicon.json measured on its own over the tuning sets (docs/quality.md): lists
# the cues that are mostly another sense. Never on the sets kept unseen (the other *-check sets).
CUE_SETS = ../shared/corpus/dev.jsonl tests/corpus/blind-check.jsonl tests/corpus/blind2-check.jsonl \
           $(wildcard tests/corpus/*-tune.jsonl)
cues: build
	cmake --build $(BUILD) --target guilt_read_probe
	python3 bench/cues.py $(BUILD)/guilt_read_probe data/lexicon.json $(CUE_SETS)

# The learned reading of the darker words (data/lexicon.json "darker_model"), trained again on
# the tuning sets only (bench/train_darker.py): the development set and the *-check sets measure it.
darker-model: build
	cmake --build $(BUILD) --target guilt_read_probe
	python3 bench/train_darker.py $(BUILD)/guilt_read_probe data/lexicon.json $(wildcard tests/corpus/*-tune.jsonl)

# Figures, never pass/fail: see bench/README.md.
bench: bench-deps build
	bash bench/run.sh $(BUILD)/guilt

install: build
	cmake --install $(BUILD) --prefix $(PREFIX)

# guilt_VERSION_ARCH.deb in $(BUILD), and a check of it: unpacked in a temporary folder, it runs.
package: package-deps build
	cd $(BUILD) && cpack -G DEB

package-test: package-deps build
	bash tests/package_test.sh $(BUILD)

clean:
	rm -rf $(BUILD) $(SAN_BUILD) $(FUZZ_BUILD)
