// swift-tools-version: 6.1
import Foundation
import PackageDescription

/// Where Arb (ball arithmetic, the proved truth) lives on this machine. Since FLINT 3.0 (2023)
/// Arb is part of FLINT: `flint/arb.h` in `libflint`, described by `flint.pc` (Debian 13,
/// Ubuntu 24.04, Homebrew). Before, it was a library of its own: `arb.h` in `libflint-arb`
/// (Debian 12, Ubuntu 22.04), with no pkg-config file. The manifest reads the files, as
/// pkg-config would, because a system library target names one module map and one set of
/// libraries; the shim picks the header the same way (`__has_include`).
enum ArbLayout {
    /// FLINT 3: found through `flint.pc` when there is one, else by its header.
    case insideFLINT(pkgConfig: Bool)
    /// The separate Arb 2 library.
    case separate

    static var onThisMachine: ArbLayout {
        let environment = ProcessInfo.processInfo.environment
        // pkg-config's own search path: PKG_CONFIG_PATH first, then the places Debian, Ubuntu and
        // Homebrew (Apple silicon, then Intel) install .pc files.
        let pkgConfigPath = (environment["PKG_CONFIG_PATH"] ?? "").split(separator: ":").map(String.init)
            + ["/usr/lib/x86_64-linux-gnu/pkgconfig", "/usr/lib/aarch64-linux-gnu/pkgconfig", "/usr/lib/pkgconfig",
               "/usr/lib64/pkgconfig", "/usr/share/pkgconfig", "/usr/local/lib/pkgconfig",
               "/opt/homebrew/lib/pkgconfig", "/usr/local/opt/flint/lib/pkgconfig"]
        for directory in pkgConfigPath {
            guard let text = try? String(contentsOfFile: directory + "/flint.pc", encoding: .utf8) else { continue }
            let version = text.split(separator: "\n").first { $0.hasPrefix("Version:") }
            let major = version.flatMap { Int($0.dropFirst("Version:".count).trimmingCharacters(in: .whitespaces).prefix { $0.isNumber }) }
            if let major, major >= 3 { return .insideFLINT(pkgConfig: true) }
        }
        let includePath = (environment["CPATH"] ?? "").split(separator: ":").map(String.init)
            + ["/usr/include", "/usr/local/include", "/opt/homebrew/include"]
        if includePath.contains(where: { FileManager.default.fileExists(atPath: $0 + "/flint/arb.h") }) {
            return .insideFLINT(pkgConfig: false)
        }
        return .separate
    }
}

/// The multiprecision module for `layout`: one shim (Sources/CMultiprecision/shim.h), and a module
/// map per layout naming the libraries to link.
func multiprecision(_ layout: ArbLayout) -> Target {
    switch layout {
    case .insideFLINT(let pkgConfig):
        return .systemLibrary(
            name: "CMultiprecision",
            path: "Sources/CMultiprecision/ArbInsideFLINT",
            // flint.pc requires gmp and mpfr, so their flags come with it.
            pkgConfig: pkgConfig ? "flint" : "mpfr",
            providers: [.apt(["libmpfr-dev", "libmpc-dev", "libflint-dev"]), .brew(["mpfr", "libmpc", "flint"])]
        )
    case .separate:
        // MPC and Arb ship no pkg-config file; their headers sit beside MPFR's.
        return .systemLibrary(
            name: "CMultiprecision",
            path: "Sources/CMultiprecision/ArbSeparate",
            pkgConfig: "mpfr",
            providers: [.apt(["libmpfr-dev", "libmpc-dev", "libflint-arb-dev"])]
        )
    }
}

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
        // MPFR, MPC and Arb (ball arithmetic, the proved truth), in whichever layout this
        // machine has.
        multiprecision(.onThisMachine),
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
