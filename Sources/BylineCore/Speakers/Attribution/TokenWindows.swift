/// How far, in tokens, the attribution rules and the clause grammar look: each limit named for
/// what it bounds. Short walks from a known place rather than searches of the text keep the
/// analysis linear in the article's length.
enum TokenWindow {
    // MARK: Around a quotation

    /// Furthest the rules look back or ahead from a quotation (or from the colon that
    /// introduces one), within its sentence or line.
    static let aroundQuotation = 45
    /// Furthest a sentence is read for the speaker it names (`speakerOfSentence`).
    static let sentence = 2 * aroundQuotation
    /// Commas, dashes, brackets and marks passed between a closing mark and its attribution
    /// (`…,"` `—` `) said`).
    static let separatorsAfterQuotation = 3
    /// A verb of saying this close before the opening mark, with only `that` or `as` between,
    /// attributes a fragment before anything after it (`called "…"`, `described as "…"`).
    static let tightCue = 3
    /// Words between a verb of saying and the quotation it introduces, when a colon or a comma
    /// ends them (`told reporters on Thursday, "…"`).
    static let cueToQuotation = 6
    /// A noun for words said and its owner before the quotation (`Clinton's campaign slogan,
    /// "…"`).
    static let speechNoun = 12
    /// After a trailing attribution, how far an `according to` naming the outer source may
    /// follow (`said, according to CNN`).
    static let outerSource = 12
    /// The source after `according to` when it is no name (`according to the exit polls`).
    static let source = 10
    /// The clause after a trailing verb of saying that must end before the next sentence
    /// (`"…?" Smith asked on Thursday.`).
    static let clauseAfterCue = 25

    // MARK: Between a subject and its verb

    /// Auxiliaries and adverbs between a subject and its verb (`has not yet said`).
    static let verbGroup = 4
    /// The same, counted across a time phrase or a parenthetical between them.
    static let verbGroupAcrossAside = 6
    /// Auxiliaries between an inverted verb of saying and its subject (`said also Daalder`).
    static let invertedAuxiliaries = 3
    /// A time phrase (`on Tuesday`, `last week`), or a short time or place phrase before a
    /// verb (`Donald Trump on Thursday ratcheted`).
    static let timePhrase = 4
    /// A short adverbial between a subject and its verb (`who has in the past described`).
    static let adverbial = 6
    /// A parenthetical between commas opened by a preposition (`, in a statement,` · `, after
    /// trading insults with Mr. Ann Lee over the deal,`).
    static let parenthetical = 16
    /// A parenthesis after a name (`Sen. Bernie Sanders (I-Vt.) said`, `(R-OH)`); also read back
    /// over by `PhraseReader`.
    static let parenthesis = 12
    /// An appositive between commas (`Daalder, the U.S. Ambassador to NATO, said`).
    static let appositive = 20
    /// An appositive or relative clause between commas, read back from a verb to find the
    /// subject before it; also an appositive after a trailing speaker (`"…," Qassim
    /// al-Aaraji, a member of …, told`).
    static let betweenCommas = 30
    /// Where a named person is from (`Mick Lee of the Blue Hills band reacted`).
    static let whereFrom = 6
    /// Whose a description is, before an appositive (`the new governor of the region, …`).
    static let whose = 5
    /// How far back from a second verb (`I laughed and said`) its clause's subject is looked for.
    static let firstClause = 8
    /// How far back a relative pronoun's antecedent is read (`the Daily Beast, which ran`).
    static let antecedent = 12

    // MARK: Documents

    /// A document after the verb that issues it (`released a short statement`).
    static let documentAfterVerb = 3
    /// The agent after a document (`a memo posted online by Ann Lee`).
    static let agentAfterDocument = 4
    /// How far back `the statement` looks for the sentence that issued it (a few paragraphs).
    static let earlierDocument = 400
}
