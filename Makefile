# The two commands of the README. Each installs what it needs first.
.PHONY: run test deps

# The main job: sweep the sigmoid over h = 1e-1 … 1e-16 with every method.
run: deps
	swift run errsweep --fn sigmoid --h 1e-1...1e-16

# Every test: the engine's and the command line's, end to end (gnuplot too, so both chart
# renderers are tested).
test: deps
	@scripts/install-deps.sh --with-gnuplot
	swift test

deps:
	@scripts/install-deps.sh
