import ErrSweepReports
import Foundation
import Testing

/// Headless Chromium driven through chromedriver's W3C WebDriver protocol (JSON over HTTP):
/// navigate, find, type, click, move the pointer, read text and take screenshots, as a user's
/// browser does them.
final class WebDriver: @unchecked Sendable {
    static let elementKey = "element-6066-11e4-a52e-4f735466cecf"
    /// Chromium on PATH, or where Debian, Ubuntu and macOS put it.
    static let chromium = executable(["chromium", "chromium-browser"],
                                     orAt: ["/usr/lib/chromium/chromium", "/Applications/Chromium.app/Contents/MacOS/Chromium"])
    static let chromedriver = executable(["chromedriver"], orAt: ["/usr/lib/chromium/chromedriver"])

    /// Whether the browser tests can run here.
    static var isInstalled: Bool { chromium != nil && chromedriver != nil }

    /// Skips a suite where Chromium cannot be had (Ubuntu ships it as a snap, which apt-get does not
    /// install), with a line saying so; never in CI, which installs it, so that nothing is skipped there.
    static let needed = ConditionTrait.enabled(
        if: isInstalled || ProcessInfo.processInfo.environment["CI"] == "true",
        "Chromium and chromedriver are not installed (Debian: apt-get install chromium chromium-driver; Ubuntu: snap install chromium; macOS: brew install --cask chromium chromedriver)"
    )

    /// The first of `names` on PATH (`ChildProcess.find`), else the first of `paths` there is.
    static func executable(_ names: [String], orAt paths: [String]) -> String? {
        names.lazy.compactMap { ChildProcess.find($0)?.executable.path }.first
            ?? paths.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    let driver = Process()
    let port: Int
    var session = ""

    /// Starts chromedriver on a free port and a headless browser session in it.
    init() async throws {
        guard let chromedriver = Self.chromedriver, let chromium = Self.chromium else {
            throw Failure("Chromium and chromedriver are needed (Debian: chromium, chromium-driver; make test installs them)")
        }
        port = Int.random(in: 20_000...60_000)
        driver.executableURL = URL(fileURLWithPath: chromedriver)
        driver.arguments = ["--port=\(port)"]
        driver.standardOutput = FileHandle.nullDevice
        driver.standardError = FileHandle.nullDevice
        try driver.run()
        for _ in 0..<100 {
            if (try? await request("GET", "/status")) != nil { break }
            try await Task.sleep(nanoseconds: 100_000_000)
        }
        let capabilities: [String: Any] = ["capabilities": ["alwaysMatch": [
            "browserName": "chrome",
            "goog:chromeOptions": ["binary": chromium, "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1100,1600"]],
        ]]]
        let created = try await request("POST", "/session", capabilities)
        guard let id = (created as? [String: Any])?["sessionId"] as? String else { throw Failure("no session: \(String(describing: created))") }
        session = id
    }

    deinit {
        // chromedriver may not heed SIGTERM while a session ends.
        kill(driver.processIdentifier, SIGKILL)
        driver.waitUntilExit()
    }

    /// Ends the browser session (chromedriver answers it only once the browser is gone, and
    /// sometimes not at all: a few seconds are enough).
    func quit() async {
        _ = try? await request("DELETE", "/session/\(session)", timeout: 3)
    }

    /// One WebDriver command; its `value`.
    @discardableResult
    func request(_ method: String, _ path: String, _ body: [String: Any]? = nil, timeout: Double = 60) async throws -> Any? {
        let data = try body.map { try JSONSerialization.data(withJSONObject: $0) }
        let reply = try await LoopbackHTTP.send(method, port: port, path: path, body: data, timeout: timeout)
        let object = try JSONSerialization.jsonObject(with: reply.body) as? [String: Any]
        if reply.status >= 400 {
            throw Failure("WebDriver \(method) \(path): \(String(decoding: reply.body, as: UTF8.self))")
        }
        return object?["value"] ?? nil
    }

    @discardableResult
    func command(_ method: String, _ path: String, _ body: [String: Any]? = nil) async throws -> Any? {
        try await request(method, "/session/\(session)" + path, body)
    }

    func open(_ url: String) async throws { try await command("POST", "/url", ["url": url]) }

