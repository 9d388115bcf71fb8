import Foundation
import Synchronization

/// A program errsweep runs (gnuplot, Graphviz dot): found on PATH (never at a fixed path), fed its
/// input on standard input, its standard error kept for the message, its exit status checked, and
/// killed if it runs past a time limit.
public struct ChildProcess: Sendable {
    public let executable: URL

    /// Why a child process failed: it exited with a status (and its standard error), ran past its
    /// time, or was stopped because errsweep was interrupted.
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

    /// The program at `executable`.
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
    /// The exit status of a program that has exited (128 + n if a signal n ended it), nil while it
    /// runs; the zombie is left for Foundation to reap (WNOWAIT).
    static func exitStatus(_ pid: pid_t) -> Int32? {
        var info = siginfo_t()
        guard waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0, info._sifields._sigchld.si_pid == pid else { return nil }
        let code = info._sifields._sigchld.si_status
        return info.si_code == Int32(CLD_EXITED) ? code : 128 + code
    }

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
        let deadline = DispatchTime.now() + timeout
        // Read stderr as it comes, so a chatty program cannot block on a full pipe, and write the
        // input from another thread, so one that never reads it cannot block errsweep: the
        // deadline covers the program's whole life, input, exit and output.
        let collected = ErrorText()
        let output = stderr.fileHandleForReading
        Thread {
            // Chunk by chunk, so what came before a never-ending stream is there to show. If a
            // child of the program holds the pipe open, this thread waits on it alone.
            while true {
                let data = output.availableData
                if data.isEmpty { break }
                collected.append(data)
            }
            collected.finish()
        }.start()
        let input = Data(input.utf8), writing = stdin.fileHandleForWriting
        Thread {
            // A program that exits without reading its input makes this write fail with EPIPE;
            // SIGPIPE, which would end errsweep, is blocked in this thread only and the pending
            // one taken, so no process-wide handler is changed.
            var pipeSignal = sigset_t()
            sigemptyset(&pipeSignal)
            sigaddset(&pipeSignal, SIGPIPE)
            pthread_sigmask(SIG_BLOCK, &pipeSignal, nil)
            try? writing.write(contentsOf: input)
            try? writing.close()
            var none = timespec(tv_sec: 0, tv_nsec: 0)
            _ = sigtimedwait(&pipeSignal, nil, &none)
        }.start()
        // Foundation reports the exit only when every holder of a descriptor it shares with the
        // program has closed it, which a child of the program left running delays; the exit is
        // therefore read from the kernel (`exitStatus`), without reaping, as it happens.
        var status: Int32?
        while status == nil {
            status = Self.exitStatus(pid)
            guard status == nil else { break }
            if DispatchTime.now() >= deadline {
                process.terminate()
                var waited = 0
                while waited < 2000, Self.isAlive(pid) { usleep(1000); waited += 1 }
                if Self.isAlive(pid) { kill(pid, SIGKILL) }
                while Self.isAlive(pid) { usleep(1000) }
                throw Failure.timedOut(program: name, seconds: timeout)
            }
            // Foundation may have seen the exit first, and reaped it.
            if finished.wait(timeout: .now() + .milliseconds(2)) == .success { status = process.terminationStatus }
        }
        // The program has exited; its own output is in the pipe. A child of its own may still hold
        // the pipe open (and never close it): wait a moment for the end, not for that child.
        let drained = min(deadline, .now() + 1)
        while !collected.isFinished && DispatchTime.now() < drained { usleep(1000) }
        guard status == 0 else {
            throw Failure.failed(program: name, status: status!, message: collected.text)
        }
    }
}

/// Standard error text handed from the reading thread.
final class ErrorText: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    private var finished = false

    func append(_ more: Data) { lock.withLock { data.append(more) } }
    func finish() { lock.withLock { finished = true } }
    var isFinished: Bool { lock.withLock { finished } }
    var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }
}
