import ASLMHCore
import ASLMHLoader
import ASLMHWiring
import ArgumentParser
import Foundation

/// Builds the shared pieces every checking command needs, once: the guard wiring (derived guard
/// configuration, deployed-configuration check, ledger) and a profile runner that uses it.
enum EngineSetup {
    static func wiring(_ catalog: Catalog) throws -> Wiring {
        do {
            return try Wiring.embedded(catalog: catalog)
        } catch let e as InputErrors {
            var text = "aslmh: the guard mapping or ledger has errors:\n"
            for err in e.all { text += "\(err.location): error: \(err.message)\n" }
            FileHandle.standardError.write(Data(text.utf8))
            throw ExitCode(2)
        } catch {
            FileHandle.standardError.write(Data("aslmh: cannot load the guard wiring: \(error)\n".utf8))
            throw ExitCode(2)
        }
    }

    static func runner(catalog: Catalog, overlays: OverlaySet) throws -> ProfileRunner {
        let wiring = try wiring(catalog)
        return ProfileRunner(catalog: catalog, overlays: overlays, extraControls: wiring.ledgerControls) { report, base in
            wiring.enrich(&report, baseDirectory: base)
        }
    }
}