    var url: String { get async throws { try await command("GET", "/url") as? String ?? "" } }

    /// The first element matching a CSS selector.
    func element(_ selector: String) async throws -> String {
        let value = try await command("POST", "/element", ["using": "css selector", "value": selector])
        guard let id = (value as? [String: Any])?[Self.elementKey] as? String else { throw Failure("no element \(selector)") }
        return id
    }

    /// Every element matching a CSS selector.
    func elements(_ selector: String) async throws -> [String] {
        let value = try await command("POST", "/elements", ["using": "css selector", "value": selector]) as? [[String: Any]] ?? []
        return value.compactMap { $0[Self.elementKey] as? String }
    }

    func text(_ selector: String) async throws -> String {
        try await command("GET", "/element/\(try await element(selector))/text") as? String ?? ""
    }

    func property(_ selector: String, _ name: String) async throws -> String {
        try await command("GET", "/element/\(try await element(selector))/property/\(name)") as? String ?? ""
    }

    /// Clears a field and types `text` into it.
    func type(_ text: String, into selector: String) async throws {
        let field = try await element(selector)
        try await command("POST", "/element/\(field)/clear", [:])
        try await command("POST", "/element/\(field)/value", ["text": text])
    }

    func click(_ selector: String) async throws {
        try await command("POST", "/element/\(try await element(selector))/click", [:])
    }

    /// Moves the pointer onto an element's centre, as a mouse does.
    func hover(element id: String) async throws {
        try await command("POST", "/actions", ["actions": [[
            "type": "pointer", "id": "mouse", "parameters": ["pointerType": "mouse"],
            "actions": [["type": "pointerMove", "duration": 0, "origin": [Self.elementKey: id], "x": 0, "y": 0]],
        ]]])
    }

    /// Moves the pointer to a point of the viewport, in CSS pixels.
    func hover(x: Int, y: Int) async throws {
        try await command("POST", "/actions", ["actions": [[
            "type": "pointer", "id": "mouse", "parameters": ["pointerType": "mouse"],
            "actions": [["type": "pointerMove", "duration": 0, "origin": "viewport", "x": x, "y": y]],
        ]]])
    }

    /// Writes the page as the browser shows it to `name` in the folder ERRSWEEP_SCREENSHOTS
    /// names, if it names one (`make explorer-screenshot`: the README's pictures): from the top
    /// of the page, or with the bottom of the element `showing` selects at the bottom of the view.
    func screenshotIfAsked(_ name: String, showing selector: String? = nil) async throws {
        guard let folder = ProcessInfo.processInfo.environment["ERRSWEEP_SCREENSHOTS"] else { return }
        if let selector {
            try await command("POST", "/execute/sync", ["script": "arguments[0].scrollIntoView({block: 'end'})", "args": [[Self.elementKey: try await element(selector)]]])
        } else {
            try await command("POST", "/execute/sync", ["script": "window.scrollTo(0, 0)", "args": [Any]()])
        }
        let url = URL(fileURLWithPath: folder).appendingPathComponent(name)
        try await screenshot().write(to: url)
    }

    /// Scrolls an element into view (its centre on screen) by script.
    func scroll(to id: String) async throws {
        try await command("POST", "/execute/sync", ["script": "arguments[0].scrollIntoView({block: 'center'})", "args": [[Self.elementKey: id]]])
    }

    /// Waits until `selector`'s text satisfies `test`, for at most `seconds`.
    func wait(for selector: String, seconds: Double = 60, until test: (String) -> Bool) async throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        while Date() < deadline {
            last = (try? await text(selector)) ?? ""
            if test(last) { return last }
            try await Task.sleep(nanoseconds: 200_000_000)
        }
        throw Failure("\(selector) never satisfied the test; last text: '\(last)'")
    }

    /// The page as the browser shows it, as PNG bytes.
    func screenshot() async throws -> Data {
        guard let base64 = try await command("GET", "/screenshot") as? String, let data = Data(base64Encoded: base64) else { throw Failure("no screenshot") }
        return data
    }

    /// Whether an alert is open (a script the page should not have run).
    func alertIsOpen() async -> Bool {
        (try? await command("GET", "/alert/text")) != nil
    }
}
