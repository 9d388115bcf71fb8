@testable import ErrSweep
import Foundation
import Testing

@Suite struct StepGridTests {
    @Test func defaultGridHas151StepsWithExactEndpoints() throws {
        let steps = try StepGrid(parsing: "1e-1...1e-16").steps(perDecade: 10)
        #expect(steps.count == 151)
        #expect(steps.first == 1e-1)
        #expect(steps.last == 1e-16)
        #expect(zip(steps, steps.dropFirst()).allSatisfy { $0 > $1 })
        // 10 per decade: consecutive steps differ by 10^(1/10) = 1.2589254117941673…
        for (a, b) in zip(steps, steps.dropFirst()) {
            #expect(abs(a / b - 1.2589254117941673) < 1e-12)
        }
        #expect(steps[10] == 1e-2)
    }

    @Test func eitherDirection() throws {
        let up = try StepGrid(parsing: "1e-4...1e-2").steps(perDecade: 2)
        #expect(up.count == 5)
        #expect(up.first == 1e-4)
        #expect(up.last == 1e-2)
        #expect(zip(up, up.dropFirst()).allSatisfy { $0 < $1 })
    }

    @Test func listKeepsItsOrder() throws {
        #expect(try StepGrid(parsing: "1e-2,1e-4,1e-8") == .list([1e-2, 1e-4, 1e-8]))
        #expect(try StepGrid(parsing: " 0.5 ").steps(perDecade: 10) == [0.5])
    }

    @Test func singlePointRange() throws {
        #expect(try StepGrid(parsing: "1e-3...1e-3").steps(perDecade: 10) == [1e-3])
    }

    @Test(arguments: [
        "1e-1..1e-16", "1e-1...", "...1e-3", "abc", "1e-1...1e-1e", "", ",", "0", "-1e-3",
        "nan", "inf", "1e-2,,1e-3", "1e-1...1e-2...1e-3", "1e-1...-1e-3", "1e-400",
    ])
    func badInputIsRejected(_ text: String) {
        #expect(throws: StepGrid.ParseError.self) { try StepGrid(parsing: text) }
    }

    @Test func messagesSayWhatIsValid() {
        do {
            _ = try StepGrid(parsing: "1e-1..1e-16")
            Issue.record("accepted two dots")
        } catch {
            #expect("\(error)".contains("three dots"))
        }
    }

    /// 1e-330 is positive but reads as 0 in Double: the message says so, not "not > 0".
    @Test func aStepBelowTheLeastDoubleIsNamedAsSuch() {
        #expect(throws: StepGrid.ParseError(description:
            "step '1e-330' is below the smallest Double (4.9e-324) and reads as 0; expected a range like 1e-1...1e-16 or a list like 1e-2,1e-4,1e-8 of finite steps > 0")) {
            try StepGrid(parsing: "1e-300...1e-330")
        }
        #expect(throws: StepGrid.ParseError(description:
            "step '0e-5' is not > 0; expected a range like 1e-1...1e-16 or a list like 1e-2,1e-4,1e-8 of finite steps > 0")) {
            try StepGrid(parsing: "0e-5")
        }
    }

    /// The cost experiment's sizes are read by the same grid, and its messages speak of sizes.
    @Test func sizesAreNamedAsSizes() {
        #expect(throws: StepGrid.ParseError(description:
            "'10,,20' has an empty size; expected a range like 10...1000000 or a list like 10,100,1000 of finite sizes > 0")) {
            try StepGrid(parsing: "10,,20", of: .size)
        }
    }

    @Test func countWithoutMaking() throws {
        #expect(try StepGrid(parsing: "1e-1...1e-300").count(perDecade: 100_000) == 29_900_001)
    }

    /// A range makes its steps when read: 10⁷ of them cost nothing until then, and any one of them
    /// is the formula's 10^(log10 A + k·Δ).
    @Test func aRangeIsMadeWhenRead() throws {
        let steps = try StepGrid(parsing: "1e-1...1e-16").steps(perDecade: 666_667)
        #expect(steps.count == 10_000_006)
        #expect(steps[5_000_003] == pow(10, -1 - 15 * 5_000_003 / 10_000_005.0))
        #expect(steps.bounds == 1e-16...1e-1)
        #expect(steps.isMonotone)
    }

    @Test func aListKnowsWhetherItIsSorted() {
        #expect(Steps([1e-2, 1e-4, 1e-4, 1e-8]).isMonotone)
        #expect(Steps([1e-8, 1e-2]).isMonotone)
        #expect(!Steps([1e-2, 1e-8, 1e-4]).isMonotone)
        #expect(Steps([1e-2, 1e-8, 1e-4]).bounds == 1e-8...1e-2)
        #expect(Steps([]).bounds == nil)
    }
}
