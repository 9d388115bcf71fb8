import Testing

/// A catalog function's mpmath reference points (`referenceValues`), recorded as an issue where
/// there are fewer than five: a loop over them then always compares at least five.
func referencePoints(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) -> [(x: Double, value: String, derivative: String)] {
    let points = referenceValues[name] ?? []
    #expect(points.count >= 5, "\(name) has \(points.count) reference points", sourceLocation: sourceLocation)
    return points
}
