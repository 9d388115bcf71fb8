import Foundation

/// A new baseline set against an old one: what got worse, what got better.
public struct BaselineComparison: Sendable {
    /// One figure that moved: what it is, its value in the baseline and now, and their ratio.
    public struct Change: Sendable, Equatable {
        /// What changed, e.g. `sigmoid x=2 central double: bottom of the V (ulps)`.
        public var what: String
        public var baseline: String
        public var now: String
        /// now / baseline for errors ((now + 1)/(baseline + 1) in ulps), now − baseline for orders.
        public var ratio: String
    }

    public var regressions: [Change] = []
    public var improvements: [Change] = []
    /// Entries measured now that the baseline does not have.
    public var added: [String] = []

    /// Compares errors in ulps as (now + 1)/(baseline + 1), which handles exact zeros: a
    /// regression is a ratio above `tolerance`, an improvement one below 1/`tolerance`. An order
    /// changes when a fitted slope moves by more than `orderTolerance` or appears or disappears.
    public init(baseline: AccuracyBaseline, current: AccuracyBaseline, tolerance: Double = 2, orderTolerance: Double = 0.25) {
        let now = Dictionary(current.entries.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        let before = Set(baseline.entries.map(\.key))
        added = current.entries.map(\.key).filter { !before.contains($0) }
        for old in baseline.entries {
            guard let new = now[old.key] else {
                regressions.append(Change(what: "\(old.key): not measured any more", baseline: "present", now: "missing", ratio: "—"))
                continue
            }
            compareUlps("\(old.key): bottom of the V (ulps)", old.bottomUlps, new.bottomUlps, tolerance)
            // Without a V the best error is the floor, a figure of the method; with one it is
            // the luck of a single step, and only the bottom of the V is compared.
            if old.method.errorShape(derivative: old.derivative ?? 1) != .v {
                compareUlps("\(old.key): best error (ulps)", old.bestUlps, new.bestUlps, tolerance)
            }
            for step in old.atSteps {
                let match = new.atSteps.first { $0.h == step.h }
                compareUlps("\(old.key): error at h = \(NumberFormat.exact(step.h)) (ulps)", step.ulps, match?.ulps, tolerance)
            }
            compareOrder("\(old.key): truncation order", old.truncationOrder, new.truncationOrder, orderTolerance)
            compareOrder("\(old.key): rounding slope", old.roundingSlope, new.roundingSlope, orderTolerance)
        }
        // The audit of errsweep's own arithmetic: the maximum and median ulps of each part.
        let audited = Dictionary((current.numberSystems ?? []).map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        let auditedBefore = Set((baseline.numberSystems ?? []).map(\.key))
        added += (current.numberSystems ?? []).map(\.key).filter { !auditedBefore.contains($0) }
        for old in baseline.numberSystems ?? [] {
            guard let new = audited[old.key] else {
                regressions.append(Change(what: "\(old.key): not measured any more", baseline: "present", now: "missing", ratio: "—"))
                continue
            }
            compareUlps("\(old.key): maximum (ulps)", old.maximumUlps, new.maximumUlps, tolerance)
            compareUlps("\(old.key): median (ulps)", old.medianUlps, new.medianUlps, tolerance)
        }
        compareEstimators(baseline.estimators, current.estimators, tolerance)
    }

    public var passed: Bool { regressions.isEmpty }

    /// errsweep's estimator on each set of cases: worse on any axis is a regression — fewer
    /// honest answers, bounds that hold or answers with 10 or 6 digits; more evaluations, bounds
    /// 10× under or zero bounds; a median relative error or bound ÷ error grown by more than the
    /// tolerance.
    mutating func compareEstimators(_ baseline: [AccuracyBaseline.EstimatorEntry]?, _ current: [AccuracyBaseline.EstimatorEntry]?, _ tolerance: Double) {
        let now = Dictionary((current ?? []).map { ($0.cases, $0.score) }, uniquingKeysWith: { a, _ in a })
        let before = Set((baseline ?? []).map(\.cases))
        added += (current ?? []).filter { !before.contains($0.cases) }.map { "estimator on the \($0.cases)" }
        for old in baseline ?? [] {
            let what = "estimator on the \(old.cases)"
            guard let new = now[old.cases] else {
                regressions.append(Change(what: "\(what): not measured any more", baseline: "present", now: "missing", ratio: "—"))
                continue
            }
            let o = old.score
            func share(_ name: String, _ old: Double, _ new: Double) {
                let change = Change(what: "\(what): \(name)", baseline: NumberFormat.percent(old, decimals: 1), now: NumberFormat.percent(new, decimals: 1), ratio: String(format: "%+.1f%%", 100 * (new - old)))
                if new < old { regressions.append(change) } else if new > old { improvements.append(change) }
            }
            func fewer(_ name: String, _ old: Double, _ new: Double, allowing factor: Double = 1) {
                let change = Change(what: "\(what): \(name)", baseline: NumberFormat.significant(old, digits: 3), now: NumberFormat.significant(new, digits: 3),
                                    ratio: old == 0 ? "—" : NumberFormat.fixed(new / old))
                if new > old * factor && new > old { regressions.append(change) } else if new * factor < old { improvements.append(change) }
            }
            share("honest answers", o.honest, new.honest)
            share("bounds that hold", o.boundHolds, new.boundHolds)
            share("answers with 10 digits", o.tenDigits, new.tenDigits)
            share("answers with 6 digits", o.sixDigits, new.sixDigits)
            fewer("bounds 10× under", o.silentlyUnderTenfold, new.silentlyUnderTenfold)
            fewer("zero bounds with an error", Double(o.zeroBounds), Double(new.zeroBounds))
            fewer("median evaluations", o.medianEvaluations, new.medianEvaluations)
            fewer("most evaluations", Double(o.maximumEvaluations), Double(new.maximumEvaluations))
            fewer("median relative error", o.medianRelativeError, new.medianRelativeError, allowing: tolerance)
            if let oldRatio = o.medianBoundOverError {
                fewer("median bound ÷ true error", oldRatio, new.medianBoundOverError ?? .infinity, allowing: tolerance)
            }
        }
    }

    mutating func compareUlps(_ what: String, _ old: Double?, _ new: Double?, _ tolerance: Double) {
        switch (old, new) {
        case (nil, nil): return
        case (let old?, nil):
            regressions.append(Change(what: what, baseline: NumberFormat.ulps(old), now: "not measurable", ratio: "—"))
        case (nil, let new?):
            improvements.append(Change(what: what, baseline: "not measurable", now: NumberFormat.ulps(new), ratio: "—"))
        case (let old?, let new?):
            let ratio = (new + 1) / (old + 1)
            let change = Change(what: what, baseline: NumberFormat.ulps(old), now: NumberFormat.ulps(new), ratio: NumberFormat.fixed(ratio))
            if ratio > tolerance { regressions.append(change) } else if ratio < 1 / tolerance { improvements.append(change) }
        }
    }

    mutating func compareOrder(_ what: String, _ old: Double?, _ new: Double?, _ tolerance: Double) {
        let show = { (v: Double?) in v.map { NumberFormat.fixed($0) } ?? "none" }
        switch (old, new) {
        case (nil, nil): return
        case (let old?, let new?) where abs(new - old) <= tolerance: return
        default:
            let delta = old.flatMap { o in new.map { String(format: "%+.2f", $0 - o) } } ?? "—"
            regressions.append(Change(what: what, baseline: show(old), now: show(new), ratio: delta))
        }
    }


    /// The verdict as text: a table of regressions, then improvements.
    public func report(tolerance: Double) -> String {
        var text = ""
        func table(_ title: String, _ changes: [Change]) {
            guard !changes.isEmpty else { return }
            text += "\(title) (\(changes.count)):\n"
            let width = changes.map(\.what.count).max() ?? 10
            text += "  " + "what".padding(toLength: width, withPad: " ", startingAt: 0) + "  baseline    now         ratio\n"
            for c in changes {
                text += "  " + c.what.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                    + c.baseline.padding(toLength: 10, withPad: " ", startingAt: 0) + "  "
                    + c.now.padding(toLength: 10, withPad: " ", startingAt: 0) + "  " + c.ratio + "\n"
            }
        }
        table("Regressions: errors grown by more than a factor \(String(format: "%g", tolerance)), or orders changed", regressions)
        table("Improvements", improvements)
        if !added.isEmpty { text += "New, not in the baseline (\(added.count)): " + added.prefix(8).joined(separator: "; ") + (added.count > 8 ? "; …" : "") + "\n" }
        text += passed ? "Accuracy check passed: nothing got worse.\n" : "Accuracy check FAILED: \(regressions.count) regression\(regressions.count == 1 ? "" : "s").\n"
        return text
    }
}
