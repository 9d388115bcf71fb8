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

        public var description: String {
            switch self {
            case .failed(let program, let status, let message):
                "\(program) failed (exit \(status)): \(message.split(separator: "\n").prefix(3).joined(separator: " / "))"
            case .timedOut(let program, let seconds):
                "\(program) did not finish within \(seconds) s and was killed"
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

    /// The children running now, for an interrupted run to stop (`killAll`).
    private static let running = Mutex<Set<pid_t>>([])

    /// Kills every child still running: an interrupted errsweep leaves no gnuplot behind.
    public static func killAll() {
        running.withLock { pids in
            for pid in pids { kill(pid, SIGKILL) }
        }
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
        try process.run()
        let pid = process.processIdentifier
        Self.running.withLock { _ = $0.insert(pid) }
        defer { Self.running.withLock { _ = $0.remove(pid) } }
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
