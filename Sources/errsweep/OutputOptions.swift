import ArgumentParser
import ErrSweep
import Foundation

/// --out, for every command that writes files: checked once, first thing in its run, before any
/// work, by creating a folder and a file there and in each output folder already under it
/// (permission bits say nothing for root or a read-only mount). A folder that cannot be written
/// is EX_CANTCREAT (73), as a file that cannot be written during the work is: a bad option value
/// stays 64, and is reported first.
struct OutputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Root directory for Reports/ and Plots/.", valueName: "dir"))
    var out = "."

    var root: URL { URL(fileURLWithPath: out) }

    /// Refuses --out when errsweep cannot create and write files under it.
    func checkWritable() throws {
        try Self.checkWritable(out)
    }

    /// Refuses `out` when errsweep cannot create and write files under it (73).
    static func checkWritable(_ out: String) throws {
        if let problem = AtomicFile.problemWritingOutputs(under: URL(fileURLWithPath: out)) {
            throw Failure.cannotWrite("--out \(out): \(problem); valid: a directory errsweep can create and write in")
        }
    }
}
