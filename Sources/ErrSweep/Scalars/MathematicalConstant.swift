/// The named constants an expression may use. Each number system makes them itself, rounded once
/// to its own precision — never derived from another constant of fixed precision, so that the
/// truth's two-precision check sees two different roundings of π, not the same one twice.
public enum MathematicalConstant: String, Sendable, CaseIterable {
    case pi, e
}
