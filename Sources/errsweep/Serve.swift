import ArgumentParser
import ErrSweep
import ErrSweepReports
import Foundation

extension Errsweep {
    /// `errsweep serve`: the explorer, which is a package of its own (Explorer/, its product
    /// `errsweep-serve` on Hummingbird) so that the command line never resolves or builds a web
    /// server. This finds the server — beside this executable, or built in the checkout's
    /// Explorer/ (building it there first when it is not) — and hands it the arguments.
    struct Serve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The explorer in the browser: type a function, watch every method's V, read why.",
            discussion: """
                Starts errsweep-serve (the Explorer/ package; built on first use, or by make serve) with these arguments.
                Example: errsweep serve --port 8080, then open http://127.0.0.1:8080/
                Options: --host (127.0.0.1), --port (8080; 0 for any free one), --budget seconds a request may compute (10), --concurrent (one per core), --waiting (16).
                """
        )

        @Argument(parsing: .allUnrecognized, help: "errsweep-serve's options.")
        var options: [String] = []

        func run() throws {
            let here = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
            let server = try Self.beside(here) ?? Self.inCheckout(above: here)
            let arguments = [server.path] + options
            let pointers = arguments.map { strdup($0) } + [nil]
            execv(server.path, pointers)
            throw Failure(description: "could not start \(server.path): \(String(cString: strerror(errno)))", code: .unavailable)
        }

        /// errsweep-serve in the same folder as errsweep (both installed together).
        static func beside(_ folder: URL) -> URL? {
            let server = folder.appendingPathComponent("errsweep-serve")
            return FileManager.default.isExecutableFile(atPath: server.path) ? server : nil
        }

        /// errsweep-serve built in the Explorer/ package of the checkout errsweep was built in
        /// (.build/…/errsweep sits a few folders below it), in errsweep's own configuration; built
        /// there now, with swift build's progress on stderr, when it is not yet.
        static func inCheckout(above folder: URL) throws -> URL {
            var root = folder
            for _ in 0..<5 {
                root = root.deletingLastPathComponent()
                if FileManager.default.fileExists(atPath: root.appendingPathComponent("Explorer/Package.swift").path) { break }
            }
            let explorer = root.appendingPathComponent("Explorer")
            guard FileManager.default.fileExists(atPath: explorer.appendingPathComponent("Package.swift").path) else {
                throw Failure(description: "errsweep-serve is not beside errsweep (\(folder.path)) and no errsweep checkout holds this errsweep; valid: run it from a checkout (make serve), or install errsweep-serve beside errsweep", code: .unavailable)
            }
            let configuration = folder.path.contains("/release") ? "release" : "debug"
            let server = explorer.appendingPathComponent(".build/\(configuration)/errsweep-serve")
            if !FileManager.default.isExecutableFile(atPath: server.path) {
                FileHandle.standardError.write(Data("errsweep serve: building the explorer (Explorer/, once)\n".utf8))
                guard let swift = ChildProcess.find("swift") else {
                    throw Failure(description: "the explorer is not built and swift is not on PATH; valid: build it with make serve", code: .unavailable)
                }
                let process = Process()
                process.executableURL = swift.executable
                process.arguments = ["build", "--package-path", explorer.path, "-c", configuration, "--product", "errsweep-serve"]
                process.standardOutput = FileHandle.standardError
                try process.run()
                process.waitUntilExit()
                let build = process.terminationStatus
                guard build == 0, FileManager.default.isExecutableFile(atPath: server.path) else {
                    throw Failure(description: "the explorer did not build (swift build exited \(build)); valid: fix what swift build printed above, then errsweep serve again", code: .unavailable)
                }
            }
            return server
        }
    }
}
