/// How a verb or phrase of saying introduces a quotation, which decides where its speaker is.
enum CueKind: UInt8 {
    /// `said`, `added`, `wrote`: the subject before it, or after it when inverted (`said Daalder`).
    case speech
    /// `told`, `informed`: the subject before it; the noun after it is the listener.
    case tell
    /// `called the deal "a disaster"`, `described it as`: subject before; partial quotations.
    case characterize
    /// `saying`, `adding`: a participle whose subject is the main clause's.
    case participle
    /// `found`, `showed`: what a report, a study or a court concludes; a cue only after such a
    /// subject (`the report found`, not `police found`).
    case finding
}

/// Word lists for the speaker analysis. Each is a set of lower-cased words looked up by hash.
/// Lexicons of verbs, titles and names are general English knowledge, not taken from any data.
enum Lexicon {
    // MARK: Word classes for names

    /// What a word can be inside or around a name, from every name lexicon at once: the name
    /// finder looks a word up once instead of once per list.
    struct NameClass: OptionSet, Sendable {
        let rawValue: UInt32
        static let title = NameClass(rawValue: 1 << 0)
        static let titleModifier = NameClass(rawValue: 1 << 1)
        static let organization = NameClass(rawValue: 1 << 2)
        static let place = NameClass(rawValue: 1 << 3)
        static let suffix = NameClass(rawValue: 1 << 4)
        static let notName = NameClass(rawValue: 1 << 5)
        static let adjective = NameClass(rawValue: 1 << 6)
        static let maleFirstName = NameClass(rawValue: 1 << 7)
        static let femaleFirstName = NameClass(rawValue: 1 << 8)
        static let maleTitle = NameClass(rawValue: 1 << 9)
        static let femaleTitle = NameClass(rawValue: 1 << 10)
        static let particle = NameClass(rawValue: 1 << 11)
        static let breaker = NameClass(rawValue: 1 << 12)
        static let personNoun = NameClass(rawValue: 1 << 13)
        static let institutionNoun = NameClass(rawValue: 1 << 14)
        /// A verb of saying that ends a name in a title-case line (`Calls`, `Says`).
        static let headlineVerb = NameClass(rawValue: 1 << 15)
        static let stop = NameClass(rawValue: 1 << 16)
        static let determiner = NameClass(rawValue: 1 << 17)
        static let pronoun = NameClass(rawValue: 1 << 18)
        /// A title that is also a common surname (`Bishop`, `King`): a name after another title.
        static let surnameTitle = NameClass(rawValue: 1 << 19)
        static let firstName: NameClass = [.maleFirstName, .femaleFirstName]
    }

    /// The words of a list written as one string, separated by spaces or line breaks (the
    /// lexicon's lists, and `WordSet`'s).
    static func words(_ list: String) -> [String] {
        list.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
    }

    static let nameClassTable: WordMap<NameClass> = {
        var table: [String: NameClass] = [:]
        func mark(_ list: String, _ c: NameClass) {
            for w in words(list) { table[w, default: []].insert(c) }
        }
        mark(personTitleList, .title)
        mark(titleModifierList, .titleModifier)
        mark(organizationList, .organization)
        mark(placeList, .place)
        mark(suffixList, .suffix)
        mark(notNameList, .notName)
        mark(nameAdjectiveList, .adjective)
        mark(maleFirstNameList, .maleFirstName)
        mark(femaleFirstNameList, .femaleFirstName)
        mark(maleTitleList, .maleTitle)
        mark(femaleTitleList, .femaleTitle)
        mark(particleList, .particle)
        mark(nameBreakerList, .breaker)
        mark(personNounList, .personNoun)
        mark(institutionNounList, .institutionNoun)
        mark(stopWordList, .stop)
        mark(determinerList, .determiner)
        mark("he him his himself she her hers herself they them their themselves it its i we me us who", .pronoun)
        mark("bishop king major judge chief prince lord father brother sister coach dean marshal earl baron", .surnameTitle)
        for w in words(speechVerbs) + words(tellVerbs) { table[w, default: []].insert(.headlineVerb) }
        for w in words(ambiguousCueList) { table[w]?.remove(.headlineVerb) }
        table["says", default: []].insert(.headlineVerb)
        table["calls", default: []].insert(.headlineVerb)
        return WordMap(table.map { ($0.key, $0.value) })
    }()

    static func nameClass(_ hash: UInt64) -> NameClass { nameClassTable[hash] ?? [] }

    /// Whether a word as written (`Mr.`, `President`, `U.S.`, `Former`) is a person's title
    /// (`.title`) or a word qualifying one (`.titleModifier`), with or without a final period.
    static func titleClasses(_ word: Substring) -> NameClass {
        let titleWords: NameClass = [.title, .titleModifier]
        var found = nameClass(WordHash.of(String(word))).intersection(titleWords)
        if word.count > 1, word.last == "." { found.formUnion(nameClass(WordHash.of(String(word.dropLast()))).intersection(titleWords)) }
        return found
    }

