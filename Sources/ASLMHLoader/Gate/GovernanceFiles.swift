import ASLMHCore
import Foundation

/// Loads the governance files from disk. A missing file that was asked for is an input error.
public enum GovernanceFiles {
    static func text(_ path: String) -> Result<String, InputErrors> {
        switch InputFiles.read(.file(path), maxBytes: YAMLLimits.standard.maxBytes) {
        case .success(let t): return .success(t)
        case .failure(let e):
            if !FileManager.default.fileExists(atPath: path) {
                return .failure(InputErrors([InputError(code: "not-found", message: "no such file", suggestion: "Check the path.",
                                                        location: SourceLocation(path: path, line: 1, column: 1))]))
            }
            return .failure(InputErrors([e]))
        }
    }

    public static func approvals(_ path: String) -> Result<ApprovalBook, InputErrors> {
        text(path).flatMap { ApprovalsFile.read(text: $0, path: path) }
    }

    public static func waivers(_ path: String, maxDays: Int) -> Result<[Waiver], InputErrors> {
        text(path).flatMap { WaiversFile.read(text: $0, path: path, maxDays: maxDays) }
    }

    public static func baseline(_ path: String) -> Result<Baseline, InputErrors> {
        text(path).flatMap { BaselineFile.read(text: $0, path: path) }
    }
}
