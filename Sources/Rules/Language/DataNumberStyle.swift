/// How numbers are written in progress data files (`--numbers`, spec §3.4).
public enum DataNumberStyle: String, Hashable, Sendable, CaseIterable {
    /// `.` is the decimal mark and nothing groups: `93.47`, `-5`, `1600.5` (the default).
    case c
    /// `,` is the decimal mark and `.` only groups thousands, in groups of three:
    /// `1.600,5`, `1600,5`, `93,47`.
    case vi
}