    // MARK: Verbs of saying

    private static let speechVerbs = """
        say said says add added adds ask asked asks write wrote writes written explain explained explains \
        tweet tweeted tweets insist insisted insists note noted notes argue argued argues state stated states \
        declare declared declares claim claimed claims reply replied replies respond responded responds \
        continue continued continues conclude concluded concludes recall recalled recalls remark remarked remarks \
        observe observed observes warn warned warns announce announced announces admit admitted admits \
        acknowledge acknowledged acknowledges suggest suggested suggests predict predicted predicts \
        promise promised promises pledge pledged pledges vow vowed vows urge urged urges complain complained \
        complains lament lamented laments concede conceded concedes counter countered counters retort retorted \
        retorts maintain maintained maintains contend contended contends assert asserted asserts emphasize \
        emphasized emphasizes emphasise emphasised emphasises stress stressed stresses testify testified testifies \
        post posted posts report reported reports quip quipped quips joke joked jokes shout shouted shouts \
        chant chanted chants cry cried cries yell yelled yells exclaim exclaimed exclaims whisper whispered \
        mutter muttered boast boasted boasts mock mocked mocks blast blasted blasts slam slammed slams \
        praise praised praises criticize criticized criticizes criticise criticised charge charged charges \
        allege alleged alleges tout touted touts hail hailed hails confirm confirmed confirms deny denied denies \
        demand demanded demands question questioned wonder wondered wonders agree agreed agrees opine opined \
        muse mused answer answered answers reiterate reiterated reiterates clarify clarified elaborate elaborated \
        echo echoed echoes read reads begin began recount recounted recounts interject interjected proclaim \
        proclaimed proclaims threaten threatened threatens dismiss dismissed caution cautioned cautions \
        advise advised confide confided fume fumed snap snapped scoff scoffed sigh sighed laugh laughed \
        gush gushed rave raved grumble grumbled gripe griped thunder thundered retweet retweeted text texted \
        email emailed message messaged put posit posited surmise surmised summarize summarized summed \
        announce declare reason reasoned venture ventured volunteered insisted suggest speculate speculated \
        speculates estimate estimated estimates conclude observe predict quote quoted quotes plead pleaded \
        pleads beg begged implore implored demand lecture lectured preach preached tease teased taunted \
        taunt taunts jab jabbed sneer sneered rage raged protest protested protests object objected concur \
        concurred explain affirm affirmed affirms attest attested remind reminded reminds assure assured assures \
        speak speaks spoke
        """

    private static let tellVerbs = "tell told tells inform informed informs"

    private static let characterizeVerbs = """
        call called calls describe described describes dub dubbed dubs label labeled labelled labels brand \
        branded brands term termed terms characterize characterized characterizes characterise characterised \
        refer referred refers deride derided derides decry decried decries denounce denounced denounces \
        condemn condemned condemns accuse accused accuses
        """

    private static let participles = """
        saying adding telling writing explaining noting arguing calling asking insisting declaring warning \
        tweeting stating claiming replying responding continuing concluding recalling remarking observing \
        announcing admitting acknowledging suggesting predicting promising pledging vowing urging complaining \
        lamenting conceding countering maintaining contending asserting emphasizing stressing testifying \
        posting reporting quipping joking shouting chanting crying yelling boasting mocking blasting slamming \
        praising criticizing charging alleging touting hailing confirming denying demanding describing dubbing \
        labeling branding accusing referring characterizing questioning wondering answering reiterating \
        telling informing cautioning quoting citing pleading reminding assuring echoing proclaiming threatening \
        dismissing decrying denouncing condemning retweeting texting emailing
        """

    static let cues: WordMap<CueKind> = {
        var pairs: [(String, CueKind)] = []
        // Later lists win: `calling` is a participle, `called` characterizes.
        for w in words(speechVerbs) { pairs.append((w, .speech)) }
        for w in words(tellVerbs) { pairs.append((w, .tell)) }
        for w in words(characterizeVerbs) { pairs.append((w, .characterize)) }
        for w in words(participles) { pairs.append((w, .participle)) }
        for w in words(findingVerbs) { pairs.append((w, .finding)) }
        return WordMap(pairs)
    }()

    private static let findingVerbs = "find finds found show shows showed shown"

    // MARK: Communicative verbs

    /// Verbs of saying, writing, believing, proposing, reacting, describing or evaluating: the
    /// cues above, and the verbs below that communicate without introducing the words said
    /// (`proposed`, `reacted`, `outlined`, `disputed`, `admires`). The verb of a quotation's
    /// sentence is its cue only when it is one of them (`hugged`, `crippled` are no cues).
    static let communicativeVerbs: WordSet = {
        var list = words(speechVerbs) + words(tellVerbs) + words(characterizeVerbs) + words(participles) + words(findingVerbs)
        for base in words(stanceVerbBases) { list += inflections(of: base) }
        list += words(irregularStanceForms)
        return WordSet(list)
    }()

