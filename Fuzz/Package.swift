// swift-tools-version:6.1
import PackageDescription

// libFuzzer targets for Byline: a package of its own, so the main package builds and tests
// exactly as without it (CI runs `swift test` at the root and never builds this). It sees the
// main package's library products only (BylineCore, BylineSources, BylineUI). Build and run
// it with Scripts/fuzz.sh, which passes -sanitize=fuzzer,address to every target.
let package = Package(
    name: "BylineFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "Byline", path: ".."),
    ],
    targets: [
        // What the targets share: reading the fuzzer's bytes, and failing loudly.
        .target(name: "CLibFuzzer"),
        .target(name: "FuzzSupport", dependencies: ["CLibFuzzer"]),
        // Arbitrary bytes read as every format: detected, and forced to each reader in turn.
        .executableTarget(
            name: "fuzz-ingest",
            dependencies: ["FuzzSupport", .product(name: "BylineSources", package: "Byline"),
                           .product(name: "BylineCore", package: "Byline")]),
        // The whole analysis (quotations, speakers, time, timeline) of arbitrary text.
        .executableTarget(
            name: "fuzz-analysis",
            dependencies: ["FuzzSupport", .product(name: "BylineCore", package: "Byline")]),
        // The time normaliser (tokenizer, TIMEX3 parser, anchoring) against a chosen date.
        .executableTarget(
            name: "fuzz-time",
            dependencies: ["FuzzSupport", .product(name: "BylineCore", package: "Byline")]),
        // Wrapping by display width, and the text of each wrapped line.
        .executableTarget(
            name: "fuzz-wrap",
            dependencies: ["FuzzSupport", .product(name: "BylineUI", package: "Byline")]),
        // Key sequences (and clicks, resizes, commands, late answers) fed to the reader's update.
        .executableTarget(
            name: "fuzz-keys",
            dependencies: ["FuzzSupport", .product(name: "BylineUI", package: "Byline"),
                           .product(name: "BylineCore", package: "Byline")]),
    ],
    swiftLanguageModes: [.v6]
)
