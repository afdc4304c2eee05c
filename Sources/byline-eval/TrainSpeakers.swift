import ArgumentParser
import BylineCore
import Foundation

/// Trains the speaker ranker (`SpeakerRanking` in BylineCore): an averaged perceptron that
/// chooses, for each quotation, among the candidates the rules propose, from PolNeAR train only.
/// It writes the weights as a Swift source file; the shipped file is what this command writes
/// with its defaults, so it can be reproduced.
struct TrainSpeakers: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train-speakers",
        abstract: "Train the speaker ranker on gold quotations and write its weights as Swift source.",
        discussion: """
            Each quotation the analysis detects and ranks (the rules found no speaker for it) and \
            that matches a gold quotation with a speaker is one example: its candidates (the \
            phrase opening the sentence, the clause's subject, the nearest names, or none) with \
            their features. A \
            candidate is right when its mention overlaps the gold speaker, or (for names and \
            descriptions) shares a capitalised name word with it; `none` is right when no other \
            candidate is. The perceptron is averaged, visits the examples in file order, and is \
            deterministic: the same gold file and epochs give the same weights.
            """)

    @Argument(help: "Gold quotations to train on (JSON Lines): PolNeAR train only.")
    var gold: String

    @Option(help: ArgumentHelp("Write the weights to this Swift file.", valueName: "FILE.swift"))
    var out: String?

    @Option(help: "Passes over the examples.")
    var epochs = 8

    @Option(help: ArgumentHelp("After training, score the analysis with the new weights on these gold quotations (as `byline-eval quotes` does), without writing or rebuilding anything.",
                               valueName: "GOLD"))
    var evaluate: [String] = []

    @Option(help: "How much more the ranker's best candidate must score than the rules' choice to replace it (default: the shipped margin), for --evaluate and the accuracies printed.")
    var margin = SpeakerRanking.overrideMargin

    @Option(help: ArgumentHelp("Leave out (keep at zero) the features any part of whose name (parts are joined by |) starts with PREFIX, or (for a PREFIX starting with |) whose name holds it, to measure what a group of features adds.",
                               valueName: "PREFIX"))
    var without: [String] = []

    @Option(help: ArgumentHelp("Also cross-validate: train on all documents but every Nth (from the 1st, the 2nd, … the Nth) and report the held-out choice accuracy of each fold and their mean (0: none).",
                               valueName: "N"))
    var folds = 0

    @Option(help: ArgumentHelp("With --evaluate: count the errors by kind and print up to N of each sort, as `byline-eval quotes --errors` does.",
                               valueName: "N"))
    var errors = 0

    func validate() throws {
        guard epochs > 0 else { throw ValidationError("--epochs must be at least 1") }
        guard folds == 0 || folds >= 2 else { throw ValidationError("--folds must be 0 or at least 2") }
    }

    func run() throws {
        let docs = try QuoteGold.load(gold)
        let byDocument = docs.map(RankExample.examples)
        let training = byDocument.flatMap { $0 }
        let names = SpeakerRanking.featureNames
        // A feature is left out when its name starts with a prefix, or any of its parts after the
        // first (`afterComma|rule=label`) does, for a prefix that starts with `|` (`|rule=`).
        let frozen = names.map { name in
            without.contains { prefix in
                prefix.hasPrefix("|") ? name.contains(prefix) : name.split(separator: "|").contains { $0.hasPrefix(prefix) }
            }
        }
        let weights = Perceptron.train(training, features: names.count, epochs: epochs, frozen: frozen)
        print("examples: \(training.count) trained on; \(epochs) epochs")
        print(String(format: "choice accuracy (right candidate chosen where one exists): trained on %.4f, rules alone %.4f",
                     Perceptron.accuracy(training, weights, margin: margin), Perceptron.accuracy(training, nil, margin: margin)))
        if folds > 0 {
            var accuracies: [Double] = []
            for fold in 0..<folds {
                let trainOn = byDocument.indices.filter { $0 % folds != fold }.flatMap { byDocument[$0] }
                let test = byDocument.indices.filter { $0 % folds == fold }.flatMap { byDocument[$0] }
                let w = Perceptron.train(trainOn, features: names.count, epochs: epochs, frozen: frozen)
                accuracies.append(Perceptron.accuracy(test, w, margin: margin) - Perceptron.accuracy(test, nil, margin: margin))
            }
            let mean = accuracies.reduce(0, +) / Double(folds)
            print(String(format: "cross-validated gain over the rules alone, held-out choice accuracy: mean %+.4f (folds: %@)", mean,
                         accuracies.map { String(format: "%+.4f", $0) }.joined(separator: " ")))
        }
        for path in evaluate {
            let docs = try QuoteGold.load(path)
            var report = QuoteErrorReport(limit: errors)
            let figures = SpeakerRanking.$trialWeights.withValue(weights) {
                SpeakerRanking.$trialMargin.withValue(margin) { QuotesEval.score(docs, interviewAnswers: false, report: &report) }
            }
            if errors > 0 { print(report.text, terminator: "") }
            print("\((path as NSString).lastPathComponent): \(figures.line)")
        }
        if let out {
            try WeightsFile.source(weights, names: SpeakerRanking.featureNames, examples: training.count, epochs: epochs)
                .write(toFile: out, atomically: true, encoding: .utf8)
            print("wrote \(out)")
        }
    }
}