    /// Base forms of the communicative verbs that are not cues; `inflections(of:)` adds their
    /// regular forms, `irregularStanceForms` the others.
    private static let stanceVerbBases = """
        propose recommend advocate endorse support oppose back favor favour reject refute rebut contest dispute \
        challenge defend justify champion promote pitch offer react outline detail depict portray define discuss \
        debate address mention cite reference invoke comment editorialize reflect remember narrate recite reveal \
        disclose divulge confess apologize apologise regret thank congratulate credit blame fault attack assail \
        lambaste chide scold rebuke reproach ridicule lampoon parody satirize deplore bemoan bewail welcome \
        applaud commend laud celebrate salute honor honour mourn eulogize toast cheer admire adore love like \
        hate dislike despise appreciate value approve disapprove veto condone excuse forgive believe think \
        feel consider regard view deem judge reckon guess suppose assume presume imagine know doubt fear \
        worry hope wish expect anticipate foresee forecast recognize recognise accept reject disagree inquire \
        enquire request invite encourage instruct order command forbid notify reassure guarantee swear highlight \
        underline underscore point chime weigh sing scream murmur boo jeer heckle brag pen author draft compose \
        blog publish broadcast air talk chat converse interrogate grill press question nickname christen \
        classify rate assess evaluate review appraise criticize criticise slam blast chastise castigate \
        berate denounce condemn warn caution alert predict hint imply insinuate signal indicate concede \
        acknowledge admit deny confirm affirm insist maintain argue claim contend assert allege grouse gloat \
        ponder mull contemplate snipe needle lash rip rail voice express coin herald demur intimate rebuff \
        interview profile pronounce contrast scoff sneer vent rant gush fume
        """

    /// Irregular and doubled forms of communicative verbs that are not cues.
    private static let irregularStanceForms = """
        thought felt knew known understood understand understands understanding meant mean means meaning held \
        hold holds holding taught teach teaches swore sworn forbade forbidden foresaw foreseen rebutted \
        rebutting regretted regretting chatted chatting sang sung spoken
        """

    /// The regular forms of a verb's base: `propose` → `proposes proposed proposing`,
    /// `worry` → `worries worried worrying`, `push` → `pushes pushed pushing`.
    static func inflections(of base: String) -> [String] {
        let vowels: Set<Character> = ["a", "e", "i", "o", "u"]
        guard let last = base.last else { return [] }
        let stem = String(base.dropLast())
        let consonantY = last == "y" && stem.last.map { !vowels.contains($0) } == true
        let third = consonantY ? stem + "ies"
            : ["s", "x", "z"].contains(last) || base.hasSuffix("ch") || base.hasSuffix("sh") ? base + "es" : base + "s"
        let past = consonantY ? stem + "ied" : last == "e" ? base + "d" : base + "ed"
        let ing = base.hasSuffix("ie") ? String(base.dropLast(2)) + "ying"
            : last == "e" && !base.hasSuffix("ee") ? stem + "ing" : base + "ing"
        return [base, third, past, ing]
    }

    /// Nouns for what reaches findings (`the report found`, `the poll showed`, `the court found`).
    static let findingSubjects = WordSet("""
        report reports study studies survey surveys poll polls analysis analyses review investigation investigations \
        inquiry audit research researchers data results findings panel committee court judge jury commission probe \
        test tests evaluation assessment paper papers memo document documents records footnote filing
        """)

    /// Cue verbs that are also common nouns or adjectives: a cue only right after a subject or
    /// a quotation (`the states`, `a report`, `the charges` are not cues).
    static let ambiguousCues = WordSet(ambiguousCueList)
    private static let ambiguousCueList = """
        states state notes note claims claim reports report posts post charges charge remarks remark counter \
        counters question answer answers reply replies echo echoes demands demand promise promises protests \
        protest quotes quote read reads text message email begin warns calls call cries cry tweets tweet jokes \
        joke estimates estimate laugh rave object concur plead \
        venture ventures retort retorts chant chants vow vows pledge pledges quip quips boast boasts lament laments \
        sigh sighs shout shouts yell yells whisper whispers gripe gripes thunder lecture lectures taunt taunts jab jabs \
        sneer sneers rage question questions wonder muse tease
        """

    /// Verbs of saying that take a reported clause as their complement (`X said [that] …`).
    static let reportingVerbs = WordSet("""
        say said says tell told tells write wrote writes argue argued argues note noted notes add added adds \
        explain explained explains claim claimed claims insist insisted insists suggest suggested suggests \
        acknowledge acknowledged acknowledges state stated states declare declared declares warn warned warns \
        predict predicted predicts recall recalled recalls report reported reports contend contended contends \
        maintain maintained maintains assert asserted asserts emphasize emphasized emphasizes stress stressed \
        stresses testify testified testifies announce announced announces admit admitted admits concede conceded \
        concedes complain complained complains confirm confirmed confirms agree agreed agrees tweet tweeted \
        tweets saying telling writing arguing noting adding explaining claiming insisting suggesting
        """)

