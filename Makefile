# Clemency: the two commands of the README, and the pieces they are made of.
#   make demo   install what is missing, build, run the main job on the embedded default
#   make test   install what is missing, build, run every test suite (Release, then
#               AddressSanitizer + UndefinedBehaviorSanitizer, then a bounded fuzz run)
JOBS ?= $(shell nproc)
FUZZ_SECONDS ?= 30
CMAKE_FLAGS ?=

.PHONY: all deps build demo test test-release test-sanitize fuzz bench bench-compare clean

all: build

deps:
	@./scripts/install-deps.sh

build: deps
	@cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release $(CMAKE_FLAGS) >/dev/null
	@cmake --build build -j $(JOBS)

demo: build
	./build/clemency demo -o demo-out

test: test-release test-sanitize fuzz

test-release: build
	ctest --test-dir build --output-on-failure -j $(JOBS)

test-sanitize: deps
	@cmake -S . -B build-sanitize -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCLEMENCY_SANITIZE=ON >/dev/null
	@cmake --build build-sanitize -j $(JOBS)
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  ctest --test-dir build-sanitize --output-on-failure -j $(JOBS)

# Each fuzz target runs for FUZZ_SECONDS from the checked-in corpus; a crash,
# a sanitizer report or a leak fails the run.
fuzz: deps
	@cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCLEMENCY_FUZZ=ON \
	  -DCMAKE_CXX_COMPILER=clang++ >/dev/null
	@cmake --build build-fuzz -j $(JOBS)
	./fuzz/run.sh build-fuzz $(FUZZ_SECONDS)

# The benchmarks of BENCHMARKS.md (a few minutes); bench-compare also runs
# DuckDB, pandas and SQLite on the same data (needs node/npm, python3-pandas, sqlite3).
bench: build
	./bench/synth.sh
	./bench/load_validate.sh
	./build/bench/csv_reader_bench
	./bench/screen.sh
	./build/bench/rescreen_bench
	./build/bench/snapshot_open_bench
	./bench/simulate.sh

bench-compare: build
	./bench/compare.sh

clean:
	rm -rf build build-sanitize build-fuzz demo-out
