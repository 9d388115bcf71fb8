// swift-tools-version: 6.1
// A package that uses errsweep as any other package would: by version. scripts/check-consumer.sh
// builds and tests it against a tagged copy of this checkout (ERRSWEEP_PACKAGE_URL).
import Foundation
import PackageDescription

let errsweep = ProcessInfo.processInfo.environment["ERRSWEEP_PACKAGE_URL"] ?? "https://github.com/errsweep/errsweep"

let package = Package(
    name: "consumer",
    dependencies: [
        .package(url: errsweep, from: "0.1.0"),
    ],
    targets: [
        .target(name: "Logistic", dependencies: [.product(name: "ErrSweep", package: "errsweep")], path: "Sources/Logistic"),
        .executableTarget(name: "consumer", dependencies: ["Logistic", .product(name: "ErrSweep", package: "errsweep")]),
        // The statement tape from this package against errsweep's own (scripts/check-consumer.sh).
        .executableTarget(name: "consumer-speed", dependencies: [.product(name: "ErrSweep", package: "errsweep")]),
        .testTarget(name: "consumerTests", dependencies: [
            "Logistic",
            .product(name: "ErrSweep", package: "errsweep"),
            .product(name: "ErrSweepDifferentiation", package: "errsweep"),
        ]),
    ]
)