    /// Verbs whose base or present form needs an auxiliary or a subject right before to be a cue.
    static let baseForms = WordSet("say add ask write tell call describe")

    // MARK: Words around cues

    /// Auxiliaries and adverbs between a subject and its verb (`has also said`, `later told`).
    static let auxiliaries = WordSet("""
        has have had also later then once recently previously further again simply flatly quickly repeatedly \
        publicly privately often never always would will could should might may can did does do is was were \
        are be been being not n't just even still already first earlier subsequently reportedly allegedly \
        initially finally eventually yesterday today tonight now ultimately bluntly plainly emphatically \
        angrily sharply softly calmly succinctly candidly frankly famously memorably recently \
        don't doesn't didn't won't wouldn't can't couldn't isn't wasn't aren't weren't hasn't haven't hadn't shouldn't
        """)

    /// Prepositions and conjunctions: a noun phrase does not cross them (except `of` in
    /// `a member of the committee`, handled by the phrase reader).
    static let stopWords = WordSet(stopWordList)
    private static let stopWordList = """
        in on at to for with from by about after before during under over against between into through \
        without within since until like than as via per upon among across around behind beyond toward towards \
        and or but nor so yet because while when where if that which whether though although unless whereas \
        once what why how whom whose there here this these those is was are were be been has have had do does \
        did will would can could should may might must not no
        """

    /// Determiners that open a description (`a senior administration official`).
    static let determiners = WordSet(determinerList)
    private static let determinerList = """
        the a an this that these those his her their its our my your one another some any each every several \
        many two three four five six seven eight nine ten both few no other most
        """

    static let indefiniteDeterminers = WordSet("a an one another some two three four five six several many few")

    // MARK: Pronouns

    enum Pronoun: UInt8 {
        case male, female, plural, neuter, firstPerson, relative
    }

    private static let pronounList: [(String, Pronoun)] = [
        ("he", .male), ("him", .male), ("his", .male), ("himself", .male),
        ("she", .female), ("her", .female), ("hers", .female), ("herself", .female),
        ("they", .plural), ("them", .plural), ("their", .plural), ("themselves", .plural),
        ("it", .neuter), ("its", .neuter),
        ("i", .firstPerson), ("we", .firstPerson), ("me", .firstPerson), ("us", .firstPerson),
        ("who", .relative),
        // Contracted with a verb: `He's`, `They're` still stand for someone.
        ("he's", .male), ("he'd", .male), ("he'll", .male), ("she's", .female), ("she'd", .female), ("she'll", .female),
        ("they're", .plural), ("they've", .plural), ("they'd", .plural), ("they'll", .plural), ("it's", .neuter),
        ("i'm", .firstPerson), ("i've", .firstPerson), ("i'd", .firstPerson), ("i'll", .firstPerson),
        ("we're", .firstPerson), ("we've", .firstPerson), ("we'd", .firstPerson), ("we'll", .firstPerson),
    ]

    static let pronouns: WordMap<Pronoun> = WordMap(pronounList)

    static var pronounWords: [String] { pronounList.map(\.0) }

    /// Pronouns that can be the subject of a verb of saying.
    static let subjectPronouns = WordSet("""
        he she they it i we who which he's she's they're they've they'd i'm i've i'd we're we've we'd he'd she'd \
        he'll she'll they'll we'll i'll
        """)

    // MARK: Titles

    /// Titles before a name (`Sen.`, `Prime Minister`, `Defense Secretary`): they become the
    /// speaker's description, not part of the name.
    static let personTitles = WordSet(personTitleList)
    private static let personTitleList = """
        mr mrs ms miss mx dr prof professor sen senator rep representative gov governor mayor president \
        vice prime minister secretary ambassador chancellor king queen prince princess pope rev reverend \
        father sister brother judge justice gen general lt lieutenant col colonel maj major capt captain \
        sgt sergeant cpl corporal pvt private adm admiral cmdr commander lord lady sir dame sheikh ayatollah \
        imam rabbi bishop cardinal archbishop chairman chairwoman chair director speaker leader commissioner \
        sheriff congressman congresswoman councilman councilwoman councilmember councillor councilor alderman \
        assemblyman assemblywoman delegate attorney chief deputy assistant spokesman spokeswoman spokesperson \
        coach officer detective inspector superintendent trooper agent premier emperor empress \
        president-elect treasurer comptroller auditor solicitor counsel advocate supt det insp atty amb \
        sens reps govs msgr fr mssrs messrs md phd esq chairperson ceo cfo coo founder anchor host correspondent \
        editor columnist reporter pastor minister-president taoiseach governor-general secretary-general \
        representative-elect senator-elect mayor-elect nominee candidate hon honorable prosecutor magistrate \
        constable barrister mp mep
        """

