/// A way of computing f⁽ᴷ⁾(x): f′ by default, and with `--derivative K` the K-th derivative, each
/// method in its own family (`stencil(derivative:)`, `computes(derivative:)`).
public enum DerivativeMethod: String, CaseIterable, Sendable {
    case forward
    case backward
    case central
    case central5
    case complex
    /// The multicomplex step (K ≥ 2): the complex step with K imaginary units, reading f⁽ᴷ⁾
    /// from a part of its own.
    case multicomplex
    case forwardAD = "forward-ad"
    case reverseAD = "reverse-ad"
    /// Taylor-mode AD (K ≥ 2): a truncated Taylor series carried through f.
    case taylor

    /// The highest derivative any method computes.
    public static let highestDerivative = 4

    /// The methods that compute the K-th derivative, in their usual order: the complex step
    /// gives f′ and f″ only; the multicomplex step is the complex step for f′, and Taylor mode
    /// forward AD, so both are listed from f″ on.
    public static func all(derivative k: Int) -> [DerivativeMethod] {
        allCases.filter { $0.computes(derivative: k) }
    }

    /// Whether the method computes the K-th derivative.
    public func computes(derivative k: Int) -> Bool {
        guard (1...Self.highestDerivative).contains(k) else { return false }
        switch self {
        case .complex: return k <= 2
        case .taylor, .multicomplex: return k >= 2
        default: return true
        }
    }

    /// The finite-difference stencil for f′, for the four difference methods.
    public var stencil: Stencil? { stencil(derivative: 1) }

    /// The difference stencil for the K-th derivative: forward and backward the one-sided
    /// formulas of order 1, central of order 2 and central5 of order 4 (Fornberg 1988, Table 1;
    /// for K = 1 the named 2-, 2-, 2- and 4-point formulas). Nil for the other methods.
    public func stencil(derivative k: Int) -> Stencil? {
        if k == 1 {
            switch self {
            case .forward: return .forward
            case .backward: return .backward
            case .central: return .central
            case .central5: return .central5
            default: return nil
            }
        }
        switch self {
        case .forward: return .forward(derivative: k, order: 1)
        case .backward: return .backward(derivative: k, order: 1)
        case .central: return .central(derivative: k, order: 2)
        case .central5: return .central(derivative: k, order: 4)
        default: return nil
        }
    }

    /// Whether the method has a step and so a truncation error; AD has neither.
    public var usesStep: Bool { self != .forwardAD && self != .reverseAD && self != .taylor }

    /// A one-line description of the f′ formula.
    public var summary: String { summary(derivative: 1) }

    /// A one-line description of the method's formula for the K-th derivative.
    public func summary(derivative k: Int) -> String {
        if k > 1, let stencil = stencil(derivative: k) {
            return "\(stencil.offsets.count)-point \(self == .forward ? "forward" : self == .backward ? "backward" : "central") formula, O(h\(NumberFormat.superscript(stencil.order)))"
        }
        switch self {
        case .forward: return "(f(x+h) − f(x))/h, O(h)"
        case .backward: return "(f(x) − f(x−h))/h, O(h)"
        case .central: return "(f(x+h) − f(x−h))/2h, O(h²)"
        case .central5: return "(f(x−2h) − 8f(x−h) + 8f(x+h) − f(x+2h))/12h, O(h⁴)"
        case .complex: return k == 1 ? "Im f(x+ih)/h, O(h²), no subtraction" : "2(f(x) − Re f(x+ih))/h², O(h²), subtracts again"
        case .forwardAD: return k == 1 ? "dual numbers, one forward pass, exact up to rounding" : "dual numbers nested \(k) deep (hyper-dual for K = 2), exact up to rounding"
        case .reverseAD: return k == 1 ? "tape and one backward pass, exact up to rounding" : "forward-over-reverse: a tape of \(k - 1)-deep duals, one backward pass"
        case .multicomplex: return "Im₁…ₖ f(x + h(i₁+…+iₖ))/hᴷ (K ≥ 2), O(h²), no subtraction"
        case .taylor: return "Taylor series to degree K carried through f (K ≥ 2), one forward pass, exact up to rounding"
        }
    }
}
