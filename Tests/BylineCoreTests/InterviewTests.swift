import Testing

@testable import BylineCore

/// Interviews laid out as transcripts: the answers are quotations attributed to the person
/// interviewed; the questions are not. Invented transcripts, in the plain text the Markdown
/// reader leaves of a bolded name (`Ann Lee: …`) and in the `Q:`/`A:` form.
@Suite struct InterviewTests {
    @Test func questionAndAnswerTurnsGoToTheIntervieweeTheArticleNames() {
        let a = Analyzed("""
            Mara Quist has run the Portmoss ferry for twenty years. We asked Quist about the winter timetable.

            Q: Why did the ferry stop in January?

            A: The engines failed twice in one week, and we would not risk the crossing.

            Q: Will it run this winter?

            A: Every day, unless the wind is above force eight.
            """)
        #expect(a.quotes.count == 2)
        #expect(a.quotes.allSatisfy { $0.detectionRule == "interview-answer" })
        #expect(a.quoteTexts.first?.hasPrefix("The engines failed") == true)
        #expect(a.speakerName(0) == "Mara Quist")
        #expect(a.speakerName(1) == "Mara Quist")
        #expect(a.quotes.first?.attributionRule == "interview")
    }

    @Test func namedTurnsGoToTheirLabelAndTheInterviewersQuestionsAreNoQuotations() {
        let a = Analyzed("""
            The harbour master spoke to our reporter on Monday.

            Tom Berg: Why did the ferry stop in January?

            Ann Lee: The engines failed twice in one week.

            Tom Berg: And will it run this winter?

            Ann Lee: Every day, unless the wind is above force eight.
            """)
        #expect(a.quotes.count == 2)
        #expect(a.speakerName(0) == "Ann Lee")
        #expect(a.speakerName(1) == "Ann Lee")
        #expect(a.quoteTexts.last == "Every day, unless the wind is above force eight.")
    }

    @Test func aQuotationInsideAnAnswerIsPartOfIt() {
        let a = Analyzed("""
            Tom Berg: What did the inspector say?

            Ann Lee: She called the hull "sound as a bell" and left.

            Tom Berg: Did you believe her?

            Ann Lee: I did, and I still do.
            """)
        #expect(a.quotes.count == 2)
        #expect(a.quoteTexts.first == "She called the hull \"sound as a bell\" and left.")
        #expect(a.speakerName(0) == "Ann Lee")
    }

    @Test func labelsThatAreNoTranscriptGiveNoQuotations() {
        let note = Analyzed("""
            The ferry will run every day this winter.

            Note: This article was updated on Monday.

            Correction: An earlier version gave the wrong date.
            """)
        #expect(note.quotes.isEmpty)
        // Two speakers and no questions: a dialogue, not an interview.
        let dialogue = Analyzed("""
            Ann Lee: The ferry runs at nine.

            Tom Berg: The bus runs at ten.

            Ann Lee: The train runs at eleven.

            Tom Berg: The boat runs at noon.
            """)
        #expect(dialogue.quotes.isEmpty)
    }

    @Test func aTurnLabelIsAFewCapitalisedWordsAndAColon() {
        func label(_ text: String) -> String? {
            let scalars = Array(text.unicodeScalars)
            return scalars.withUnsafeBufferPointer { s in
                InterviewTranscript.turn(TextSpan(0, scalars.count), s).map { String(String.UnicodeScalarView(scalars[$0.label.start..<$0.label.end])) }
            }
        }
        #expect(label("Q: Why?") == "Q")
        #expect(label("Ann Lee: Yes.") == "Ann Lee")
        #expect(label("Dr. Ann O'Neill-Berg: Yes.") == "Dr. Ann O'Neill-Berg")
        #expect(label("B: Yes.") == nil)
        #expect(label("The plan is simple: wait.") == nil)
        #expect(label("Ann Lee:") == nil)
    }
}
