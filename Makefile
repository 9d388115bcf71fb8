# The two commands of the README (run, test), and the two that keep Reports/ honest (report, check).
# Each installs what it needs first.
.PHONY: run test report check deps

# The main job: sweep the sigmoid over h = 1e-1 … 1e-16 with every method.
run: deps
	swift run errsweep --fn sigmoid --h 1e-1...1e-16

# Every test: the engine's and the command line's, end to end (with gnuplot and Graphviz, so
# both chart renderers and graph images are tested).
test: deps
	@scripts/install-deps.sh --with-optional
	swift test

# Regenerate the committed Reports/ and Plots/ for the whole catalog, and the accuracy baseline.
# Charts come from the native renderer, so they do not depend on a gnuplot version.
report: deps
	swift run errsweep report --plot png
	swift run errsweep check --update

# Fail if any accuracy got worse than Reports/baseline.json records.
check: deps
	swift run errsweep check

deps:
	@scripts/install-deps.sh
