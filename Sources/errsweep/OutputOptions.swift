import ArgumentParser
import ErrSweep
import Foundation

/// --out, for every command that writes files: checked once, before any work, by creating a
/// folder and a file there and in each output folder already under it (permission bits say
/// nothing for root or a read-only mount).
struct OutputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Root directory for Reports/ and Plots/.", valueName: "dir"))
    var out = "."

    var root: URL { URL(fileURLWithPath: out) }

    func validate() throws {
        try Self.validate(out)
    }

    /// Refuses `out` when errsweep cannot create and write files under it.
    static func validate(_ out: String) throws {
        if let problem = AtomicFile.problemWritingOutputs(under: URL(fileURLWithPath: out)) {
            throw ValidationError("--out \(out): \(problem); valid: a directory errsweep can create and write in")
        }
    }
}
