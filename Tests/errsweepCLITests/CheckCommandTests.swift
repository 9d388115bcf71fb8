import Foundation
import Testing

@Suite struct CheckCommandTests {
    /// A small config so each test runs in a moment.
    static let config = """
        { "functions": [ { "name": "sigmoid", "points": [2], "methods": ["central", "forward-ad"] } ],
          "steps": "1e-1...1e-10", "perDecade": 5 }
        """

    /// A config without a `baseline` key keeps its baseline beside it (errsweep.baseline.json),
    /// never in the catalog's Reports/baseline.json.
    func prepared() throws -> URL {
        let directory = try Binary.scratchDirectory()
        try Data(Self.config.utf8).write(to: directory.appendingPathComponent("errsweep.json"))
        let update = try Binary.run(["check", "--config", "errsweep.json", "--update"], in: directory)
        #expect(update.status == 0, "\(update.stderr)")
        #expect(Binary.files(under: directory).filter { $0.hasSuffix(".json") }.sorted() == ["errsweep.baseline.json", "errsweep.json"])
        return directory
    }

    @Test func passesOnAnUnchangedEngine() throws {
        let directory = try prepared()
        let result = try Binary.run(["check", "--config", "errsweep.json"], in: directory)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("Accuracy check passed"))
    }

    /// Edit one baseline entry to claim central differences were once 16× better: check fails,
    /// exit 1, and names it.
    @Test func failsNamingAnEditedEntry() throws {
        let directory = try prepared()
        let url = directory.appendingPathComponent("errsweep.baseline.json")
        var json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        var entries = json["entries"] as! [[String: Any]]
        let i = entries.firstIndex { $0["method"] as? String == "central" }!
        entries[i]["bottomUlps"] = (entries[i]["bottomUlps"] as! Double) / 16
        json["entries"] = entries
        try JSONSerialization.data(withJSONObject: json).write(to: url)
        let result = try Binary.run(["check", "--config", "errsweep.json"], in: directory)
        #expect(result.status == 1)
        #expect(result.stdout.contains("sigmoid x=2 central double: bottom of the V (ulps)"))
        #expect(result.stdout.contains("Accuracy check FAILED: 1 regression"))
    }

    @Test(arguments: [
        ("", "is empty"), ("{ not json", "is not JSON"), (#"{"entries": 3}"#, "not an errsweep baseline"),
        (#"{"format": 99, "generatedBy": "", "referenceSteps": [], "entries": []}"#, "unknown format 99; valid: 2"),
        (#"{"format": 2, "generatedBy": "", "referenceSteps": [], "entries": []}"#, "'entries' is empty"),
        (#"{"format": 2, "generatedBy": "", "referenceSteps": [], "entries": [{"function": "sigmoid", "x": 2, "method": "central", "precision": "double", "bottomUlps": -1, "atSteps": []}]}"#, "negative ulps"),
        (#"{"format": 2, "generatedBy": "", "referenceSteps": [], "entries": [{"function": "sigmoid", "x": 2, "method": "central", "precision": "double", "bottomUlps": 1, "atSteps": []}], "extra": 1}"#, "unknown key 'extra'"),
    ])
    func aBrokenBaselineIsAUsageError(_ content: String, _ message: String) throws {
        let directory = try prepared()
        try Data(content.utf8).write(to: directory.appendingPathComponent("errsweep.baseline.json"))
        let result = try Binary.run(["check", "--config", "errsweep.json"], in: directory)
        #expect(result.status == 64)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test func aMissingBaselineSaysHowToMakeOne() throws {
        let directory = try Binary.scratchDirectory()
        let result = try Binary.run(["check", "--baseline", "nowhere.json"], in: directory)
        #expect(result.status == 64)
        #expect(result.stderr.contains("errsweep check --update"))
    }

    @Test(arguments: [
        (#"{"functions": [{"name": "sigmiod"}]}"#, "unknown function 'sigmiod'"),
        (#"{"functions": 3}"#, "not an errsweep check config"),
        ("[", "is not JSON"),
        (#"{"tolerance": 0.5}"#, "tolerance"),
        (#"{"functons": [{"name": "sigmoid"}]}"#, "unknown key 'functons'"),
        (#"{"functions": [{"name": "sigmoid", "point": [1]}]}"#, "unknown key 'functions.0.point'"),
        (#"{"perDecade": 1.5}"#, "wrong type or value at perDecade"),
    ])
    func aBadConfigIsAUsageError(_ content: String, _ message: String) throws {
        let directory = try Binary.scratchDirectory()
        try Data(content.utf8).write(to: directory.appendingPathComponent("bad.json"))
        let result = try Binary.run(["check", "--config", "bad.json"], in: directory)
        #expect(result.status == 64)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(Binary.files(under: directory) == ["bad.json"])
    }

    @Test(arguments: [
        (["check", "--config", "."], "is a directory, not a JSON file"),
        (["check", "--config", ""], "--config is empty"),
        (["help", "nosuch"], "no help for 'nosuch'"),
    ])
    func aBadPathOrTopicIsAUsageError(_ arguments: [String], _ message: String) throws {
        let directory = try Binary.scratchDirectory()
        let result = try Binary.run(arguments, in: directory)
        #expect(result.status == 64)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    /// A failed check ends with its table and verdict, not with an empty 'errsweep: ' line.
    @Test func aRegressionEndsWithTheVerdict() throws {
        let directory = try prepared()
        let url = directory.appendingPathComponent("errsweep.baseline.json")
        var json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        var entries = json["entries"] as! [[String: Any]]
        entries[0]["bottomUlps"] = 0
        entries[0]["bestUlps"] = 0
        json["entries"] = entries
        try JSONSerialization.data(withJSONObject: json).write(to: url)
        let result = try Binary.run(["check", "--config", "errsweep.json"], in: directory)
        #expect(result.status == 1)
        #expect(result.stderr.isEmpty, "\(result.stderr)")
    }
}
