import ArgumentParser

@main
struct ASLMH: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aslmh",
        abstract: "Classify mental-health AI products into ASL-MH safety tiers and check their controls.",
        subcommands: [GuardCommand.self]
    )
}
