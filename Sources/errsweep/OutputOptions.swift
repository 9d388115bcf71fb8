import ArgumentParser
import ErrSweep
import Foundation

/// --out, for every command that writes files: checked once, before any work, by creating a
/// folder and a file there (permission bits say nothing for root or a read-only mount).
struct OutputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Root directory for Reports/ and Plots/.", valueName: "dir"))
    var out = "."

    var root: URL { URL(fileURLWithPath: out) }

    func validate() throws {
        if let problem = AtomicFile.problemWriting(under: root) {
            throw ValidationError("--out \(out): \(problem); valid: a directory errsweep can create and write in")
        }
    }
}
