import Foundation

/// The files one kind of run writes — a sweep of sigmoid, the cost experiment on rosenbrock, the
/// audit — listed in `Reports/data/NAME.files` by the run that wrote them, so the next run of the
/// same family can remove what it no longer writes: the chart for x = 2 after a sweep of x = 0
/// alone would otherwise stay in Plots/, drawn from data the report no longer shows.
///
/// Only files a listing names are ever removed, and only below Reports/ or Plots/: a file errsweep
/// did not write, or another family's, is never touched. A run that draws no charts (they failed,
/// or `--plot none`) keeps the earlier charts and their entries: nothing is lost for a part that
/// was not redone.
public struct RunFamily: Sendable {
    public let name: String
    /// The files this run of the family writes, relative to the root.
    public let files: [String]

    /// The family `name` and the files this run wrote for it, relative to the output root.
    public init(name: String, files: [String]) {
        self.name = name
        self.files = files
    }

    /// Where the listing of a family's files is kept, relative to the root.
    public static func listing(of name: String) -> String { "Reports/data/\(name).files" }

    /// The listing this run leaves, and the files of the earlier run it makes stale.
    func replacing(earlier listing: String?) -> (listing: String, stale: [String]) {
        let earlier = (listing ?? "").split(separator: "\n").map(String.init).filter(Self.isRemovable)
        let drewCharts = files.contains { $0.hasPrefix("Plots/") }
        let kept = drewCharts ? [] : earlier.filter { $0.hasPrefix("Plots/") }
        let now = Set(files + kept + [Self.listing(of: name)])
        return (now.sorted().joined(separator: "\n") + "\n", earlier.filter { !now.contains($0) })
    }

    /// A relative path below Reports/ or Plots/ that climbs nowhere.
    static func isRemovable(_ path: String) -> Bool {
        (path.hasPrefix("Reports/") || path.hasPrefix("Plots/")) && !path.split(separator: "/").contains("..")
    }
}
