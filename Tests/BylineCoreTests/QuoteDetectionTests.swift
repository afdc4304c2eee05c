import Testing

@testable import BylineCore

/// Finding quotations by their marks: every convention, what is not a mark, what is not speech,
/// and recovery from unbalanced marks.
@Suite struct QuoteDetectionTests {
    @Test func straightDoubleQuotes() {
        let a = Analyzed("\"The ferry will run again on Monday,\" Lena Marsh said.")
        #expect(a.quoteTexts == ["\"The ferry will run again on Monday,\""])
        let q = a.quotes[0]
        #expect(q.id == 0)
        #expect(a.article.string(q.parts[0]) == "The ferry will run again on Monday,")
        #expect(q.kind == .direct)
        #expect(q.detectionRule == "straight")
    }

    @Test func curlyDoubleQuotes() {
        let a = Analyzed("\u{201C}We counted every ballot twice,\u{201D} the clerk said.")
        #expect(a.quoteTexts == ["\u{201C}We counted every ballot twice,\u{201D}"])
        #expect(a.quotes[0].detectionRule == "curly")
    }

    @Test func singleQuotesInAHeadline() {
        let a = Analyzed("The mayor spoke after the flood.", headline: "Mayor vows to 'rebuild every street'")
        #expect(a.quoteTexts == ["'rebuild every street'"])
        #expect(a.quotes[0].kind == .partial)
        let curly = Analyzed("The mayor spoke after the flood.", headline: "Mayor: \u{2018}We will rebuild\u{2019}")
        #expect(curly.quoteTexts == ["\u{2018}We will rebuild\u{2019}"])
    }

    @Test func singleQuotesNestedInDoubleQuotesStayInside() {
        let a = Analyzed("\"He told me 'never again' and walked out,\" Rosa Ferrante said.")
        #expect(a.quoteTexts == ["\"He told me 'never again' and walked out,\""])
    }

    @Test func doubledApostrophesAndBackticks() {
        let doubled = Analyzed("''Nobody expected the vote to be this close,'' Amir Haddad said.")
        #expect(doubled.quoteTexts == ["''Nobody expected the vote to be this close,''"])
        #expect(doubled.quotes[0].detectionRule == "doubled-apostrophe")
        let backticks = Analyzed("``The library stays open,'' the librarian said.")
        #expect(backticks.quoteTexts == ["``The library stays open,''"])
        #expect(backticks.speakerName(0) == "librarian")
    }

    @Test func guillemets() {
        let a = Analyzed("\u{00AB}Nous resterons ouverts\u{00BB}, a dit Claire Dubois.")
        #expect(a.quoteTexts == ["\u{00AB}Nous resterons ouverts\u{00BB}"])
        #expect(a.quotes[0].detectionRule == "guillemet")
    }

    @Test func apostrophesAreNotQuotationMarks() {
        let a = Analyzed("The drivers\u{2019} contract isn\u{2019}t new; it dates from the \u{2019}90s, and O'Neill's firm signed it in '98.")
        #expect(a.quotes.isEmpty, "\(a.quoteTexts)")
    }

    @Test func aPossessiveInsideAHeadlineQuoteDoesNotCloseIt() {
        let a = Analyzed("The unions met.", headline: "Unions say 'the drivers' pay is too low' after talks")
        #expect(a.quoteTexts == ["'the drivers' pay is too low'"])
    }

    @Test func multiParagraphQuotationIsOne() {
        let body = """
            "The first thing we learned is that the pumps were too small.

            "The second is that nobody had tested them in years," Ines Kowalski said.
            """
        let a = Analyzed(body)
        #expect(a.quotes.count == 1)
        let q = a.quotes[0]
        #expect(q.parts.count == 2)
        #expect(a.article.string(q.parts[0]) == "The first thing we learned is that the pumps were too small.")
        #expect(a.article.string(q.parts[1]) == "The second is that nobody had tested them in years,")
        #expect(a.article.string(q.span).hasPrefix("\"The first thing"))
        #expect(a.article.string(q.span).hasSuffix("in years,\""))
        #expect(q.detectionRule == "multi-paragraph")
        #expect(a.speakerName(0) == "Ines Kowalski")
    }

