/// A chart as the page shows it: its file-style name, its title and the SVG.
public struct ExplorerChart: Sendable, Codable {
    public var name: String
    public var title: String
    public var svg: String
}

/// A table as the page shows it: a heading, the column headings, the rows as text, and notes
/// below it.
public struct ExplorerTable: Sendable, Codable {
    public var heading: String
    public var headings: [String]
    public var rows: [[String]]
    public var notes: [String]
}
