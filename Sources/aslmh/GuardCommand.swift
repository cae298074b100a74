import ArgumentParser

struct GuardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "guard", abstract: "Runtime guard.")
}
