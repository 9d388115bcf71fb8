import Foundation

/// gnuplot, run as a child process: found on PATH (never at a fixed path), fed its script on
/// standard input, its standard error kept for the message, its exit status checked, and killed if
/// it runs past a time limit.
public struct Gnuplot: Sendable {
    public let executable: URL

    public enum Failure: Error, CustomStringConvertible, Equatable {
        case notInstalled
        case failed(status: Int32, message: String)
        case timedOut(seconds: Double)

        public var description: String {
            switch self {
            case .notInstalled:
                "gnuplot is not installed (Debian/Ubuntu: apt-get install gnuplot-nox); use --plot png for the native renderer"
            case .failed(let status, let message):
                "gnuplot failed (exit \(status)): \(message.split(separator: "\n").prefix(3).joined(separator: " / "))"
            case .timedOut(let seconds):
                "gnuplot did not finish within \(seconds) s and was killed"
            }
        }
    }

    /// The first executable `gnuplot` on PATH, or nil.
    public static func find(path: String? = ProcessInfo.processInfo.environment["PATH"]) -> Gnuplot? {
        for directory in (path ?? "").split(separator: ":") where !directory.isEmpty {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent("gnuplot")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return Gnuplot(executable: candidate) }
        }
        return nil
    }

    public init(executable: URL) { self.executable = executable }

    /// Runs `script` with `directory` as the working directory.
    public func run(_ script: String, in directory: URL, timeout: Double = 60) throws {
        let process = Process()
        process.executableURL = executable
        process.currentDirectoryURL = directory
        let input = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        // Read stderr while gnuplot runs, so a chatty gnuplot cannot block on a full pipe.
        let collected = ErrorText()
        let reader = Thread {
            collected.set(String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
        }
        reader.start()
        input.fileHandleForWriting.write(Data(script.utf8))
        try? input.fileHandleForWriting.close()
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            if finished.wait(timeout: .now() + 2) == .timedOut {
                kill(process.processIdentifier, SIGKILL)
                finished.wait()
            }
            throw Failure.timedOut(seconds: timeout)
        }
        while !collected.isSet { usleep(1000) }
        guard process.terminationStatus == 0 else {
            throw Failure.failed(status: process.terminationStatus, message: collected.text)
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
