import ASLMHCore
import ASLMHLoader
import Foundation

enum TestCatalog {
    static let catalog: Catalog = {
        guard case .success(let c) = CatalogLoader.embedded() else { fatalError("embedded catalogue does not load") }
        return c
    }()

    static func load(_ text: String, path: String = "p.yaml") -> Result<Profile, InputErrors> {
        ProfileLoader(catalog: catalog).load(text: text, path: path, baseDirectory: nil)
    }

    static func errors(_ text: String) -> [InputError] {
        if case .failure(let e) = load(text) { return e.all }
        return []
    }

    static let valid = """
    schema: aslmh/profile/v1
    product:
      id: demo
      name: Demo
      version: 1.0.0
      team: Team
      contact: team@demo.example
    intended_use: Demo product.
    audience: [adults_only]
    settings: [consumer]
    capabilities: [conversational_support]
    autonomy: none
    controls:
      medical_disclaimer:
        evidence: https://demo.example/disclaimer

    """

    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }
}