    /// Words that qualify a title (`Defense Secretary`, `House Speaker`, `Former President`).
    static let titleModifiers = WordSet(titleModifierList)
    private static let titleModifierList = """
        defense defence state foreign interior treasury homeland security health education energy justice \
        labor labour commerce agriculture transportation housing veterans affairs finance economy trade home \
        general house senate majority minority republican democratic democrat gop white press national former \
        acting supreme federal county city district party campaign senior executive first grand crown \
        u.s. us american british french german israeli iraqi iranian russian chinese afghan syrian palestinian \
        lieutenant vice prime deputy assistant principal associate special chief top lead main interim \
        environmental environment immigration intelligence army navy air force marine police fire public \
        state's attorney's international development emeritus current incumbent outgoing then
        """

    static let maleTitles = WordSet(maleTitleList)
    private static let maleTitleList = """
        mr sir king prince lord father brother congressman councilman chairman spokesman assemblyman businessman \
        emperor
        """

    static let femaleTitles = WordSet(femaleTitleList)
    private static let femaleTitleList = """
        mrs ms miss queen princess lady dame sister congresswoman councilwoman chairwoman spokeswoman \
        assemblywoman businesswoman empress
        """

    /// Name suffixes (`Jr.`, `III`).
    static let nameSuffixes = WordSet(suffixList)
    private static let suffixList = "jr sr ii iii iv qc kc mp mep"

    /// Lower-case particles inside names (`bin`, `de`, `van der`).
    static let nameParticles = WordSet(particleList)
    private static let particleList = """
        al el bin ibn bint abu abd de del della der den di da dos das du la le van von ter ten st y e zu
        """

    // MARK: Organisations and places

    /// Words that make a capitalised name an organisation (`White House`, `Defense Writers Group`).
    static let organizationWords = WordSet(organizationList)
    private static let organizationList = """
        house department ministry committee council party news times post journal tribune herald gazette \
        magazine press network agency association institute university college school foundation campaign \
        inc corp corporation company co group bank office court senate congress administration commission \
        organization organisation union army navy police government parliament assembly board bureau center \
        centre fund league club federation alliance coalition movement church reuters cnn msnbc fox nbc abc \
        cbs bbc npr pbs afp nato un eu fbi cia nsa gop dnc rnc pentagon kremlin treasury guard forces command \
        authority service services cabinet caucus pac society trust watch project clinic hospital airlines \
        motors systems technologies labs media communications entertainment studios records daily weekly \
        review monthly channel radio tv television wire online website blog twitter facebook google apple \
        microsoft amazon breitbart politico gallup quinnipiac marist pew rasmussen brigade regime republic \
        kingdom nations commonwealth institution academy laboratory lab museum library council's initiative \
        ventures partners capital holdings industries enterprises airways express observer guardian telegraph \
        independent economist chronicle examiner inquirer star sun mail mirror times' post's bloomberg \
        axios buzzfeed vox slate salon huffpost huffington hill commons lords diet duma knesset junta \
        force forces taliban hamas hezbollah isis isil qaeda cdc epa fda irs sec fec doj dhs ice usda nasa who imf opec \
        census center's office's show festival awards summit conference forum expo olympics games cup \
        championship league tournament robotics pharmaceuticals pharma energy foods electric solutions software \
        networks telecom insurance logistics brands program programme prize award awards act wikinews wikipedia wikimedia github gitlab youtube reddit \
        instagram tiktok whatsapp linkedin telegram
        """

    /// Countries, nationalities used as nouns and well-known places: a name that is one of these
    /// is a place (a speaker only as an organisation: `Iraq said`).
    static let places = WordSet(placeList)
    private static let placeList = """
        afghanistan albania algeria america angola argentina armenia australia austria azerbaijan bahrain \
        bangladesh belarus belgium bolivia bosnia brazil britain bulgaria burma cambodia cameroon canada chad \
        chile china colombia congo croatia cuba cyprus czechia denmark ecuador egypt england eritrea estonia \
        ethiopia europe finland france georgia germany ghana greece guatemala haiti honduras hungary iceland \
        india indonesia iran iraq ireland israel italy jamaica japan jordan kazakhstan kenya korea kosovo \
        kuwait laos latvia lebanon liberia libya lithuania luxembourg macedonia madagascar malaysia mali malta \
        mexico moldova mongolia montenegro morocco mozambique myanmar namibia nepal netherlands nicaragua \
        niger nigeria norway oman pakistan palestine panama paraguay peru philippines poland portugal qatar \
        romania russia rwanda scotland senegal serbia singapore slovakia slovenia somalia spain sudan sweden \
        switzerland syria taiwan tajikistan tanzania thailand tunisia turkey turkmenistan uganda ukraine \
        uruguay uzbekistan venezuela vietnam wales yemen zambia zimbabwe africa asia antarctica gaza \
        alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii idaho illinois \
        indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi \
        missouri montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont \
        virginia washington wisconsin wyoming carolina dakota hampshire jersey york mexico \
        london paris berlin moscow beijing tokyo baghdad kabul tehran jerusalem cairo damascus brussels \
        chicago boston houston dallas atlanta miami seattle denver detroit philadelphia phoenix baltimore \
        cleveland orlando manhattan brooklyn hollywood tampa charlotte ottawa toronto sydney melbourne \
        mosul aleppo benghazi tripoli riyadh ankara istanbul kiev kyiv rome madrid vienna geneva
        """

