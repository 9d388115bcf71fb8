import ArgumentParser
import Foundation

extension Errsweep {
    /// `errsweep serve`: the explorer, which is a product of its own (`errsweep-serve`, on
    /// Hummingbird) so that the command line never builds a web server. This finds it beside
    /// this executable and hands it the arguments.
    struct Serve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The explorer in the browser: type a function, watch every method's V, read why.",
            discussion: """
                Starts errsweep-serve, built beside errsweep (swift build --product errsweep-serve), with these arguments.
                Example: errsweep serve --port 8080, then open http://127.0.0.1:8080/
                Options: --host (127.0.0.1), --port (8080; 0 for any free one), --budget seconds a request may compute (10), --concurrent (one per core), --waiting (16).
                """
        )

        @Argument(parsing: .allUnrecognized, help: "errsweep-serve's options.")
        var options: [String] = []

        func run() throws {
            let server = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
                .deletingLastPathComponent().appendingPathComponent("errsweep-serve")
            guard FileManager.default.isExecutableFile(atPath: server.path) else {
                throw Failure(description: "errsweep-serve is not built beside errsweep (\(server.path)); valid: build it with 'swift build --product errsweep-serve' (or run 'swift run errsweep-serve')", code: .unavailable)
            }
            let arguments = [server.path] + options
            let pointers = arguments.map { strdup($0) } + [nil]
            execv(server.path, pointers)
            throw Failure(description: "could not start \(server.path): \(String(cString: strerror(errno)))", code: .unavailable)
        }
    }
}
