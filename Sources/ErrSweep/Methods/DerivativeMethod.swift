/// A way of computing f⁽ᴷ⁾(x): f′ by default, and with `--derivative K` the K-th derivative, each
/// method in its own family (`stencil(derivative:)`, `computes(derivative:)`).
///
/// The named difference methods are the usual formulas; `fornberg(family, order:)` is any other
/// order of accuracy of the forward, backward or central family, from Fornberg's recurrence,
/// named `family:order` (`central:6`, `forward:3`).
public enum DerivativeMethod: CaseIterable, Hashable, Sendable {
    case forward
    case backward
    case central
    case central5
    case complex
    /// The multicomplex step (K ≥ 2): the complex step with K imaginary units, reading f⁽ᴷ⁾
    /// from a part of its own.
    case multicomplex
    case forwardAD
    case reverseAD
    /// Taylor-mode AD (K ≥ 2): a truncated Taylor series carried through f.
    case taylor
    /// The Cauchy integral on four points of a circle around x (K ≤ 3); named, not in a default
    /// sweep.
    case contour
    /// A difference formula of the given family and order of accuracy (`--stencil central:6`).
    case fornberg(StencilFamily, order: Int)

    /// The three families of difference formulas.
    public enum StencilFamily: String, CaseIterable, Hashable, Sendable {
        case forward, backward, central
    }

    /// The named methods, in their usual order; the `fornberg` formulas are named by the user.
    public static let allCases: [DerivativeMethod] = [
        .forward, .backward, .central, .central5, .complex, .multicomplex, .forwardAD, .reverseAD, .taylor, .contour,
    ]

    /// The highest order of accuracy of each family: Fornberg's recurrence runs in exact
    /// rationals of 64-bit integers, which hold every weight of f′ to f⁽⁴⁾ up to these orders.
    public static func highestOrder(of family: StencilFamily) -> Int { family == .central ? 10 : 7 }

    /// The formula of `family` and `order`, by its name where it has one: forward:1 is
    /// `forward`, backward:1 `backward`, central:2 `central`, central:4 `central5`. Nil for an
    /// order the family does not have: below 1, odd for central, or past `highestOrder(of:)`.
    public static func stencil(_ family: StencilFamily, order: Int) -> DerivativeMethod? {
        guard (1...highestOrder(of: family)).contains(order), family != .central || order % 2 == 0 else { return nil }
        switch (family, order) {
        case (.forward, 1): return .forward
        case (.backward, 1): return .backward
        case (.central, 2): return .central
        case (.central, 4): return .central5
        default: return .fornberg(family, order: order)
        }
    }

    /// The methods without a step (AD), in the order a recommendation prefers them where their
    /// errors tie: reverse mode first, the mode a gradient of many inputs needs.
    public static let automaticPreference: [DerivativeMethod] = [.reverseAD, .forwardAD, .taylor]

    /// The highest derivative any method computes.
    public static let highestDerivative = 4

    /// The methods that compute the K-th derivative, in their usual order: the complex step
    /// gives f′ and f″ only; the multicomplex step is the complex step for f′, and Taylor mode
    /// forward AD, so both are listed from f″ on.
    public static func all(derivative k: Int) -> [DerivativeMethod] {
        allCases.filter { $0.computes(derivative: k) && $0.scheme.isInDefaultSweep }
    }

    /// What the method is: how it computes, how its error behaves, how it is named — the one
    /// place a method is defined (`DerivativeScheme`).
    var scheme: any DerivativeScheme {
        switch self {
        case .forward: DifferenceScheme(family: .forward, order: 1, firstDerivative: .forward, firstSummary: "(f(x+h) − f(x))/h, O(h)",
                                        title: "forward difference", chartColor: 0)
        case .backward: DifferenceScheme(family: .backward, order: 1, firstDerivative: .backward, firstSummary: "(f(x) − f(x−h))/h, O(h)",
                                         title: "backward difference", chartColor: 1)
        case .central: DifferenceScheme(family: .central, order: 2, firstDerivative: .central, firstSummary: "(f(x+h) − f(x−h))/2h, O(h²)",
                                        title: "central difference", chartColor: 2)
        case .central5: DifferenceScheme(family: .central, order: 4, firstDerivative: .central5,
                                         firstSummary: "(f(x−2h) − 8f(x−h) + 8f(x+h) − f(x+2h))/12h, O(h⁴)",
                                         title: "five-point central difference", chartColor: 3)
        // Formulas named by their order take the colours the named methods leave, by order.
        case .fornberg(let family, let order): DifferenceScheme(family: family, order: order, firstDerivative: nil, firstSummary: nil,
                                                                title: "\(family.rawValue) difference of order \(order)",
                                                                chartColor: [10, 7, 11][order % 3])
        case .complex: ComplexStepScheme()
        case .multicomplex: MulticomplexStepScheme()
        case .forwardAD: AutomaticScheme(mode: .forward)
        case .reverseAD: AutomaticScheme(mode: .reverse)
        case .taylor: AutomaticScheme(mode: .taylor)
        case .contour: ContourScheme()
        }
    }

