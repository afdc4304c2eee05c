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
        // For the fuzz targets of Fuzz/ (a package of its own, which sees only products).
        .library(name: "BylineSources", targets: ["BylineSources"]),
        .library(name: "BylineUI", targets: ["BylineUI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // Test-only: a real HTTP server on loopback for the fetching and subscription tests.
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        // Document model, ingest and the analyses (quotes, speakers, time). Foundation only.
        .target(name: "BylineCore", swiftSettings: strict),
        // libxml2 (HTML and XML parsers), cmark-gfm (Markdown) and zlib (gzip), through shim headers.
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CCmark", providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        // Every source besides plain text turned into Articles: web pages, feeds, Markdown,
        // gzip, standard input, HTTP with its cache, and subscriptions.
        .target(name: "BylineSources", dependencies: ["BylineCore", "CLibXML2", "CCmark", "CZlib"], swiftSettings: strict),
        // The shared library index: SQLite (GRDB, FTS5) cache and queries. Its cache is keyed
        // by a build-time fingerprint of the analysis's sources (see SourceFingerprint).
        .target(
            name: "BylineIndex",
            dependencies: ["BylineCore", "BylineSources", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict,
            plugins: ["AnalysisFingerprint"]),
        .plugin(name: "AnalysisFingerprint", capability: .buildTool(), dependencies: ["analysis-fingerprint"]),
        .executableTarget(name: "analysis-fingerprint", dependencies: ["BylineCore"], swiftSettings: strict),
        // The reader as pure code: state, actions, update, layout, widgets drawing into a Screen.
        .target(name: "BylineUI", dependencies: ["BylineCore", "BylineIndex"], swiftSettings: strict),
        // What the reader does besides drawing, for the event loop: the worker thread that
        // answers the index's requests, the files it keeps (config, reading positions, read
        // marks), the feed update it runs in the background, and launching the browser. Keeps
        // BylineUI pure (no threads, files or processes).
        .target(
            name: "BylineApp",
            dependencies: ["BylineCore", "BylineSources", "BylineIndex", "BylineUI"],
            swiftSettings: strict),
        // ncursesw, through a shim header (see Sources/CNcursesw/shim.h).
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncursesw5-dev"])]),
        // The only code that touches ncurses.
        .target(name: "BylineTerminal", dependencies: ["BylineUI", "CNcursesw"], swiftSettings: strict),
        .executableTarget(
            name: "byline",
            dependencies: [
                "BylineCore", "BylineSources", "BylineIndex", "BylineUI", "BylineApp", "BylineTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict),
        // Developer tools: evaluation against gold data, and benchmarks.
        .executableTarget(
            name: "byline-eval",
            dependencies: ["BylineCore", "BylineSources", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strict),
        .executableTarget(
            name: "byline-bench",
            dependencies: [
                "BylineCore", "BylineSources", "BylineIndex", "BylineUI", "BylineApp",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict),
        // What several test targets share: a real HTTP server on loopback (FlyingFox), blocking
        // work kept off the cooperative pool, temporary folders with an isolated home.
        .target(
            name: "BylineTestSupport",
            dependencies: [.product(name: "FlyingFox", package: "FlyingFox"), .product(name: "FlyingSocks", package: "FlyingFox")],
            path: "Tests/BylineTestSupport",
            swiftSettings: strict),
        .testTarget(name: "BylineCoreTests", dependencies: ["BylineCore"], swiftSettings: strict),
        .testTarget(
            name: "BylineSourcesTests",
            dependencies: [
                "BylineSources", "BylineCore", "CZlib", "BylineTestSupport", .product(name: "FlyingFox", package: "FlyingFox"),
            ],
            exclude: ["Fixtures"],
            swiftSettings: strict),
        .testTarget(
            name: "BylineIndexTests",
            dependencies: ["BylineIndex", "BylineCore", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict),
        .testTarget(
            name: "BylineUITests", dependencies: ["BylineUI", "BylineCore", "BylineIndex"], exclude: ["Snapshots"],
            swiftSettings: strict),
        .testTarget(
            name: "BylineAppTests",
            dependencies: ["BylineApp", "BylineUI", "BylineCore", "BylineIndex", "BylineSources", "BylineTestSupport"],
            swiftSettings: strict),
        // Both run the built `byline` binary (in tmux; and for its output formats, exit codes and
        // error messages), which `swift test` builds beside them. FlyingFox: a feed served on
        // loopback for `byline update`.
        .testTarget(name: "BylineEndToEndTests", dependencies: ["byline", "BylineTestSupport"], swiftSettings: strict),
        .testTarget(
            name: "BylineCommandLineTests",
            dependencies: [
                "byline", "BylineCore", "BylineTestSupport", .product(name: "FlyingFox", package: "FlyingFox"),
            ],
            swiftSettings: strict),
    ],
    swiftLanguageModes: [.v6]
)
