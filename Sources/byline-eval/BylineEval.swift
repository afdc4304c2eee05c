import ArgumentParser

/// Developer tool: measures the analysis against gold annotations (see README, "Evaluation").
@main
struct BylineEval: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "byline-eval",
        abstract: "Score Byline's analysis against gold annotations.",
        subcommands: [QuotesEval.self, TrainSpeakers.self, TimexEval.self, DucklingEval.self, ExtractionEval.self])
}