    /// Capitalised words that are not names: sentence openers, days, months.
    static let notNames = WordSet(notNameList)
    private static let notNameList = """
        the a an this that these those it its he she they we i you his her their our my your there here \
        but and or so yet for nor if when while as after before since because although though however \
        meanwhile still also then now later today yesterday tomorrow tonight in on at to from by with without \
        given unless amid amidst despite absent alongside following regarding concerning including excluding throughout \
        beyond besides except whereas whilst whatever whenever wherever whoever therefore hence thus rather already again \
        almost nearly especially particularly unlike toward towards upon within amongst across behind below beneath beside \
        inside outside onto till lest either neither much \
        of about over under into through during against between among what who whom why how where which \
        some many most all both each every no not any another other such one two three four five six seven \
        eight nine ten first second third last next more less few several instead even just only \
        monday tuesday wednesday thursday friday saturday sunday january february march april may june july \
        august september october november december jan feb mar apr jun jul aug sep sept oct nov dec \
        mon tue tues wed thu thur thurs fri sat sun \
        hours days weeks months years minutes decades seconds once twice soon perhaps maybe \
        yes no please thank thanks oh okay ok well like according asked said says told added \
        god lord christmas easter ramadan thanksgiving halloween internet web \
        democrats republicans democrat republican americans conservatives liberals muslims christians jews \
        islam christianity judaism catholic catholics evangelicals latinos hispanics \
        breaking update updated related read watch video photo photos getty \
        republican-led democratic-led pro anti ex \
        i've i'm i'd i'll it's that's there's what's let's we've we're they're you're he's she's \
        nevertheless nonetheless furthermore moreover additionally previously subsequently currently whether \
        otherwise afterwards afterward overall initially \
        can could would should shall might must does did \
        eleven twelve twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million billion \
        hundreds thousands millions billions dozens dozen scores
        """

    /// Acronyms for things, illnesses, measures and techniques, not bodies that speak (`the DVD`,
    /// `HIV`, `GDP`): an acronym not among them is read as an organisation (`NATO said`).
    static let thingAcronyms = WordSet(thingAcronymList)
    private static let thingAcronymList = """
        covid hiv aids sars mers h1n1 h5n1 std gdp gnp cpi vat dvd dvds cd cds tv hdtv pc pcs ip dna rna usb \
        gps mri ct lcd led gmo gmos ufo ufos suv suvs atm atms pdf html http url sms mms wifi ceo ceos cfo \
        ai vr lgbt lgbtq iq ivf ptsd adhd ocd icu er drm rpg mmo fps cpu gpu ram rom os ssd api faq \
        am pm bc ad kg km mph rpm ppm mw gw kwh co2 ch4 ph sos vip vips diy dj djs mc rip lol omg
        """

    /// Words that end a run of capitalised words in a title-case line (`Chris Christie Calls
    /// Hillary Clinton ‘A Disgrace’`): function words; verbs of saying are checked apart.
    static let nameBreakers = WordSet(nameBreakerList)
    private static let nameBreakerList = """
        the a an as to in on at for with from by and or but is are was were be has have had will would \
        not no after before over under into about against than that this his her their its our your my
        """

    /// Party and national adjectives: not names on their own (`Republican Donald Trump`), but
    /// part of an organisation's (`Democratic National Committee`).
    static let nameAdjectives = WordSet(nameAdjectiveList)
    private static let nameAdjectiveList = """
        democratic republican conservative liberal progressive american british french german russian chinese \
        israeli iraqi iranian syrian mexican european african asian arab muslim christian jewish catholic
        """

