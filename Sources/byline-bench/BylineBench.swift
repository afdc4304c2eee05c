import ArgumentParser

/// Developer tool: benchmarks (release build). See README, "Benchmarks".
@main
struct BylineBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "byline-bench",
        abstract: "Measure Byline's speed.",
        subcommands: [AnalysisBench.self, CommandBench.self, ExtractionBench.self, FrameBench.self, IndexBench.self, ReaderBench.self])
}
