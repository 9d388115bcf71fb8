/// The version of errsweep, shown by `--version` and in reports.
public enum ErrSweepVersion {
    public static let current = "0.1.0"
}
