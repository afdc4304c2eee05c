// swift-tools-version:6.1
import PackageDescription

// Swift 6 language mode (complete strict concurrency) for every target; `any` spelled out.
let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "Byline",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "byline", targets: ["byline"]),
        .library(name: "BylineCore", targets: ["BylineCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // Document model, ingest and the analyses (quotes, speakers, time). Foundation only.
        .target(name: "BylineCore", swiftSettings: strict),
        // The shared library index: SQLite (GRDB, FTS5) cache and queries.
        .target(
            name: "BylineIndex",
            dependencies: ["BylineCore", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict),
        // The reader as pure code: state, actions, update, layout, widgets drawing into a Screen.
        .target(name: "BylineUI", dependencies: ["BylineCore", "BylineIndex"], swiftSettings: strict),
        // ncursesw, through a shim header (see Sources/CNcursesw/shim.h).
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncursesw5-dev"])]),
        // The only code that touches ncurses.
        .target(name: "BylineTerminal", dependencies: ["BylineUI", "CNcursesw"], swiftSettings: strict),
        .executableTarget(
            name: "byline",
            dependencies: [
                "BylineCore", "BylineIndex", "BylineUI", "BylineTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict),
        // Developer tools: evaluation against gold data, and benchmarks.
        .executableTarget(
            name: "byline-eval",
            dependencies: ["BylineCore", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strict),
        .executableTarget(
            name: "byline-bench",
            dependencies: [
                "BylineCore", "BylineIndex", "BylineUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict),
        .testTarget(name: "BylineCoreTests", dependencies: ["BylineCore"], swiftSettings: strict),
        .testTarget(
            name: "BylineIndexTests",
            dependencies: ["BylineIndex", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict),
        .testTarget(name: "BylineUITests", dependencies: ["BylineUI"], exclude: ["Snapshots"], swiftSettings: strict),
        .testTarget(name: "BylineEndToEndTests", dependencies: ["BylineCore"], swiftSettings: strict),
        // Runs the built `byline` binary: output formats, exit codes, error messages.
        .testTarget(name: "BylineCommandLineTests", dependencies: ["BylineCore"], swiftSettings: strict),
    ],
    swiftLanguageModes: [.v6]
)