    /// Nouns for people in a role: the head of an anonymous source (`a senior administration official`).
    static let personNouns = WordSet(personNounList)
    private static let personNounList = """
        official officials spokesman spokeswoman spokesperson source sources aide aides adviser advisers advisor \
        advisors analyst analysts expert experts strategist strategists operative operatives lawyer lawyers \
        attorney attorneys officer officers resident residents supporter supporters voter voters user users \
        member members staffer staffers diplomat diplomats executive executives observer observers critic \
        critics person people man men woman women witness witnesses insider insiders consultant consultants \
        lawmaker lawmakers senator senators congressman congresswoman governor candidate candidates friend \
        friends protester protesters protestor protestors activist activists worker workers employee employees \
        researcher researchers scientist scientists economist economists administrator leader leaders manager \
        organizer organizers pollster pollsters historian historians professor professors student students \
        teacher teachers doctor doctors nurse soldier soldiers commander veteran veterans volunteer volunteers \
        donor donors fan fans host anchor reporter reporters journalist journalists editor editors columnist \
        columnists writer writers author authors businessman businesswoman billionaire mogul tycoon nominee \
        front-runner frontrunner contender challenger incumbent president mayor chairman chairwoman chair \
        secretary minister ambassador envoy negotiator prosecutor prosecutors judge investigator investigators \
        detective delegate delegates representative representatives congressmen official's counsel owner \
        owners father mother son daughter wife husband brother sister parent parents neighbor neighbors \
        citizen citizens farmer farmers immigrant immigrants refugee refugees victim victims survivor survivors \
        guest guests caller callers viewer viewers reader readers participant participants attendee attendees \
        republican republicans democrat democrats conservative conservatives liberal liberals progressive \
        progressives evangelical evangelicals backer backers ally allies opponent opponents rival rivals \
        chief director directors founder co-founder president-elect speaker whip campaigner campaigners \
        organiser blogger bloggers commentator commentators pundit pundits anchorwoman anchorman narrator \
        trooper agent agents police officer spokespeople militant militants rebel rebels fighter fighters \
        student teen teenager youth child children kid kids mom dad grandmother grandfather cousin uncle aunt \
        colleague colleagues partner partners boss coach player players athlete actor actress singer rapper \
        comedian celebrity star official sheriff deputy attendant clerk cleric imam priest pastor rabbi bishop \
        librarian engineer architect pilot driver nurse surgeon physician dentist farmer fisherman miner \
        lawyer judge mayor councillor councilor chairwoman treasurer trustee principal dean coach captain \
        marcher marchers demonstrator demonstrators broadcaster broadcasters developer developers co-developer co-author coauthor \
        astronomer astronomers physicist physicists chemist chemists biologist biologists geologist \
        psychologist psychologists epidemiologist epidemiologists virologist archaeologist archaeologists \
        archeologist anthropologist neuroscientist neuroscientists climatologist meteorologist forecaster \
        forecasters legislator legislators lawmaker mathematician engineer engineers professor lecturer \
        curator artist artists musician musicians drummer guitarist composer filmmaker director producer \
        physician surgeon nurses paramedic firefighter firefighters rescuer rescuers interviewee interviewees \
        respondent respondents eyewitness bystander bystanders passenger passengers resident locals \
        shopkeeper owner spokesperson representative envoy minister premier president-elect governor-elect
        """

    /// Nouns for groups, institutions and documents that speak (`the newspaper`, `the statement`).
    static let institutionNouns = WordSet(institutionNounList)
    private static let institutionNounList = """
        newspaper paper group campaign committee company firm agency department administration network \
        organization organisation website site magazine outlet union council government ministry party board \
        court panel report study statement survey poll memo letter document lawsuit complaint ruling order \
        bill editorial article post tweet release ad advertisement video sign banner petition page account \
        station channel team coalition alliance center centre institute foundation commission bureau office \
        service regime military army police embassy consulate white house senate congress parliament \
        legislature caucus movement association federation league club church school university college \
        hospital clinic spokesman's analysis assessment review investigation filing motion brief verdict \
        decision opinion indictment affidavit email emails message messages transcript script book column \
        blog podcast show program broadcast interview press platform manifesto resolution proposal plan \
        policy law constitution amendment act treaty agreement declaration communique note notice text caption \
        headline label slogan chant banner placard t-shirt shirt sticker flyer leaflet pamphlet brochure \
        website's leadership staff crowd audience community establishment media press public electorate \
        authorities authority palace city town village municipality county province prosecution defence defense \
        tribunal judiciary secretariat proclamation decree bulletin announcement
        """

    /// Nouns for events and processes: a description headed by one (`the harbour talks`, `the
    /// storm`) is no source, though a description of a document or a poll may be.
    static let eventNouns = WordSet("""
        talks negotiations meeting meetings summit summits war wars conflict conflicts battle battles fighting \
        clashes violence crisis crises storm storms hurricane flood floods fire fires earthquake ceremony \
        celebration parade match game games season tournament race election elections primary primaries \
        debate debates hearing hearings visit trip tour dispute feud standoff shutdown recession slump boom
        """)

    // MARK: First names, for gender

