import Foundation

/// The results in plain words: for each point, where truncation gives way to rounding and why,
/// why the complex step and AD have no V, and anything unusual — a vanishing derivative that
/// raises an order, no truncation at all, steps below the resolution of x, a domain edge.
public enum Reading {
    /// The sweep's reading in words for one precision: per point, what each method's error does and
    /// why, a paragraph each.
    public static func paragraphs(spec: SweepSpec<some CatalogFunction>, analysis: SweepAnalysis, precision: Precision) -> [String] {
        var text: [String] = []
        for x in analysis.points {
            let entries = analysis.entries(precision: precision, x: x)
            guard !entries.isEmpty else { continue }
            text.append(paragraph(x: x, entries: entries, precision: precision))
        }
        if spec.derivative == 1 {
            text.append("""
                Why the complex step and AD have no V: the complex step puts h in the imaginary part and \
                never subtracts two nearly equal values, so shrinking h cannot amplify rounding; once its \
                h²·f‴/6 truncation is below an ulp it stays on its floor. AD has no step at all: it applies \
                the chain rule exactly, so its whole error is a few roundings.
                """)
        } else {
            let k = spec.derivative, d = NumberFormat.derivative(k)
            text.append("""
                Why the V is deeper for \(d): a formula for the \(k == 2 ? "second" : k == 3 ? "third" : "fourth") \
                derivative divides its weighted sum of values of f by h\(NumberFormat.superscript(k)), so the \
                rounding of those values, about ε·|f|, grows as ε·|f|/h\(NumberFormat.superscript(k)) while a \
                truncation of order p shrinks as hᵖ. They balance at h* ∝ ε^(1/(\(k) + p)), far larger than \
                for f′, and the best error is about ε^(p/(\(k) + p)) — for the second central difference \
                about √ε, half the digits. \(k == 2 ? "The complex step's f″, 2(f(x) − Re f(x + ih))/h², subtracts again and has a V of its own. " : "")\
                The multicomplex step reads \(d) from a part of its own and subtracts nothing: \
                its error falls as h² to a floor of a few ulps and stays there. AD has no step: nested \
                duals, forward-over-reverse and Taylor series apply the chain rule exactly, so their \
                error is roundings only.
                """)
        }
        return text
    }

    /// A sentence for a truth that took more bits to prove than two rounded evaluations used
    /// (`Truth.twoPrecisionBits`): f⁽ᴷ⁾ cancels deeply at this point, where a reference that
    /// trusts two agreeing precisions — and so the methods' verdicts against it — can be wholly
    /// wrong. nil for an ordinary truth.
    public static func deepTruth(entries: [SweepAnalysis.Entry], precision: Precision) -> String? {
        guard let bits = entries.compactMap(\.best).first?.truthBits else { return nil }
        guard bits > precision.twoPrecisionBits else { return nil }
        let d = NumberFormat.derivative(entries.first?.derivative ?? 1)
        return "The exact \(d)(x) cancels deeply here: proving it took \(bits) bits, more than the \(precision.firstTruthBits) and \(precision.twoPrecisionBits) of two rounded evaluations, which can agree on a wrong value."
    }

