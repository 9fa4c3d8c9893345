# Tidemark — the two commands: `make run` and `make test`.
PRESET ?= $(if $(CI),ci,dev)
BUILD_DIR := build/$(PRESET)
JOBS ?= $(shell nproc)

.PHONY: all deps build run test format clean

all: build

deps:
	@scripts/install-deps.sh

build: deps
	@test -f $(BUILD_DIR)/build.ninja || cmake --preset $(PRESET)
	cmake --build --preset $(PRESET) -j $(JOBS)

run: build
	$(BUILD_DIR)/app/tidemark

test: build
	ctest --preset $(PRESET) -j $(JOBS)

format:
	@find app models ui server tests bench -name '*.cpp' -o -name '*.h' 2>/dev/null | xargs clang-format -i
	@echo "clang-format: done"

clean:
	rm -rf build
