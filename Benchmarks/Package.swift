// swift-tools-version: 6.1
// Benchmarks for the aslmh hot paths, kept out of the main package so its build and CI stay fast.
//   scripts/bench.sh            (builds in release and runs everything)
import PackageDescription

let package = Package(
    name: "aslmh-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/google/swift-benchmark", from: "0.1.2"),
    ],
    targets: [
        .executableTarget(
            name: "aslmh-benchmarks",
            dependencies: [
                .product(name: "ASLMHGuard", package: "main"),
                .product(name: "ASLMHCore", package: "main"),
                .product(name: "ASLMHLoader", package: "main"),
                .product(name: "ASLMHWiring", package: "main"),
                .product(name: "Benchmark", package: "swift-benchmark"),
            ]
        ),
    ],
    swiftLanguageModes: [.v5]
)
