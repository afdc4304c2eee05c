import Testing

@testable import BylineCore

/// Articles made at random from the pieces that trouble text analysis (marks of every kind,
/// titles, initials, particles, dates, connectors, control characters, emoji, line breaks),
/// with a fixed seed so a failure is always the same. The analysis must never trap, loop or
/// give a span outside the text, and what it gives must be consistent. A trap and an
/// endless loop were found this way; each also has its own test beside its rule.
@Suite struct AnalysisFuzzTests {
    static let pieces: [String] = [
        "\"", "'", "''", "\u{201C}", "\u{201D}", "\u{2018}", "\u{2019}", "\u{AB}", "\u{BB}", "\u{201E}",
        " said ", " says ", " told reporters ", "according to ", ": ", " he ", "She ", " they ", " It ",
        "Mr. ", "Dr. ", "Sen. ", "Prime Minister ", "President ", "Jr.", "J. R. ", "A.", "B.",
        "Ann Lee", "Lee", "Lee Lee", "al-", "bin ", "van der ", "O'", "Mc", "de ", "-", "\u{2014}", "\u{2013}",
        "\n", "\n\n", "\r\n", " ", "\t", "\u{A0}", ".", "?", "!", ",", ";", "(", ")", "[", "]", "\u{2026}",
        "Dec. 31", "Nov. 15, 2011", "2011", "1990", "95", "Thursday", "Friday morning", "3 p.m.", "10:30",
        "noon", "last week", "this month", "the end of", "mid-", "post-", "two days ago", "every week",
        "from ", " to ", " until ", " between ", " and ", " the ", "of ", "ago", "later", "next", "week",
        "year", "decade", "Q4", "12/31/2011", "2011-12-31", "1,000", "3.5", "25:61", "31 Feb",
        "\u{1B}[31m", "\u{07}", "\u{200D}", "\u{202E}", "e\u{301}", "\u{4E2D}\u{6587}", "\u{1F469}\u{200D}\u{1F467}",
        "\u{FFFD}", "'s", "\u{2019}90s", "U.S.", "St.", "No.", "Q:", "X: ",
    ]

    static func article(_ g: inout SeededRandom, index: Int) -> Article {
        var text = g.below(2) == 0 ? "Headline \(index)\n\n" : ""
        let joiner = g.below(2) == 0 ? " " : ""
        for _ in 0..<(1 + g.below(400)) {
            text += pieces[g.below(pieces.count)] + joiner
        }
        let date = g.below(3) == 0 ? nil : CivilDate(iso: "2011-12-02")
        return Article(text: text, source: "fuzz-\(index)", date: date)
    }

    /// What `byline quotes` and `speakers` read without the time is what the whole analysis
    /// finds: the quotations and speakers never depend on it.
    @Test func quotationsAloneAreThoseOfTheWholeAnalysis() {
        var g = SeededRandom(seed: 20_111_203)
        var articles = (0..<60).map { Self.article(&g, index: $0) }
        articles.append(BundledSeed.article())
        for article in articles {
            let whole = Analyzer.analyze(article)
            let alone = Analyzer.analyzeQuotations(article)
            #expect(alone.quotes == whole.quotes, "\(article.source)")
            #expect(alone.speakers == whole.speakers, "\(article.source)")
            #expect(alone.timeExpressions.isEmpty && alone.timeline.entries.isEmpty)
        }
    }

    @Test func randomArticlesGiveConsistentAnalyses() {
        var g = SeededRandom(seed: 20_111_202)
        for index in 0..<150 {
            let article = Self.article(&g, index: index)
            let analysed = Analyzer.analyze(article)
            let size = article.scalars.count
            func valid(_ span: TextSpan) -> Bool { span.start >= 0 && span.start <= span.end && span.end <= size }
            var previousEnd = 0
            for (i, quote) in analysed.quotes.enumerated() {
                #expect(quote.id == i, "article \(index)")
                #expect(valid(quote.span) && quote.span.length >= 2, "article \(index): quote \(quote.span)")
                #expect(quote.span.start >= previousEnd, "article \(index): quotations overlap")
                previousEnd = quote.span.end
                #expect(quote.parts.allSatisfy { valid($0) && quote.span.contains($0) }, "article \(index)")
                if let s = quote.speaker {
                    #expect(s >= 0 && s < analysed.speakers.count, "article \(index)")
                    #expect(analysed.speakers[s].quotes.contains(i), "article \(index)")
                }
                if let mention = quote.speakerMention { #expect(valid(mention), "article \(index)") }
            }
            for speaker in analysed.speakers {
                #expect(!speaker.name.isEmpty, "article \(index)")
                #expect(speaker.mentions.allSatisfy(valid), "article \(index): \(speaker.name)")
                #expect(speaker.quotes.allSatisfy { analysed.quotes[$0].speaker == speaker.id }, "article \(index)")
            }
            for expression in analysed.timeExpressions {
                #expect(valid(expression.span) && !expression.span.isEmpty, "article \(index)")
                #expect(expression.sentence >= 0 && expression.sentence < article.sentences.count, "article \(index)")
                #expect(!expression.value.isEmpty, "article \(index): \(expression.span)")
            }
            let placed = analysed.timeline.entries
            for entry in placed {
                // The entry's quotation is the first that overlaps its sentence.
                let sentence = article.sentences[entry.sentence].span
                let first = analysed.quotes.first { $0.span.overlaps(sentence) }
                #expect(entry.quote == first?.id && entry.speaker == first?.speaker, "article \(index)")
            }
            #expect(placed.allSatisfy { $0.start <= $0.end && $0.expression < analysed.timeExpressions.count },
                    "article \(index)")
            // In timeline order: keys never go down, and equal keys keep text order.
            let keys = placed.map { entry in
                analysed.timeExpressions.indices.contains(entry.expression)
                    ? TimelineOrderKey(entry, of: analysed.timeExpressions[entry.expression]) : nil
            }
            #expect(zip(placed.indices, placed.indices.dropFirst()).allSatisfy { a, b in
                guard let x = keys[a], let y = keys[b] else { return false }
                return x < y || (x == y && placed[a].expression < placed[b].expression)
            }, "article \(index)")
        }
    }
}
