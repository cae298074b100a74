/// Read access to the data files embedded at build time (tiers/, overlays/, ledger/, suites/).
public enum EmbeddedFiles {
    /// Files whose path starts with `prefix` (e.g. `"suites/"`), sorted by path.
    public static func files(under prefix: String) -> [(path: String, text: String)] {
        EmbeddedData.files.filter { $0.path.hasPrefix(prefix) }
    }
}
