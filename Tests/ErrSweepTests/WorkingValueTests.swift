import ErrSweep
import Foundation
import Testing

/// A working value keeps its precision and every bit of its value, and is written with the
/// digits of its own format.
@Suite struct WorkingValueTests {
    @Test func keepsItsPrecisionAndWritesItsOwnDigits() {
        // cos(0.5) rounded to each format: Float's nearest is 0.87758255 (24 bits), which as a
        // Double is 0.8775825500488281.
        let single = WorkingValue(Float(0.8775825618903728))
        #expect(single.precision == .float)
        #expect(single.description == "0.87758255")
        #expect(single.double == 0.8775825500488281)
        let half = WorkingValue(Float16(0.8775825618903728))
        #expect(half.description == "0.8774")
        #expect(half.double == 0.87744140625)
        #expect(WorkingValue(0.8775825618903728).description == "0.8775825618903728")
        #expect(WorkingValue.nan(.double).description == "nan")
        #expect(WorkingValue.nan(.float).isNaN && !WorkingValue.nan(.float).isFinite)
    }

    /// The text of each format reads back to the same value in that format, rounded to it.
    @Test func readsTextRoundedToItsPrecision() throws {
        let third = try #require(WorkingValue("0.333333333333333333333", precision: .float16))
        #expect(third.value(as: Float16.self) == Float16(1) / 3)
        #expect(third.description == "0.3333")
        #expect(WorkingValue("1e-300", precision: .float)?.isZero == true)
        #expect(WorkingValue("inf", precision: .double)?.isInfinite == true)
        #expect(WorkingValue("nan", precision: .double)?.isNaN == true)
        #expect(WorkingValue("x", precision: .double) == nil)
        #expect(WorkingValue(rounding: 0.1, to: .float)?.double == 0.10000000149011612)
        // Equal only in the same precision: a Float 0.5 is not a Double 0.5.
        #expect(WorkingValue(Float(0.5)) != WorkingValue(0.5))
    }

    #if arch(x86_64) || arch(i386)
    /// A float80 value keeps the 11 bits a Double would drop: 1 + 2⁻⁶³ is 1 in Double.
    @Test func float80KeepsItsSixtyFourBits() throws {
        let value = Float80(1) + Float80(sign: .plus, exponent: -63, significand: 1)
        let kept = WorkingValue(value)
        #expect(kept.value(as: Float80.self) == value)
        #expect(kept.double == 1)
        #expect(kept.description == "1.0000000000000000001")
        let read = try #require(WorkingValue(kept.description, precision: .float80))
        #expect(read == kept)
    }
    #endif
}
