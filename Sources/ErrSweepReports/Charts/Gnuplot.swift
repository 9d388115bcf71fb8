import ErrSweep
import Foundation

/// gnuplot, run as a child process (see `ChildProcess`).
public struct Gnuplot: Sendable {
    public let process: ChildProcess

    /// Why gnuplot could not draw: not installed, or it failed.
    public enum Failure: Error, CustomStringConvertible, Equatable {
        case notInstalled

        public var description: String {
            "gnuplot is not installed (Debian/Ubuntu: apt-get install gnuplot-nox); the native renderer (png) needs no gnuplot"
        }
    }

    /// The first executable `gnuplot` on PATH, or nil.
    public static func find(path: String? = ProcessInfo.processInfo.environment["PATH"]) -> Gnuplot? {
        ChildProcess.find("gnuplot", path: path).map(Gnuplot.init)
    }

    /// gnuplot at the program `process` runs.
    public init(_ process: ChildProcess) { self.process = process }

    /// Runs `script` with `directory` as the working directory.
    public func run(_ script: String, in directory: URL, timeout: Double = 60) throws {
        try process.run(input: script, in: directory, timeout: timeout)
    }
}
