import ArgumentParser
import ErrSweep

extension PlotBackend: ExpressibleByArgument {}
