import ArgumentParser
import ErrSweepExplorer
import Foundation
import Hummingbird
import Logging

/// `errsweep-serve` (and `errsweep serve`, which starts it): the explorer on a port of this
/// machine, 127.0.0.1 unless told otherwise.
@main
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "errsweep-serve",
        abstract: "The errsweep explorer in the browser: type a function, watch every method's V, read why.",
        discussion: "Example: errsweep serve --port 8080, then open http://127.0.0.1:8080/"
    )

    @Option(help: "The address to listen on (127.0.0.1: this machine only; 0.0.0.0: every interface).")
    var host = "127.0.0.1"

    @Option(help: "The port, 0 to 65535 (0: any free one, printed on start).")
    var port = 8080

    @Option(help: "Seconds a request may compute before it is stopped, 0.1 to 600.")
    var budget = 10.0

    @Option(help: "Requests computed at once (default: one per core).")
    var concurrent = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Requests that may wait for a turn before the explorer answers 503 (busy).")
    var waiting = 16

    /// Parses and runs, reporting a bad option as one line on stderr with exit code 64 (no usage
    /// dump), as errsweep does.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if let server = command as? Serve { try await server.run() } else { try command.run() }
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data("errsweep-serve: \(message(for: error))\n".utf8))
            Foundation.exit(code.rawValue)
        }
    }

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port \(port) is out of range; valid: 0 to 65535") }
        guard (0.1...600).contains(budget) else { throw ValidationError("--budget \(budget) is out of range; valid: 0.1 to 600 seconds") }
        guard (1...256).contains(concurrent) else { throw ValidationError("--concurrent \(concurrent) is out of range; valid: 1 to 256") }
        guard (0...10_000).contains(waiting) else { throw ValidationError("--waiting \(waiting) is out of range; valid: 0 to 10000") }
    }

    func run() async throws {
        let routes = ExplorerRoutes(budget: budget, limiter: RequestLimiter(running: concurrent, waiting: waiting))
        let host = self.host
        let app = Application(
            router: routes.router(),
            configuration: .init(address: .hostname(host, port: port), serverName: "errsweep"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                // Unbuffered, so a process that started the server reads the port at once.
                FileHandle.standardOutput.write(Data("errsweep explorer on http://\(host):\(port)/\n".utf8))
            },
            logger: {
                var logger = Logger(label: "errsweep-serve")
                logger.logLevel = .warning
                return logger
            }()
        )
        try await app.runService()
    }
}
