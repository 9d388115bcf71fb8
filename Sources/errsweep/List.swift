import ArgumentParser
import ErrSweep

extension Errsweep {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List every function and method.")

        func run() {
            print("Functions:")
            for f in Catalog.functions {
                print("  \(f.name)")
                print("      f(x)  = \(f.formula)")
                print("      f′(x) = \(f.derivativeFormula)")
                print("      default x: \(f.defaultPoints.map(NumberFormat.exact).joined(separator: ", "))")
                print("      \(f.lesson)")
            }
            print("\nMethods:")
            for m in DerivativeMethod.allCases {
                print("  " + m.rawValue.padding(toLength: 14, withPad: " ", startingAt: 0) + m.summary(derivative: m.computes(derivative: 1) ? 1 : 2))
            }
            print("  " + "family:order".padding(toLength: 14, withPad: " ", startingAt: 0)
                  + "any order of a forward, backward or central formula (--stencil central:6)")
            print("\nPrecisions: " + Precision.available.map(\.rawValue).joined(separator: ", "))
        }
    }
}
