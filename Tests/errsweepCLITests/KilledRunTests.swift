import Foundation
import Testing

/// A run killed outright — SIGKILL, which no handler sees, or a power cut — at each stage of its
/// commit: the next run in the same folder finds one run's files whole, never a mixture, and no
/// hidden file left behind. The kill is aimed by `ERRSWEEP_KILL_AT`, since a signal from outside
/// cannot hit the milliseconds a commit takes.
@Suite struct KilledRunTests {
    static let first = ["--fn", "sigmoid", "--x", "0,2", "--method", "forward", "--h", "1e-1...1e-3", "--per-decade", "1", "--plot", "png"]
    /// Different files from the first: another table, report and chart for x = 4.
    static let second = ["--fn", "sigmoid", "--x", "0,4", "--method", "forward", "--h", "1e-1...1e-4", "--per-decade", "1", "--plot", "png"]
    /// A run of another function, which finds the killed run's leftovers.
    static let next = ["--fn", "exp", "--x", "1", "--method", "forward", "--h", "1e-1...1e-2", "--per-decade", "1", "--plot", "none"]

    static func sigmoidFiles(_ snapshot: [String: Data]) -> [String: Data] {
        snapshot.filter { !$0.key.contains("exp") }
    }

    static func hidden(under directory: URL) -> [String] {
        Binary.files(under: directory).filter { $0.split(separator: "/").contains { $0.hasPrefix(".") } }
    }

    /// The files of the first run, and of the second run had it not been killed.
    static func expected() throws -> (first: [String: Data], second: [String: Data]) {
        let directory = try Binary.scratchDirectory()
        #expect(try Binary.run(first, in: directory).status == 0)
        let one = try RunCommitTests.snapshot(directory)
        #expect(try Binary.run(second, in: directory).status == 0)
        return (one, try RunCommitTests.snapshot(directory))
    }

    @Test(arguments: [("commit-placed-one", false), ("commit-renaming", true), ("commit-renamed-one", true)])
    func aRunKilledDuringItsCommitIsUndoneOrFinished(_ point: String, finished: Bool) throws {
        let (first, second) = try Self.expected()
        #expect(first != second)
        let directory = try Binary.scratchDirectory()
        #expect(try Binary.run(Self.first, in: directory).status == 0)
        let killed = try Binary.run(Self.second, in: directory, environment: ["ERRSWEEP_KILL_AT": point])
        #expect(killed.status == SIGKILL, "not killed at \(point): exit \(killed.status)")
        #expect(!Self.hidden(under: directory).isEmpty, "the kill at \(point) left nothing to recover")
        #expect(try Binary.run(Self.next, in: directory).status == 0)
        let after = Self.sigmoidFiles(try RunCommitTests.snapshot(directory))
        #expect(after == (finished ? second : first), "at \(point): \(after.keys.sorted())")
        #expect(Self.hidden(under: directory).isEmpty, "left behind: \(Self.hidden(under: directory))")
    }

    /// A signal errsweep does not handle, from outside at some moment of a longer run — SIGKILL,
    /// and SIGQUIT, SIGUSR1 and SIGALRM, whose default action also ends the process at once:
    /// afterwards, one run's files.
    @Test(arguments: [(SIGKILL, 0.2), (SIGKILL, 0.5), (SIGKILL, 0.9), (SIGQUIT, 0.5), (SIGUSR1, 0.7), (SIGALRM, 0.4)])
    func aRunKilledAtAnyMomentLeavesOneRunsFiles(_ signal: Int32, after seconds: Double) throws {
        let arguments = ["--fn", "sigmoid", "--x", "0,2,4", "--h", "1e-1...1e-16", "--plot", "png"]
        let control = try Binary.scratchDirectory()
        #expect(try Binary.run(Self.first, in: control).status == 0)
        let first = try RunCommitTests.snapshot(control)
        #expect(try Binary.run(arguments, in: control).status == 0)
        let complete = try RunCommitTests.snapshot(control)
        let directory = try Binary.scratchDirectory()
        #expect(try Binary.run(Self.first, in: directory).status == 0)
        _ = try Binary.run(arguments, in: directory, interruptedBy: signal, after: seconds)
        #expect(try Binary.run(Self.next, in: directory).status == 0)
        let after = Self.sigmoidFiles(try RunCommitTests.snapshot(directory))
        #expect(after == first || after == complete, "a mixture after signal \(signal) at \(seconds) s: \(after.keys.sorted())")
        #expect(Self.hidden(under: directory).isEmpty, "left behind: \(Self.hidden(under: directory))")
    }
}
