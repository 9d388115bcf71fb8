import Foundation

/// Runs the built `errsweep` binary, as a user would.
struct Binary {
    struct Outcome {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The `errsweep` executable built beside this test bundle.
    static let url: URL = {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("errsweep")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        let built = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".build/debug/errsweep")
        return built
    }()

    /// Runs errsweep with `arguments` in `directory`, with PATH replaced when `path` is given and
    /// `environment` added, and sent `signal` after `seconds` when one is given.
    static func run(_ arguments: [String], in directory: URL, path: String? = nil, environment extra: [String: String] = [:],
                    interruptedBy signal: Int32? = nil, after seconds: Double = 0) throws -> Outcome {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = directory
        if path != nil || !extra.isEmpty {
            var environment = ProcessInfo.processInfo.environment
            if let path { environment["PATH"] = path }
            environment.merge(extra) { $1 }
            process.environment = environment
        }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        if let signal {
            let pid = process.processIdentifier
            DispatchQueue.global().asyncAfter(deadline: .now() + seconds) { kill(pid, signal) }
        }
        // Both pipes drained at once: a child blocked on a full stderr (a sanitizer's report can
        // be megabytes) while we wait on its stdout would never finish.
        nonisolated(unsafe) var stderr = Data()
        let drained = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            stderr = err.fileHandleForReading.readDataToEndOfFile()
            drained.signal()
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        drained.wait()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus,
            stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// A PATH, under `directory`, whose gnuplot writes half an image to the first output its
    /// script names and then does `then` (a shell command): `exec sleep 30` to hang, `exit 1` to
    /// fail. The rest of PATH is the system's.
    static func halfWritingGnuplot(in directory: URL, then: String) throws -> String {
        let bin = directory.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let gnuplot = bin.appendingPathComponent("gnuplot")
        try Data("""
            #!/bin/sh
            out=$(sed -n 's/^set output "\\([^"]*\\)".*/\\1/p' | head -n 1)
            printf 'half a PNG' > "$out"
            \(then)
            """.utf8).write(to: gnuplot)
        chmod(gnuplot.path, 0o755)
        return bin.path + ":/usr/bin:/bin"
    }

    /// A new empty directory.
    static func scratchDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("errsweep-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Every file below `directory`.
    static func files(under directory: URL) -> [String] {
        (FileManager.default.enumerator(atPath: directory.path)?.allObjects as? [String]) ?? []
    }
}

import Testing

extension Binary {
    /// Runs `arguments` in a new directory and expects a usage error: exit 64, `message` on
    /// stderr, nothing written.
    static func expectUsageError(_ arguments: [String], mentioning message: String,
                                 sourceLocation: SourceLocation = #_sourceLocation) throws {
        let directory = try scratchDirectory()
        let result = try run(arguments, in: directory)
        #expect(result.status == 64, "\(arguments): exit \(result.status)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
        // What is valid is said once: a refusal that names it gets no pointer to --help as well.
        let namesValid = result.stderr.range(of: #"\bvalid( for [^:;]*)?:"#, options: .regularExpression) != nil
        #expect(!(namesValid && result.stderr.contains("see 'errsweep --help'")), "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
        #expect(files(under: directory).isEmpty, "\(arguments) wrote files", sourceLocation: sourceLocation)
    }
}
