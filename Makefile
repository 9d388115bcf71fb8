# The two commands of the README (run, test), and the two that keep Reports/ honest (report, check).
# Each installs what it needs first.
.PHONY: run test report check docs serve explorer-screenshot load benchmark instructions race race-estimators fuzz sanitize portability deps

# The main job: sweep the sigmoid over h = 1e-1 … 1e-16 with every method.
run: deps
	swift run errsweep --fn sigmoid --h 1e-1...1e-16

# Every test: the engine's and the command line's, end to end (with gnuplot and Graphviz, so
# both chart renderers and graph images are tested).
test: deps
	@scripts/install-deps.sh --with-optional
	swift test
	swift test --package-path Explorer

# Regenerate the committed Reports/ and Plots/ for the whole catalog, the main job's sigmoid (its
# report and all its charts, exactly what `make run` writes, after the catalog's summary of it), the
# seed figure's f″, the black-box estimators' scoreboard, and the accuracy baseline.
# Charts come from the native renderer (the default), so they do not depend on a gnuplot version.
report: deps
	swift run errsweep report
	swift run errsweep --fn sigmoid --h 1e-1...1e-16
	swift run errsweep --fn sigmoid --derivative 2
	swift run errsweep estimate --corpus
	swift run errsweep check --update

# Fail if any accuracy got worse than Reports/baseline.json records.
check: deps
	swift run errsweep check

# The two library products' DocC catalogues (Sources/ErrSweep/ErrSweep.docc), built to
# .build/plugins; warnings (an unresolved symbol link in an article, say) fail the build, and so
# does a public type or function without a documentation comment.
docs: deps
	@scripts/install-deps.sh --with-optional
	swift package --disable-sandbox generate-documentation --target ErrSweep --warnings-as-errors
	swift package --disable-sandbox generate-documentation --target ErrSweepReports --warnings-as-errors
	swift package --disable-sandbox generate-documentation --target ErrSweepDifferentiation --warnings-as-errors
	scripts/undocumented-symbols.py

# The explorer in the browser, on http://127.0.0.1:8080/ (a package of its own: Explorer/).
serve: deps
	swift run --package-path Explorer errsweep-serve

# The README's picture of the explorer, taken by its browser test (headless Chromium).
explorer-screenshot: deps
	@scripts/install-deps.sh --with-optional
	ERRSWEEP_SCREENSHOTS=$(CURDIR)/Plots swift test --package-path Explorer --filter "aUsersVisit|theLandscapeTab"

# The explorer's load tests against a release build of the server: the default view's p50 and
# p99 with the server busy, and saturation (503s, memory).
load: deps
	swift build --package-path Explorer -c release --product errsweep-serve
	ERRSWEEP_SERVE=$(CURDIR)/Explorer/.build/release/errsweep-serve swift test --package-path Explorer --filter "underLoad|theDefaultViewsLatency" 2>&1 | grep -E "explorer |passed|failed"

# The speed targets: package-benchmark over release builds, each benchmark named with its target
# or the peer figures it is compared with; then each median beside each figure and their ratio,
# recorded with the date in docs/measured/benchmarks.md.
benchmark: deps
	mkdir -p .build
	cd Benchmarks && swift package --allow-writing-to-package-directory benchmark --no-progress > ../.build/benchmark.txt \
		|| { cat ../.build/benchmark.txt; exit 1; }
	cat .build/benchmark.txt
	scripts/benchmark-ratios.py --record docs/measured/benchmarks.md < .build/benchmark.txt

# Instructions per gradient (callgrind, independent of the machine's load) beside wall time, for
# the primal and both tapes at n = 10^3 and 10^5: figures that compare across days. Then the
# statement tape as a consumer package writes it against errsweep's own (within 5 %, issue 29).
instructions: deps
	@scripts/install-deps.sh --with-valgrind
	scripts/instruction-counts.sh
	scripts/check-consumer.sh --speed

# The default job raced, as whole processes, against the Python peer (numpy, mpmath, autograd,
# matplotlib, in a venv under .build/).
race: deps
	scripts/race-peer.sh

# numdifftools and scipy.differentiate over errsweep's estimator corpus (the table that
# `errsweep estimate --corpus` writes, into .build/ so the committed report stays as it is),
# scored by the same rules as errsweep's own scoreboard, in the peer venv.
race-estimators: deps
	swift run errsweep estimate --corpus --plot none --out .build/race-estimators
	@test -x .build/peer-venv/bin/python || python3 -m venv .build/peer-venv
	.build/peer-venv/bin/pip install --quiet numpy scipy numdifftools
	.build/peer-venv/bin/python scripts/race-estimators.py .build/race-estimators/Reports/data/estimators.csv

# Fuzz the expression parser and evaluator with libFuzzer (address sanitizer on) for FUZZ_SECONDS.
# New inputs go to Fuzz/.corpus, crashing ones to Fuzz/crashes/; Fuzz/Corpus holds the seeds.
FUZZ_SECONDS ?= 600
fuzz: deps
	cd Fuzz && swift build -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld
	mkdir -p Fuzz/.corpus Fuzz/crashes
	cd Fuzz && .build/release/ExpressionFuzzer -max_total_time=$(FUZZ_SECONDS) -timeout=10 \
		-dict=Fuzz.dict -artifact_prefix=crashes/ -print_final_stats=1 .corpus Corpus

# The whole test suite under the address sanitizer, then under the undefined-behaviour sanitizer
# (which swiftc does not offer on Linux: it instruments the C that clang compiles — the shims over
# MPFR, MPC, cairo and libpng, and swift-numerics' — while Swift code traps on overflow itself),
# each in its own build folder. Leak detection is off: Swift keeps enum case tags in the spare bits
# of payload pointers, which LeakSanitizer cannot follow, so every expression tree held in a
# global is reported as leaked.
sanitize: deps
	@scripts/install-deps.sh --with-optional
	ASAN_OPTIONS=detect_leaks=0 swift test --scratch-path .build-asan --sanitize=address
	swift test --scratch-path .build-ubsan -Xcc -fsanitize=undefined -Xcc -fno-sanitize-recover=all \
		-Xswiftc -Xclang-linker -Xswiftc -fsanitize=undefined

# The README's two commands from a fresh clone in a fresh Debian 13 root (debootstrap, this
# machine's Swift toolchain and package mirror bind-mounted): both must pass and leave git status
# empty. About 20 minutes; the result and each step's time go to docs/measured/portability.md.
portability:
	scripts/portability.sh --suite trixie --record docs/measured/portability.md

deps:
	@scripts/install-deps.sh