/// One quotation's candidates, with which of them are right.
struct RankExample {
    var candidates: [[Int]]
    var right: [Bool]
    /// Index of the candidate the rules alone give (`none`: the ranker ranks only quotations the
    /// rules found no speaker for).
    var rulesChoice: Int

    static func examples(_ doc: QuoteGold) -> [RankExample] {
        let article = Article(text: doc.text, source: doc.stem + ".txt")
        let scalars = Array(doc.text.unicodeScalars)
        var result: [RankExample] = []
        let quotes = SpeakerRanking.candidates(article)
        // The gold quotation each matches, paired as the scorer pairs them.
        let matches = QuoteScorer.matches(gold: doc.quotes.map { ($0.start, $0.end) }, predicted: quotes.map { ($0.span.start, $0.span.end) })
        for (gi, qi) in matches.sorted(by: { $0.p < $1.p }) {
            let g = doc.quotes[gi]
            let quote = quotes[qi]
            guard let speaker = g.speaker, !speaker.isEmpty, g.speakerSpan != nil, !quote.candidates.isEmpty else { continue }
            var right = quote.candidates.map { c -> Bool in
                guard let m = c.mention else { return false }
                let antecedent = c.antecedent.map { QuoteScorer.slice(scalars, $0.start, $0.end) }
                return QuoteScorer.isRightSpeaker(g, mention: (m.start, m.end), names: [QuoteScorer.slice(scalars, m.start, m.end), antecedent])
            }
            if let none = quote.candidates.firstIndex(where: { $0.source == "none" }) { right[none] = !right.contains(true) }
            // The rules found no speaker: their choice is `none`, the last candidate.
            result.append(RankExample(candidates: quote.candidates.map(\.features), right: right, rulesChoice: quote.candidates.count - 1))
        }
        return result
    }
}

/// An averaged perceptron over candidate lists: each example's best-scoring candidate is its
/// choice; a wrong choice moves the weights toward the best-scoring right candidate.
enum Perceptron {
    static func train(_ examples: [RankExample], features: Int, epochs: Int, frozen: [Bool]) -> [Double] {
        var w = [Double](repeating: 0, count: features)
        var sum = [Double](repeating: 0, count: features)  // time-weighted updates, for the average
        var t = 1.0
        for _ in 0..<epochs {
            for example in examples where example.right.contains(true) {
                let chosen = choose(example, w)
                if !example.right[chosen] {
                    var target = -1
                    var targetScore = -Double.infinity
                    for (i, f) in example.candidates.enumerated() where example.right[i] {
                        let s = score(f, w)
                        if s > targetScore {
                            target = i
                            targetScore = s
                        }
                    }
                    for f in example.candidates[target] where !frozen[f] {
                        w[f] += 1
                        sum[f] += t
                    }
                    for f in example.candidates[chosen] where !frozen[f] {
                        w[f] -= 1
                        sum[f] -= t
                    }
                }
                t += 1
            }
        }
        return w.indices.map { w[$0] - sum[$0] / t }
    }

    static func score(_ features: [Int], _ w: [Double]) -> Double { SpeakerRanking.score(features, w) }

    /// The first best-scoring candidate (as training compares them).
    static func choose(_ example: RankExample, _ w: [Double]) -> Int {
        SpeakerRanking.best(example.candidates.map { score($0, w) })
    }

    /// What the analysis chooses (`SpeakerRanking.choice`): the best candidate where it clears
    /// the rules' choice by the override margin, else the rules' choice.
    static func chooseAsAnalysis(_ example: RankExample, _ w: [Double], margin: Double) -> Int {
        SpeakerRanking.choice(example.candidates.map { score($0, w) }, rulesChoice: example.rulesChoice, margin: margin)
    }

    /// The share of examples with a right candidate whose choice is right (with `nil`, the
    /// rules' choice).
    static func accuracy(_ examples: [RankExample], _ w: [Double]?, margin: Double) -> Double {
        var right = 0
        var total = 0
        for example in examples where example.right.contains(true) {
            total += 1
            let chosen = w.map { chooseAsAnalysis(example, $0, margin: margin) } ?? example.rulesChoice
            if example.right[chosen] { right += 1 }
        }
        return total > 0 ? Double(right) / Double(total) : 0
    }
}

/// The generated Swift file that ships the weights.
enum WeightsFile {
    static func source(_ weights: [Double], names: [String], examples: Int, epochs: Int) -> String {
        var out = """
            // Generated by `byline-eval train-speakers` (\(examples) examples, \(epochs) epochs): do not edit by hand.
            // Reproduce: swift run -c release byline-eval train-speakers ../shared/data/quotes/polnear_train.jsonl \\
            //     --out Sources/BylineCore/Speakers/Attribution/SpeakerRankerWeights.swift
            /// The speaker ranker's weights (`SpeakerRanking`), one per `RankFeature`, with the
            /// features' names so that a test can check they still match the code.
            enum SpeakerRankerWeights {
                static let featureNames: [String] = [

            """
        for name in names { out += "        \"\(name)\",\n" }
        out += "    ]\n\n    static let weights: [Double] = [\n"
        for (i, w) in weights.enumerated() {
            let value = w == 0 ? "0" : String(format: "%.4f", w)
            out += "        \(value),  // \(names[i])\n"
        }
        out += "    ]\n}\n"
        return out
    }
}
