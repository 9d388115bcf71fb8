/// The named constants an expression may use. Each number system makes them itself, rounded once
/// to its own precision (Arb encloses it) — never derived from another constant of fixed
/// precision, which would put a fixed error on the truth's path whatever its precision.
public enum MathematicalConstant: String, Sendable, CaseIterable {
    case pi, e
}
