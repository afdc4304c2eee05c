/// The names of the quotation rules, as `--explain` prints them and the index stores them
/// (`Quote.detectionRule`, `Quote.attributionRule`). Every rule names itself by one of these;
/// the time rules' names are `TimexRule`.

/// The rule that found a quotation: the style of its opening mark, or how it was closed.
public enum DetectionRule: String, Sendable {
    /// `"…"`
    case straight
    /// `“…”`
    case curly
    /// `«…»`, `‹…›`
    case guillemet
    /// ``` ``…'' ```, `` `…' ``
    case backtick
    /// `''…''`: two apostrophes as a double mark.
    case doubledApostrophe = "doubled-apostrophe"
    /// `'…'`
    case straightSingle = "straight-single"
    /// `‘…’`
    case curlySingle = "curly-single"
    /// A quotation running over several paragraphs, each opening again.
    case multiParagraph = "multi-paragraph"
    /// No closing mark: it ends with its paragraph.
    case unclosed
    /// No closing mark, in a long paragraph: it ends with its sentence.
    case unclosedSentence = "unclosed-sentence"
    /// An answer in an interview's transcript (`A: …`, `Ann Lee: …`), which has no marks.
    case interviewAnswer = "interview-answer"
}

/// Why quoted words read as something no one says (`ScareQuotes`). A quotation that one of
/// the first five matches is left out; one of the last three is kept only if someone is found
/// saying it.
public enum UnspokenRule: String, Sendable {
    /// Nothing but marks and space.
    case empty
    /// `so-called "reforms"`
    case soCalled = "so-called"
    /// `"Document found on street" — The Daily Post, August 15, 2008`: an article cited as a source.
    case sourceCitation = "source-citation"
    /// `the film "Blue Harbour"`, `ABC's "This Week"`
    case titleOfWork = "title-of-work"
    /// `John "Tig" Tiegen`
    case nickname
    /// `adding the words "and Emergency"`
    case wordsMentioned = "words-mentioned"
    /// `a user labelled "Anonymous"`, `restricted to 'Stefan W'`
    case name
    /// `the "History" section`: a label inside a noun phrase. (Not `label`, the attribution
    /// rule `X: "…"`.)
    case labelInPhrase = "label-in-phrase"
}

/// The rule that attributed a quotation to its speaker. The in-sentence rules
/// (`AttributionSieves`) are tried in the order its header lists; then `SpeakerAssembly` gives
/// quotations still without a speaker their neighbours' (the last six).
public enum AttributionRule: String, Sendable, CaseIterable {
    /// `"…," Daalder said` · `"…," Qassim al-Aaraji, a member of …, told`
    case quoteSpeakerCue = "quote-speaker-cue"
    /// `"…," said Daalder`
    case quoteCueSpeaker = "quote-cue-speaker"
    /// `"…," Trump shot back`: any verb after the speaker, right after a quotation that goes on.
    case quoteSpeakerVerb = "quote-speaker-verb"
    /// `"…!" beamed Ann Lee`: any verb in -ed before a name.
    case quoteVerbSpeaker = "quote-verb-speaker"
    /// `"…" ― Ann Lee`: a name signed after a dash.
    case dashSignature = "dash-signature"
    /// `according to X`, `in the words of X`
    case accordingTo = "according-to"
    /// `X said: "…"`: the verb right before the quotation.
    case speakerCueQuote = "speaker-cue-quote"
    /// `X called the deal "a disaster"`: a verb of saying earlier in the sentence.
    case reportedSpeech = "reported-speech"
    /// `was asked by X`, `"…" was written by X`
    case passiveBy = "passive-by"
    /// `Remarked X, "…"`
    case cueSpeakerQuote = "cue-speaker-quote"
    /// `X issued a statement: "…"` · `Acme's statement read "…"`: whoever issued the document.
    case issuer
    /// `X: "…"`
    case label
    /// `"…" about it, said X`: a verb of saying later in the sentence.
    case laterCue = "later-cue"
    /// `Clinton's slogan is "…"` · `his call for "…"`
    case possessive
    /// `Ramos believes in journalism that "takes sides."`: the subject of a sentence whose verb
    /// is not a verb of saying.
    case sentenceSubject = "sentence-subject"
    /// `"A," he said, "B"`: another quotation of the sentence.
    case sameSentence = "same-sentence"
    /// The speaker the sentence before names (`Bolton said he would help. "I'm going to …"`).
    case previousSentence = "previous-sentence"
    /// `"A," he said. "B."`: the quotation before, in the paragraph.
    case continuation
    /// `X said:` closing the paragraph before.
    case introducedByColon = "introduced-by-colon"
    /// A paragraph that is only a quotation goes on with the speaker before.
    case continuationParagraph = "continuation-paragraph"
    /// The one who spoke in the paragraph before (`Carter said that …`).
    case previousParagraph = "previous-paragraph"
    /// The nearest name to the quotation in its sentence, when the speaker ranker
    /// (`SpeakerRanking`) prefers it to what the rules found.
    case nearestName = "nearest-name"
    /// An interview's answer: the label of its turn (`Ann Lee:`), or for `A:` the person the
    /// article names most before it.
    case interview
}