    static let maleFirstNames = WordSet(maleFirstNameList)
    private static let maleFirstNameList = """
        aaron abdul abdullah adam adrian ahmed ahmad al alan albert alex alexander alfred ali allen andre \
        andrew andy angelo anthony antonio arnold arthur ashton austin barack barry ben benjamin bernard \
        bernie bill billy bob bobby brad bradley brandon brendan brent brett brian bruce bryan carl carlos \
        chad charles charlie chris christian christopher chuck clarence clark claude clay clifford clint \
        cody colin connor corey craig curtis dale dan daniel danny darrell darren dave david dean dennis \
        derek devin dick dominic don donald doug douglas duncan dustin dwight earl ed eddie edgar edward \
        edwin eli elijah elliot emmanuel eric erik ernest eugene evan felix fernando francis francisco \
        frank franklin fred frederick gabriel gary gavin gene geoffrey george gerald gilbert glen glenn \
        gordon graham grant greg gregory guy hakeem hamid hank harold harry harvey hassan hector henry \
        herbert herman howard hugh hugo ian igor isaac ivan ivo jack jackson jacob jaime jake james jamie \
        jared jason javier jay jeb jeff jeffrey jeremy jerome jerry jesse jesus jim jimmy joe joel john \
        johnny jon jonathan jordan jorge jose joseph josh joshua juan julian justin karl keith ken kenneth \
        kevin khalid kirk kurt kyle lamar lance larry lawrence lee leo leon leonard leroy lewis lindsey \
        lloyd louis lucas luis luke lyndon malcolm manuel marco marcus mario mark marshall martin marvin \
        matt matthew maurice max michael miguel mike mitch mitchell mitt mohammed mohammad muhammad mustafa \
        nathan neil nelson nicholas nick nigel noah norman oliver omar oscar owen pablo patrick paul pedro \
        pete peter phil philip phillip pierre rafael ralph ramon randall randy raul ray raymond reggie \
        reince rex ricardo richard rick ricky rob robert roberto rod rodney roger roland ron ronald ross \
        roy rudy rudolph russell ryan salman sam samuel scott sean sergei sergio seth shane shawn sheldon \
        sidney simon stanley stephen steve steven stuart ted terry theodore thomas tim timothy todd tom \
        tommy tony travis trey troy tyler vernon victor vincent vladimir wade walter warren wayne wesley \
        will william willie xavier yusuf zachary zach newt jeh lindsay marco rand ted mitch jed kellyanne \
        reince corey hosni bashar recep benjamin bibi silvio boris emmanuel justin shinzo narendra xi \
        vladimir nouri haider qassim moqtada hamid ashraf abdel mahmoud yasser ehud ariel shimon yitzhak \
        menachem avigdor naftali mahmoud nawaz imran pervez recep ahmet kim fidel raul hugo nicolas evo \
        luiz jair enrique andres felipe mauricio sebastian angela jens wolfgang gerhard helmut franz \
        jacques francois nicolas dominique jean-claude jean-marc jean-luc tony gordon david nigel jeremy \
        keir rishi giuseppe matteo silvio mario pedro mariano jose jan donald viktor andrzej lech
        """

    static let femaleFirstNames = WordSet(femaleFirstNameList)
    private static let femaleFirstNameList = """
        abigail adriana alexandra alexis alice alicia alison allison amanda amber amy ana andrea angela \
        angelina anita ann anna anne annie april ashley audrey barbara beatrice becky betsy betty beverly \
        brenda bridget brittany brooke candace carla carly carmen carol caroline carolyn catherine cathy \
        cecile charlotte chelsea cheryl christina christine cindy claire clara claudia colleen connie \
        courtney crystal cynthia daisy dana danielle dawn deborah debbie debra denise diana diane donna \
        doris dorothy edith eileen elaine eleanor elena elisabeth elise eliza elizabeth ella ellen emily \
        emma erica erin esther eva evelyn faith fatima frances gabrielle gail gina ginger gloria grace \
        gretchen hannah harriet hazel heather heidi helen hilary hillary holly hope huma irene iris \
        isabel isabella jackie jacqueline jan jane janet janice jasmine jean jeanne jennifer jenny jessica \
        jill joan joanna jodi jody josephine joy joyce judith judy julia julie june karen kate katherine \
        kathleen kathryn kathy katie kay kayla kelly kellyanne kim kimberly kirsten kristen kristin laura \
        lauren laurie leah lena leslie lily linda lisa lois loretta lori lorraine louise lucy lydia lynn \
        madeleine maggie mandy marcia margaret maria marian marie marilyn marion marsha martha mary maureen \
        megan melania melanie melissa meredith mia michele michelle mildred miriam molly monica nancy \
        naomi natalie nicole nikki nina nora olivia paige pamela patricia patty paula pauline peggy \
        penny phyllis priscilla rachel rebecca regina renee rhonda rita roberta robin rosa rose rosemary \
        ruth sabrina sally samantha sandra sara sarah sharon sheila shelby shirley sonia sophia stacey \
        sofia stephanie sue susan suzanne sylvia tamara tammy tanya tara teresa theresa tiffany tina tracy \
        tulsi valerie vanessa veronica victoria virginia wanda wendy whitney yvonne zoe angela theresa \
        marine ségolène segolene christine ursula federica jacinda golda indira benazir aung ellen \
        sheikh hasina dilma cristina michelle condoleezza condi madeleine janet samantha susan elena \
        sonia ruth sandra loretta kamala tulsi elizabeth amy kirsten nancy dianne barbara debbie donna \
        ivanka melania tiffany chelsea huma kellyanne hope sarah omarosa betsy nikki rosa ilhan rashida \
        alexandria ayanna
        """
}
