# SPDX-License-Identifier: MIT
# The two commands: `make demo` and `make test`. Both install what is missing from Debian first.
BUILD   ?= build
PREFIX  ?= /usr/local
JOBS    ?= $(shell nproc 2>/dev/null || echo 2)
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# Debian packages needed to build and run guilt, and those the tests add.
BUILD_DEPS := cmake make g++ libcli11-dev libsqlitecpp-dev libfmt-dev nlohmann-json3-dev \
              catch2 libsqlite3-dev
TEST_DEPS  := sqlite3 jq python3 tmux bsdutils cmark chromium man-db groff-base dpkg-dev
# What `make package` adds: dpkg-shlibdeps fills in the package's Depends.
PACKAGE_DEPS := dpkg-dev
# JSON Schema validation of every JSON output, with ajv-cli from npm in a local folder.
NPM_DIR    := .deps/npm
AJV        := $(NPM_DIR)/node_modules/.bin/ajv

.PHONY: all build demo test install deps test-deps clean package package-test package-deps

all: build

deps:
	@missing=$$(for p in $(BUILD_DEPS); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing missing Debian packages: $$missing"; \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

test-deps: deps
	@missing=$$(for p in $(TEST_DEPS); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done; \
	  command -v npm >/dev/null || echo nodejs npm); \
	if [ -n "$$missing" ]; then \
	  echo "Installing missing Debian packages: $$missing"; \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo

build: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

demo: build
	@bash data/demo.sh $(BUILD)/guilt

$(AJV):
	@command -v npm >/dev/null || { echo "npm is missing: run make test-deps" >&2; exit 1; }
	mkdir -p $(NPM_DIR)
	npm install --prefix $(NPM_DIR) --no-audit --no-fund --loglevel=error ajv-cli@5 ajv-formats@2

test: test-deps build $(AJV)
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

install: build
	cmake --install $(BUILD) --prefix $(PREFIX)

package-deps: deps
	@missing=$$(for p in $(PACKAGE_DEPS); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing missing Debian packages: $$missing"; \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

# guilt_VERSION_ARCH.deb in $(BUILD), and a check of it: unpacked in a temporary folder, it runs.
package: package-deps build
	cd $(BUILD) && cpack -G DEB

package-test: package-deps build
	bash tests/package_test.sh $(BUILD)

clean:
	rm -rf $(BUILD)
