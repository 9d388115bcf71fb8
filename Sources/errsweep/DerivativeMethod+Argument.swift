import ArgumentParser
import ErrSweep
import ErrSweepReports

/// A method by its command-line name (`central5`, `forward-ad`, `central:6`), for an option that
/// takes one; lists (`--method forward,central`) are read by `SpecParsing.methods`.
extension DerivativeMethod: ExpressibleByArgument {
    public static var allValueStrings: [String] { allCases.map(\.rawValue) + ["family:order (central:6)"] }
}

/// A working precision by its name, for an option that takes one.
extension Precision: ExpressibleByArgument {
    public static var allValueStrings: [String] { available.map(\.rawValue) }

    public init?(argument: String) {
        guard let precision = Precision(rawValue: argument), precision.isAvailable else { return nil }
        self = precision
    }
}