    @Test func partialQuotationInsideReportedSpeech() {
        let a = Analyzed("Councillor Ada Brennan called the deal \"a disaster for the harbour\" and voted against it.")
        #expect(a.quoteTexts == ["\"a disaster for the harbour\""])
        #expect(a.quotes[0].kind == .partial)
        #expect(a.speakerName(0) == "Ada Brennan")
        let direct = Analyzed("Ada Brennan said: \"The deal is a disaster.\"")
        #expect(direct.quotes[0].kind == .direct)
    }

    @Test func scareQuotesTitlesAndNicknamesAreNotSpeech() {
        let body = """
            The so-called "experts" were not invited. Viewers of the film "Harbour of Lights" and fans of \
            Channel 9's "Morning Desk" complained. Boxer Danny "The Hammer" Kowal lost.
            """
        let a = Analyzed(body)
        #expect(a.quotes.isEmpty, "\(a.quoteTexts)")
    }

    @Test func aStrayMarkDoesNotSwallowTheRest() {
        // An opening mark that is never closed, then ordinary quotations further on.
        let body = """
            The council met at 6 p.m. and the "budget debate began.

            "We will not raise taxes," Mayor Tom Reyes said.

            "The parks stay open," said Reyes.
            """
        let a = Analyzed(body)
        #expect(a.quoteTexts.contains("\"We will not raise taxes,\""))
        #expect(a.quoteTexts.contains("\"The parks stay open,\""))
        // Whatever the stray mark opened ends with its own paragraph.
        for q in a.quotes where a.article.string(q.span).hasPrefix("\"budget") {
            #expect(!a.article.string(q.span).contains("Reyes"))
        }
        #expect(a.speakerName(a.quotes.count - 1) == "Tom Reyes")
    }

    @Test func aStrayMarkInsideALongParagraphEndsWithItsSentence() {
        let filler = String(repeating: "The committee reviewed the harbour accounts line by line. ", count: 40)
        let body = "Officials said the \"review was routine. " + filler + "\"It went well,\" Nadia Osei said."
        let a = Analyzed(body)
        #expect(a.quoteTexts.contains("\"It went well,\""))
        for q in a.quotes { #expect(q.span.length < 1_500) }
    }

    @Test func idsFollowArticleOrder() {
        let a = Analyzed("\"One,\" Ana Lima said. \"Two,\" she added.\n\n\"Three,\" said Lima.")
        #expect(a.quotes.map(\.id) == [0, 1, 2])
        #expect(a.quotes.map(\.span.start) == a.quotes.map(\.span.start).sorted())
    }

    /// Not timed: a 5 MB article is analysed (so the work is not quadratic in practice) and the
    /// counts are what the generator put in.
    @Test func aFiveMegabyteArticleCompletesWithSaneCounts() {
        var body = ""
        var paragraphs = 0
        while body.utf8.count < 5_000_000 {
            let n = paragraphs % 50
            body += "\"We will finish the bridge number \(n) by spring,\" Marta Nilsen\(n) said on Tuesday. "
            body += "The council approved the plan, and residents welcomed it after a long meeting.\n\n"
            paragraphs += 1
        }
        let a = Analyzed(body)
        #expect(a.quotes.count == paragraphs)
        #expect(a.quotes.allSatisfy { $0.speaker != nil })
        #expect(a.speakers.count == 50)
    }

    @Test func oneGiantParagraphIsHandled() {
        var body = ""
        for n in 0..<3_000 { body += "\"Item \(n) is ready,\" Omar Sadiq said. The crew moved on to the next one. " }
        let a = Analyzed(body)
        #expect(a.quotes.count == 3_000)
        #expect(a.speakers.count == 1)
    }
}
