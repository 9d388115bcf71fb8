// swift-tools-version: 6.1
// The explorer in the browser (`errsweep serve`, `make serve`): a package of its own, depending on
// errsweep by path, so that neither the command line, nor `make run`, nor a package that depends
// on the errsweep library resolves or builds a web server (Hummingbird, SwiftNIO).
import PackageDescription

let package = Package(
    name: "errsweep-explorer",
    products: [
        .executable(name: "errsweep-serve", targets: ["errsweep-serve"]),
    ],
    dependencies: [
        .package(name: "errsweep", path: ".."),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
    ],
    targets: [
        // The explorer's page and answers, without the server: a query read with the command
        // line's rules and limits, a sweep's charts as SVG, the page itself.
        .target(
            name: "ErrSweepExplorer",
            dependencies: [
                .product(name: "ErrSweep", package: "errsweep"),
                .product(name: "ErrSweepReports", package: "errsweep"),
            ]
        ),
        .executableTarget(
            name: "errsweep-serve",
            dependencies: [
                "ErrSweepExplorer",
                .product(name: "ErrSweep", package: "errsweep"),
                .product(name: "ErrSweepReports", package: "errsweep"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Its answers over loopback and under load, and the served page in headless Chromium
        // (WebDriver).
        .testTarget(
            name: "ExplorerTests",
            dependencies: [
                "errsweep-serve", "ErrSweepExplorer",
                .product(name: "ErrSweep", package: "errsweep"),
                .product(name: "ErrSweepReports", package: "errsweep"),
            ]
        ),
    ]
)
