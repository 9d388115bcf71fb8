// swift-tools-version: 6.1
// libFuzzer harnesses for errsweep, kept apart from the main package because every module here is
// built with -sanitize=fuzzer. Run with `make fuzz` (see the README).
import PackageDescription

let package = Package(
    name: "errsweep-fuzz",
    dependencies: [.package(name: "errsweep", path: "..")],
    targets: [
        // libFuzzer's driver, called from the harness's own main (SwiftPM renames an executable's
        // main, so libFuzzer's cannot be the entry point).
        .systemLibrary(name: "CLibFuzzer"),
        .executableTarget(
            name: "ExpressionFuzzer",
            dependencies: ["CLibFuzzer", .product(name: "ErrSweep", package: "errsweep")]
        ),
    ]
)