    static func paragraph(x: Double, entries: [SweepAnalysis.Entry], precision: Precision) -> String {
        let at = "At x = \(NumberFormat.compact(x))"
        var sentences: [String] = []
        if entries.allSatisfy({ $0.best == nil }) {
            if let unresolved = entries.lazy.compactMap(\.truthFailure).first {
                return "\(at) nothing could be measured (truth-unresolved): \(unresolved)."
            }
            let reasons = Set(entries.flatMap { $0.flagged.keys }).map(\.rawValue).sorted().joined(separator: ", ")
            return "\(at) nothing could be measured (\(reasons)): f or f′ is not a finite number there."
        }
        let k = entries.first?.derivative ?? 1, d = NumberFormat.derivative(k)
        if let deep = deepTruth(entries: entries, precision: precision) { sentences.append(deep) }
        if let truth = entries.compactMap(\.best).first?.truth, truth.isZero {
            sentences.append("\(d)(x) = 0 here, so relative errors are undefined; absolute errors and ulps tell how wrong each estimate is.")
        }
        let stencils = entries.filter { $0.method.stencil(derivative: k) != nil }
        let described = stencils.compactMap { entry -> String? in
            guard let best = entry.bottomOfTheV else { return nil }
            let predicted = entry.model?.optimalStep.map { " (model h* \(NumberFormat.scientific($0)))" } ?? ""
            if best.error == 0 { return "\(entry.method.rawValue) is exact (error 0) near h = \(NumberFormat.scientific(best.h))\(predicted)" }
            return "\(entry.method.rawValue) reaches \(NumberFormat.scientific(best.error)) near h = \(NumberFormat.scientific(best.h))\(predicted)"
        }
        if !described.isEmpty {
            sentences.append("\(at) the difference formulas trade truncation for rounding: " + described.joined(separator: "; ") + ".")
        }
        for entry in stencils {
            guard let stencil = entry.method.stencil(derivative: k), let model = entry.model else { continue }
            if model.terms.isEmpty {
                sentences.append("\(entry.method.rawValue) has no truncation here at all: every Taylor term through \(NumberFormat.derivative(HigherDerivatives.order(for: k, methods: [entry.method]))) of its error vanishes (f is symmetric about x in the way the stencil is), so its error is rounding alone.")
            } else if let order = model.leadingOrder, order > stencil.order {
                let fit = entry.truncationSlope.map { String(format: " (fitted slope %.2f)", $0) } ?? ""
                sentences.append("\(entry.method.rawValue) is order \(order) here instead of \(stencil.order): the derivative in its leading error term vanishes at this point\(fit).")
            }
        }
        // A rounding that does not grow as h shrinks has one of two causes.
        if stencils.contains(where: { $0.model.map { !$0.hasV } ?? false }) {
            sentences.append("The rounding error does not grow as h shrinks: f(x) = 0, so every sample is about h·f′ and its rounding shrinks with h — there is no V, only a floor.")
        } else if let flat = stencils.filter({ ($0.model?.roundingVariance.a0 ?? 0) > 0 }).compactMap(\.roundingSlope).first(where: { $0 > 0.5 - Double(k) }) {
            sentences.append(String(format: "Where rounding dominates its slope is only %.2f, not −\(k): f changes by less than an ulp of f(x) across the smallest steps, so f(x + h) rounds to f(x) and the quotient collapses to 0 — the error is then \(d) itself, whatever h.", flat))
        }
        let belowResolution = stencils.map { $0.flagged[.stepBelowResolution] ?? 0 }.max() ?? 0
        if belowResolution > 0 {
            sentences.append("The smallest steps are below the resolution of x in \(precision.rawValue) (x + h rounds to x): up to \(belowResolution) steps per method give the quotient 0 and are flagged step-below-resolution.")
        }
        let domain = entries.map { $0.flagged[.domain] ?? 0 }.max() ?? 0
        if domain > 0 {
            sentences.append("Up to \(domain) steps per method reach outside f's domain (a sample point where f is undefined); they are gaps, flagged domain.")
        }
        let unresolved = entries.map { $0.flagged[.truthUnresolved] ?? 0 }.max() ?? 0
        if unresolved > 0 {
            let enclosure = entries.lazy.compactMap(\.truthFailure).first.map { " (\($0))" } ?? ""
            sentences.append("At this point the exact derivative could not be proved\(enclosure): its enclosure still spans more than one value at the precision cap (deeper cancellation than the cap holds, a kink, or an exact tie), so no error is claimed (truth-unresolved; a higher cap, the spec's truthBits or the command line's --truth-bits, may prove it).")
        }
        let imaginary = entries.map { $0.flagged[.imaginaryUnderflow] ?? 0 }.max() ?? 0
        if imaginary > 0 {
            sentences.append("At the \(imaginary == 1 ? "smallest step" : "\(imaginary) smallest steps") the complex step's imaginary part h·f′ falls below the normal range of \(precision.rawValue) and keeps few bits or none (imaginary-underflow): that error is the format's, not the method's.")
        }
        let underflow = entries.map { $0.flagged[.stepUnderflow] ?? 0 }.max() ?? 0
        if underflow > 0 {
            sentences.append("\(underflow) steps round to 0 in \(precision.rawValue) and give no estimate (step-underflow).")
        }
        let exactish = entries.filter { $0.method.errorShape(derivative: k) != .v }.compactMap { e in e.best.map { "\(e.method.rawValue) \(NumberFormat.ulps($0.ulps)) \($0.ulps == 1 ? "ulp" : "ulps")" } }
        if !exactish.isEmpty {
            sentences.append("\(k == 1 ? "Complex step" : "Multicomplex step") and AD: " + exactish.joined(separator: ", ") + ".")
        }
        return sentences.joined(separator: " ")
    }

}
