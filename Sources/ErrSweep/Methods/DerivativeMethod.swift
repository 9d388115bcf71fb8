/// A way of computing f′(x).
public enum DerivativeMethod: String, CaseIterable, Sendable {
    case forward
    case backward
    case central
    case central5
    case complex
    case forwardAD = "forward-ad"
    case reverseAD = "reverse-ad"

    /// The finite-difference stencil, for the four difference methods.
    public var stencil: Stencil? {
        switch self {
        case .forward: .forward
        case .backward: .backward
        case .central: .central
        case .central5: .central5
        case .complex, .forwardAD, .reverseAD: nil
        }
    }

    /// Whether the method has a step and so a truncation error; AD has neither.
    public var usesStep: Bool { self != .forwardAD && self != .reverseAD }

    /// A one-line description.
    public var summary: String {
        switch self {
        case .forward: "(f(x+h) − f(x))/h, O(h)"
        case .backward: "(f(x) − f(x−h))/h, O(h)"
        case .central: "(f(x+h) − f(x−h))/2h, O(h²)"
        case .central5: "(f(x−2h) − 8f(x−h) + 8f(x+h) − f(x+2h))/12h, O(h⁴)"
        case .complex: "Im f(x+ih)/h, O(h²), no subtraction"
        case .forwardAD: "dual numbers, one forward pass, exact up to rounding"
        case .reverseAD: "tape and one backward pass, exact up to rounding"
        }
    }
}
