import ErrSweep

/// `text` as a 256-bit MPFR number.
func big(_ text: String) -> BigFloat {
    guard let value = BigFloat(decimal: text, precision: 256) else {
        fatalError("not a decimal number: \(text)")
    }
    return value
}

/// |a − b| / |b|, or |a − b| when b = 0, in MPFR.
func relativeDifference(_ a: BigFloat, _ b: BigFloat) -> Double {
    let difference = (a - b).magnitude
    return b.isZero ? difference.doubleValue : (difference / b.magnitude).doubleValue
}

/// The ulps between `estimate` and the decimal `exact` correctly rounded to T.
func ulps<T: WorkingFloat>(_ estimate: T, from exact: String) -> Double {
    estimate.ulpDistance(to: T(nearest: big(exact)))
}
