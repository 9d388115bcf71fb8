import Foundation
import Synchronization

/// A program errsweep runs (gnuplot, Graphviz dot): found on PATH (never at a fixed path), fed its
/// input on standard input, its standard error kept for the message, its exit status checked, and
/// killed if it runs past a time limit.
public struct ChildProcess: Sendable {
    public let executable: URL

    public enum Failure: Error, CustomStringConvertible, Equatable {
        case failed(program: String, status: Int32, message: String)
        case timedOut(program: String, seconds: Double)
        case interrupted(program: String)

        public var description: String {
            switch self {
            case .failed(let program, let status, let message):
                "\(program) failed (exit \(status)): \(message.split(separator: "\n").prefix(3).joined(separator: " / "))"
            case .timedOut(let program, let seconds):
                "\(program) did not finish within \(seconds) s and was killed"
            case .interrupted(let program):
                "\(program) not started: errsweep was interrupted"
            }
        }
    }

    /// The first executable called `name` on PATH, or nil.
    public static func find(_ name: String, path: String? = ProcessInfo.processInfo.environment["PATH"]) -> ChildProcess? {
        for directory in (path ?? "").split(separator: ":") where !directory.isEmpty {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return ChildProcess(executable: candidate) }
        }
        return nil
    }

    public init(executable: URL) { self.executable = executable }

    /// The children running now, and whether new ones may start: launching and killing take the
    /// same lock, so no child can start unseen between an interruption's kill and its exit.
    private static let children = Mutex<(stopped: Bool, running: Set<pid_t>)>((false, []))

    /// Kills every child still running and lets no new one start, then waits (up to a second) until
    /// each is dead — a killed gnuplot must not create its output after errsweep removed it.
    public static func killAll() {
        let killed = children.withLock { state in
            state.stopped = true
            for pid in state.running { kill(pid, SIGKILL) }
            return state.running
        }
        for pid in killed {
            var waited = 0
            while waited < 1000, isAlive(pid) {
                usleep(1000)
                waited += 1
            }
        }
    }

    /// Whether `pid` still runs: not gone and not a zombie (/proc/PID/stat's third field, proc(5)).
    private static func isAlive(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return false }
        return stat[stat.index(close, offsetBy: 2)...].first != "Z"
    }

    /// Runs the program with `arguments` in `directory`, `input` on its standard input.
    public func run(_ arguments: [String] = [], input: String, in directory: URL, timeout: Double) throws {
        let name = executable.lastPathComponent
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let stdin = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = FileHandle.nullDevice
        process.standardError = stderr
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        let pid = try Self.children.withLock { state throws -> pid_t in
            guard !state.stopped else { throw Failure.interrupted(program: name) }
            try process.run()
            state.running.insert(process.processIdentifier)
            return process.processIdentifier
        }
        defer { Self.children.withLock { _ = $0.running.remove(pid) } }
        // Read stderr while the program runs, so a chatty one cannot block on a full pipe.
        let collected = ErrorText()
        let reader = Thread {
            collected.set(String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
        }
        reader.start()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try? stdin.fileHandleForWriting.close()
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            if finished.wait(timeout: .now() + 2) == .timedOut {
                kill(process.processIdentifier, SIGKILL)
                finished.wait()
            }
            throw Failure.timedOut(program: name, seconds: timeout)
        }
        while !collected.isSet { usleep(1000) }
        guard process.terminationStatus == 0 else {
            throw Failure.failed(program: name, status: process.terminationStatus, message: collected.text)
        }
    }
}

/// Standard error text handed from the reading thread.
final class ErrorText: @unchecked Sendable {
    private let lock = NSLock()
    private var value: String?

    func set(_ text: String) { lock.withLock { value = text } }
    var isSet: Bool { lock.withLock { value != nil } }
    var text: String { lock.withLock { value ?? "" } }
}
