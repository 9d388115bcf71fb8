import Foundation

/// A running `errsweep-serve` on a free port of loopback, stopped when this goes away.
final class ServedExplorer: @unchecked Sendable {
    let process = Process()
    let port: Int
    var base: String { "http://127.0.0.1:\(port)" }

    /// The server ERRSWEEP_SERVE names (`make load`: a release build), else the one built beside
    /// this test bundle, started with `arguments` after `--port 0`.
    init(_ arguments: [String] = []) throws {
        process.executableURL = ProcessInfo.processInfo.environment["ERRSWEEP_SERVE"].map { URL(fileURLWithPath: $0) } ?? Self.executable(named: "errsweep-serve")
        process.arguments = ["--port", "0"] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The first line names the port: "errsweep explorer on http://127.0.0.1:PORT/".
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = out.fileHandleForReading.availableData
            guard !chunk.isEmpty else { throw Failure("errsweep-serve exited before listening") }
            line += chunk
        }
        let text = String(decoding: line, as: UTF8.self)
        guard let match = text.firstMatch(of: /:(\d+)\//), let port = Int(match.1) else { throw Failure("no port in '\(text)'") }
        self.port = port
    }

    /// Which build serves: release or debug, from the executable's folder.
    var build: String { process.executableURL?.path.contains("/release/") == true ? "release" : "debug" }

    deinit {
        process.terminate()
        process.waitUntilExit()
    }

    /// GET `path`.
    func get(_ path: String) async throws -> LoopbackHTTP.Reply {
        try await LoopbackHTTP.send("GET", port: port, path: path)
    }

    /// An executable built beside this test bundle (`swift test` builds the products the tests
    /// depend on), else in .build/debug.
    static func executable(named name: String) -> URL {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(".build/debug/\(name)")
    }
}

struct Failure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
