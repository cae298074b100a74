// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "aslmh",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "aslmh", targets: ["aslmh"]),
        .library(name: "ASLMHCore", targets: ["ASLMHCore"]),
        .library(name: "ASLMHLoader", targets: ["ASLMHLoader"]),
        .library(name: "ASLMHGuard", targets: ["ASLMHGuard"]),
        .library(name: "ASLMHWiring", targets: ["ASLMHWiring"]),
    ],
    dependencies: [
        // Yams 5.0.1 on purpose: its composer keeps duplicate mapping keys with their marks,
        // so the loader can report every duplicate with its location (6.x throws on the first).
        .package(url: "https://github.com/jpsim/Yams.git", exact: "5.0.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
    ],
    targets: [
        // Generates Swift sources that embed the data folders (tiers/, lexicons/, …) in the binary.
        .executableTarget(name: "EmbedDataTool", path: "Sources/EmbedDataTool"),
        .plugin(name: "EmbedData", capability: .buildTool(), dependencies: ["EmbedDataTool"]),

        // Pure core: models, rules, classification, checks, reporters. No file system, no clock.
        .target(name: "ASLMHCore"),
        // Runtime guard: depends on the standard library and Foundation only.
        .target(name: "ASLMHGuard", plugins: ["EmbedData"]),
        // Loading layer: YAML → models with source locations; embedded catalogue.
        .target(
            name: "ASLMHLoader",
            dependencies: ["ASLMHCore", .product(name: "Yams", package: "Yams")],
            plugins: ["EmbedData"]
        ),
        // Wiring: derives a product's guard configuration from its tier and markets, compares a
        // deployed configuration with it, and runs the ledger's executable suites through it.
        .target(name: "ASLMHWiring", dependencies: ["ASLMHCore", "ASLMHLoader", "ASLMHGuard"]),
        .executableTarget(
            name: "aslmh",
            dependencies: [
                "ASLMHCore", "ASLMHLoader", "ASLMHGuard", "ASLMHWiring",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "ASLMHCoreTests", dependencies: ["ASLMHCore", "ASLMHLoader"], exclude: ["Golden"]),
        .testTarget(name: "ASLMHLoaderTests", dependencies: ["ASLMHCore", "ASLMHLoader"]),
        .testTarget(name: "ASLMHWiringTests", dependencies: ["ASLMHCore", "ASLMHLoader", "ASLMHGuard", "ASLMHWiring"]),
        .testTarget(name: "ASLMHGuardTests", dependencies: ["ASLMHGuard", "ASLMHCore"], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
