import ErrSweep
import Testing

@Suite struct UlpTests {
    @Test func neighboursAreOneApart() {
        #expect(1.0.ulpDistance(to: 1.0.nextUp) == 1)
        #expect(1.0.ulpDistance(to: 1.0.nextDown) == 1)  // across the binade boundary
        #expect(Float(3).ulpDistance(to: Float(3).nextUp.nextUp.nextUp) == 3)
        #expect(Float16(1).ulpDistance(to: 2) == 1024)  // 2^10 Float16s in [1, 2)
    }

    @Test func zeroIsOnePointAcrossTheSign() {
        let tiny = Double.leastNonzeroMagnitude
        #expect((-tiny).ulpDistance(to: tiny) == 2)
        #expect((-0.0).ulpDistance(to: 0.0) == 0)
    }

    @Test func oneToTwoInDouble() {
        #expect(1.0.ulpDistance(to: 2.0) == 0x1p52)
    }

    @Test func notFiniteIsNaN() {
        #expect(Double.infinity.ulpDistance(to: 1).isNaN)
        #expect(Double.nan.ulpDistance(to: 1).isNaN)
    }

    #if arch(x86_64)
    @Test func float80CountsItsExplicitBitCorrectly() {
        #expect(Float80(1).ulpDistance(to: Float80(2)) == 0x1p63)
        #expect(Float80(1).ulpDistance(to: Float80(1).nextDown) == 1)
    }
    #endif
}
