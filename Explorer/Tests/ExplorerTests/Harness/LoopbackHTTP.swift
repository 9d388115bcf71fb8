import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// HTTP/1.1 to a port of 127.0.0.1 over a plain socket, one request a connection. The tests'
/// own client: Foundation's URLSession on Linux fails against chromedriver ("Failed writing
/// header", from its libcurl), and the NIO-based clients bring TLS libraries that would double
/// the build for two loopback peers.
enum LoopbackHTTP {
    struct Reply: Sendable {
        var status: Int
        /// Header names in lower case.
        var headers: [String: String]
        var body: Data
    }

    /// Sends `method path` with `body` (JSON) and reads the whole answer, off the caller's thread.
    static func send(_ method: String, port: Int, path: String, body: Data? = nil, timeout: Double = 60) async throws -> Reply {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try exchange(method, port: port, path: path, body: body, timeout: timeout) })
            }
        }
    }

    static func exchange(_ method: String, port: Int, path: String, body: Data?, timeout: Double) throws -> Reply {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Failure("socket: \(String(cString: strerror(errno)))") }
        defer { close(socket) }
        var time = timeval(tv_sec: Int(timeout), tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw Failure("connect to port \(port): \(String(cString: strerror(errno)))") }
        var request = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        if let body { request += "Content-Type: application/json\r\nContent-Length: \(body.count)\r\n" }
        let bytes = Data((request + "\r\n").utf8) + (body ?? Data())
        try bytes.withUnsafeBytes { buffer in
            var sent = 0
            while sent < buffer.count {
                let n = Glibc.send(socket, buffer.baseAddress! + sent, buffer.count - sent, Int32(MSG_NOSIGNAL))
                guard n > 0 else { throw Failure("send: \(String(cString: strerror(errno)))") }
                sent += n
            }
        }
        // The answer ends at its Content-Length, at a chunked body's last chunk, or where the
        // stream does (chromedriver keeps the connection open despite Connection: close).
        var answer = Data()
        var chunk = [UInt8](repeating: 0, count: 65536)
        while !isComplete(answer) {
            let n = recv(socket, &chunk, chunk.count, 0)
            if n == 0 { break }
            guard n > 0 else { throw Failure("recv from port \(port): \(String(cString: strerror(errno)))") }
            answer.append(contentsOf: chunk[0..<n])
        }
        return try parse(answer)
    }

    /// Whether `answer` holds a whole response by its own framing.
    static func isComplete(_ answer: Data) -> Bool {
        guard let end = answer.range(of: Data("\r\n\r\n".utf8)) else { return false }
        let head = String(decoding: answer[..<end.lowerBound], as: UTF8.self).lowercased()
        if let match = head.firstMatch(of: /content-length:\s*(\d+)/), let length = Int(match.1) {
            return answer.count - end.upperBound >= length
        }
        if head.contains("transfer-encoding: chunked") { return answer[end.upperBound...].range(of: Data("\r\n0\r\n\r\n".utf8)) != nil || answer[end.upperBound...].starts(with: Data("0\r\n\r\n".utf8)) }
        return false
    }

    /// The status line, headers and body (de-chunked if chunked) of a whole answer.
    static func parse(_ answer: Data) throws -> Reply {
        guard let end = answer.range(of: Data("\r\n\r\n".utf8)) else { throw Failure("no header end in \(answer.count) bytes") }
        let head = String(decoding: answer[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        guard let statusLine = head.first, let status = Int(statusLine.split(separator: " ")[1]) else { throw Failure("bad status line") }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Data(answer[end.upperBound...])
        if headers["transfer-encoding"]?.lowercased() == "chunked" {
            var joined = Data(), rest = body[...]
            while let line = rest.range(of: Data("\r\n".utf8)), let size = Int(String(decoding: rest[..<line.lowerBound], as: UTF8.self), radix: 16), size > 0 {
                joined += rest[line.upperBound..<(line.upperBound + size)]
                rest = rest[(line.upperBound + size + 2)...]
            }
            body = joined
        }
        return Reply(status: status, headers: headers, body: body)
    }
}