    /// Whether the method computes the K-th derivative.
    public func computes(derivative k: Int) -> Bool {
        (1...Self.highestDerivative).contains(k) && scheme.computes(derivative: k)
    }

    /// Why the method does not compute the K-th derivative, as a clause naming what it does
    /// compute: "contour does not compute f⁗ (the 4-point Cauchy contour gives f′, f″ and f‴
    /// only)"; nil where it computes it.
    public func refusal(derivative k: Int) -> String? {
        guard !computes(derivative: k) else { return nil }
        let orders = (1...Self.highestDerivative).filter(computes).map { NumberFormat.derivative($0) }
        let gives = "\(orders.dropLast().joined(separator: ", "))\(orders.count > 1 ? " and " : "")\(orders.last ?? "nothing")"
        return "\(rawValue) does not compute \(NumberFormat.derivative(k)) (the \(title) gives \(gives) only)"
    }

    /// The finite-difference stencil for f′, for the difference methods.
    public var stencil: Stencil? { stencil(derivative: 1) }

    /// The difference stencil for the K-th derivative: forward and backward the one-sided
    /// formulas of order 1, central of order 2 and central5 of order 4 (Fornberg 1988, Table 1;
    /// for K = 1 the named 2-, 2-, 2- and 4-point formulas). Nil for the other methods.
    public func stencil(derivative k: Int) -> Stencil? { scheme.stencil(derivative: k) }

    /// Whether the method has a step and so a truncation error; AD has neither.
    public var usesStep: Bool { errorShape() != .exact }

    /// A one-line description of the f′ formula.
    public var summary: String { summary(derivative: 1) }

    /// A one-line description of the method's formula for the K-th derivative.
    public func summary(derivative k: Int) -> String { scheme.summary(derivative: k) }

    /// The method's name in a title: "central difference", "complex step".
    public var title: String { scheme.title }

    /// The method's colour in every chart, an index into the reports' palette.
    package var chartColor: Int { scheme.chartColor }

    /// The numbers f must accept for the method: "complex", "multicomplex", "dual".
    public var numberSystem: String { scheme.numberSystem }

    /// How the method computes a gradient of n variables (`GradientRule`).
    @usableFromInline
    var gradientRule: GradientRule { scheme.gradientRule }

    /// Forward or reverse mode, for the AD methods whose roundings `ADErrorExplanation` follows.
    var automaticMode: AutomaticScheme.Mode? { scheme.automaticMode }

    /// Whether the method's line is dashed in a chart of every method (`DerivativeScheme`).
    package var isDrawnDashed: Bool { scheme.isDrawnDashed }

    /// The name in a file's name: the command line's, with `-order` for the colon
    /// (`central-order6`), which some file systems refuse.
    public var fileName: String { rawValue.replacingOccurrences(of: ":", with: "-order") }
}

/// Written and read as its command-line name, as the baseline's JSON holds it.
extension DerivativeMethod: Codable {}

extension DerivativeMethod: RawRepresentable {
    /// The command line's name: `forward-ad`, `central5`, `central:6`.
    public var rawValue: String {
        switch self {
        case .forward: "forward"
        case .backward: "backward"
        case .central: "central"
        case .central5: "central5"
        case .complex: "complex"
        case .multicomplex: "multicomplex"
        case .forwardAD: "forward-ad"
        case .reverseAD: "reverse-ad"
        case .taylor: "taylor"
        case .contour: "contour"
        case .fornberg(let family, let order): "\(family.rawValue):\(order)"
        }
    }

    /// A named method, or `family:order` (`central:6`), the formula by its name where it has one.
    public init?(rawValue: String) {
        if let named = Self.allCases.first(where: { $0.rawValue == rawValue }) {
            self = named
            return
        }
        let parts = rawValue.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let family = StencilFamily(rawValue: String(parts[0])), let order = Int(parts[1]),
              let method = Self.stencil(family, order: order) else { return nil }
        self = method
    }
}
