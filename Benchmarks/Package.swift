// swift-tools-version: 6.1
// errsweep's benchmarks (package-benchmark), kept apart from the main package so that its build
// and CI never compile the benchmark runner. Run with `make benchmark` (see the README).
import PackageDescription

let package = Package(
    name: "errsweep-benchmarks",
    dependencies: [
        .package(name: "errsweep", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.0", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "ErrSweepBenchmarks",
            dependencies: [
                .product(name: "ErrSweep", package: "errsweep"),
                .product(name: "ErrSweepReports", package: "errsweep"),
                .product(name: "Benchmark", package: "benchmark"),
                "TapeFloor",
            ],
            path: "Benchmarks/ErrSweepBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // One case run R times, for scripts/instruction-counts.sh (callgrind counts beside wall time).
        .executableTarget(
            name: "InstructionCounts",
            dependencies: [.product(name: "ErrSweep", package: "errsweep")],
            path: "Sources/InstructionCounts"
        ),
        // errsweep's tape layout in C: what the layout itself costs here, beside the Swift tape.
        .target(name: "TapeFloor", path: "Sources/TapeFloor"),
    ]
)
