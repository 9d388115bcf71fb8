// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "errsweep",
    products: [
        // The engine: number systems, catalog, methods, truth, sweep, analysis, the CSV and the
        // checker. Needs MPFR, MPC and Arb only.
        .library(name: "ErrSweep", targets: ["ErrSweep"]),
        // Charts (gnuplot, or native PNG on cairo and libpng), Markdown reports, and the jobs that
        // write a run's whole set of files.
        .library(name: "ErrSweepReports", targets: ["ErrSweepReports"]),
        // The checker for Swift's own automatic differentiation (`_Differentiation`), apart so
        // that the engine never imports it.
        .library(name: "ErrSweepDifferentiation", targets: ["ErrSweepDifferentiation"]),
        // The thin command line over it. The explorer in the browser (`errsweep serve`) is a
        // package of its own, Explorer/, so that nothing here resolves a web server.
        .executable(name: "errsweep", targets: ["errsweep"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-numerics", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
        // `swift package generate-documentation --target ErrSweep` (make docs): the DocC catalogue.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.4.0"),
    ],
    targets: [
        // MPFR, MPC and Arb (ball arithmetic, the proved truth). MPC and Arb ship no pkg-config
        // file; their headers sit beside MPFR's.
        .systemLibrary(
            name: "CMultiprecision",
            pkgConfig: "mpfr",
            providers: [.apt(["libmpfr-dev", "libmpc-dev", "libflint-arb-dev"])]
        ),
        .systemLibrary(name: "CCairo", pkgConfig: "cairo", providers: [.apt(["libcairo2-dev"])]),
        .systemLibrary(name: "CPNG", pkgConfig: "libpng", providers: [.apt(["libpng-dev"])]),
        .target(
            name: "ErrSweep",
            dependencies: [
                "CMultiprecision",
                .product(name: "Numerics", package: "swift-numerics"),
                .product(name: "HeapModule", package: "swift-collections"),
                .product(name: "DequeModule", package: "swift-collections"),
            ]
            // No unsafe flags, so a package can depend on errsweep by version: the hot generic
            // code (number systems, AD, stencils, the complex step, the catalog and the cost
            // functions) is @inlinable instead, and specialised in the module that uses it.
        ),
        .target(name: "ErrSweepReports", dependencies: ["ErrSweep", "CCairo", "CPNG"]),
        .target(name: "ErrSweepDifferentiation", dependencies: ["ErrSweep"]),
        .executableTarget(
            name: "errsweep",
            dependencies: [
                "ErrSweep",
                "ErrSweepReports",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "ErrSweepTests",
            dependencies: [
                "ErrSweep",
                "ErrSweepReports",
                "ErrSweepDifferentiation",
                .product(name: "Numerics", package: "swift-numerics"),
            ],
            // Read from the source tree by path (#filePath), not bundled.
            exclude: ["Fixtures"]
        ),
        // Runs the built binary end to end; the dependency makes `swift test` build it.
        .testTarget(name: "errsweepCLITests", dependencies: ["errsweep", "ErrSweep", "ErrSweepReports"]),
    ]
)
