import Testing

@testable import BylineCore

@Suite struct TimelineTests {
    private func build(_ body: String, quotes: [Quote] = []) -> (Article, [TimeExpression], Timeline) {
        let article = TimeFixture.article(body)
        let expressions = TimeTagger.tag(article)
        return (article, expressions, TimelineBuilder.build(article: article, expressions: expressions, quotes: quotes))
    }

    /// The seed's whole timeline, as `byline timeline seeds/` and the README show it: `this
    /// year` heads the dates in 2011, `this month` the days of December, and `the end of 2011`
    /// sorts with 31 December (before `Dec. 31`, which it contains).
    @Test func seedTimelineInFullOrder() {
        let article = BundledSeed.article()
        let analyzed = Analyzer.analyze(article)
        let texts = analyzed.timeline.entries.map { article.string(analyzed.timeExpressions[$0.expression].span) }
        #expect(texts == ["this year", "Nov. 15", "this week", "Wednesday", "this month", "Thursday", "today",
                          "Friday morning", "the end of 2011", "Dec. 31", "post-2011"])
    }

    @Test func seedTimelinePutsNov15BeforeDec31() throws {
        let article = BundledSeed.article()
        let analyzed = Analyzer.analyze(article)
        let texts = analyzed.timeline.entries.map { article.string(analyzed.timeExpressions[$0.expression].span) }
        let nov15 = try #require(texts.firstIndex(of: "Nov. 15"))
        let dec31 = try #require(texts.firstIndex(of: "Dec. 31"))
        #expect(nov15 < dec31)
        // Durations and general references are not on the calendar.
        let unplaced = analyzed.timeline.unplaced.map { article.string(analyzed.timeExpressions[$0].span) }
        #expect(unplaced.contains("less than one month"))
        #expect(unplaced.contains("now"))
    }

    @Test func entriesSortByStartWithContainingPeriodsFirstThenClockThenTextOrder() {
        let (article, expressions, timeline) = build(
            "In December rents rose. On Dec. 5 the board met. This week talks stalled. In 2011 prices fell. "
                + "On Dec. 5 the mayor spoke. Shops opened at 9 a.m. on Dec. 5 and closed at 6 p.m. on Dec. 1.")
        let values = timeline.entries.map { expressions[$0.expression].value }
        let texts = timeline.entries.map { article.string(expressions[$0.expression].span) }
        // December contains Dec. 1 and starts with it, so it comes first; the week overlaps
        // December without containing it and starts earlier.
        #expect(values == ["2011", "2011-W48", "2011-12", "2011-12-01", "2011-12-01T18:00", "2011-12-05", "2011-12-05",
                           "2011-12-05", "2011-12-05T09:00"], "\(texts)")
        // A week and a month show their extent.
        let week = timeline.entries.first { expressions[$0.expression].value == "2011-W48" }
        #expect(week?.start == CivilDate(year: 2011, month: 11, day: 28))
        #expect(week?.end == CivilDate(year: 2011, month: 12, day: 4))
        let month = timeline.entries.first { expressions[$0.expression].value == "2011-12" }
        #expect(month?.start == CivilDate(year: 2011, month: 12, day: 1))
        #expect(month?.end == CivilDate(year: 2011, month: 12, day: 31))
        // Equal dates keep text order.
        let dec5 = timeline.entries.filter { expressions[$0.expression].value == "2011-12-05" }.map(\.expression)
        #expect(dec5 == dec5.sorted())
    }

    @Test func modifiersPlaceOpenEndedPeriods() {
        let (_, expressions, timeline) = build(
            "Nobody wants a post-2011 mission. Troops leave by the end of 2011. The pre-2011 deal held.")
        func entry(_ value: String, _ mod: TimexMod) -> TimelineEntry? {
            timeline.entries.first {
                expressions[$0.expression].value == value && expressions[$0.expression].mod == mod
            }
        }
        let after = entry("2011", .after)
        #expect(after?.start == CivilDate(year: 2012, month: 1, day: 1))
        #expect(after?.openEnd == true)
        let end = entry("2011", .end)
        #expect(end?.start == CivilDate(year: 2011, month: 1, day: 1))
        #expect(end?.end == CivilDate(year: 2011, month: 12, day: 31))
        let before = entry("2011", .before)
        #expect(before?.end == CivilDate(year: 2010, month: 12, day: 31))
        #expect(before?.openStart == true)
        // pre-2011 < the end of 2011 < post-2011
        let order = timeline.entries.map { expressions[$0.expression].mod }
        #expect(order == [.before, .end, .after])
    }

    @Test func theStartMiddleAndEndOfAPeriodSortWithThatDay() {
        let (article, expressions, timeline) = build(
            "By the end of 2011 the port reopens. In mid-2011 a ship ran aground. The dock closed on Dec. 20. "
                + "Early 2011 brought storms. Tolls rose on March 3. Crews were hired on July 2. "
                + "The harbour master quit in 2011.")
        let texts = timeline.entries.map { article.string(expressions[$0.expression].span) }
        // 2011 starts the year and contains the rest; early 2011 is a part of it on the same day.
        // mid-2011 is 2 July and contains that day; the end of 2011 is 31 December.
        #expect(texts == ["2011", "Early 2011", "March 3", "mid-2011", "July 2", "Dec. 20", "the end of 2011"])
    }

    @Test func overlappingPeriodsSortByStartAndContainingOnesComeFirst() {
        let (article, expressions, timeline) = build(
            "Snow fell this winter. Profits grew in the fourth quarter. Ice formed in December. "
                + "The lake froze in early December. Skaters came on Dec. 1. Prices rose in November.")
        let texts = timeline.entries.map { article.string(expressions[$0.expression].span) }
        // The quarter (October to December) and the winter (December to February) overlap: by
        // start. December and early December start on Dec. 1 with it: the month, its part, the day.
        #expect(texts == ["the fourth quarter", "November", "this winter", "December", "early December", "Dec. 1"],
                "\(timeline.entries.map { expressions[$0.expression].value })")
    }

    /// The rules hold for any two entries, not only for the sentences above: a whole period
    /// comes before what it contains (unless both are the same days), and `packed` orders as the
    /// key does.
    @Test func theKeyPutsAContainingPeriodFirstAndPacksInTheSameOrder() {
        var random = SeededRandom(seed: 20_111_202)
        let mods: [TimexMod?] = [nil, .start, .mid, .end, .after, .before, .approx, .onOrAfter]
        let values = ["2011", "2011-12-02TMO", "2011-12-02T15:30", "2011-12-02T06:05", "2011-12-02TNI"]
        func randomKey() -> (key: TimelineOrderKey, start: Int, end: Int, mod: TimexMod?) {
            let start = 15_000 + random.below(400)
            let end = start + [0, 0, 1, 6, 30, 90, 364][random.below(7)]
            let mod = mods[random.below(mods.count)]
            let value = values[random.below(values.count)]
            let key = TimelineOrderKey(start: CivilDate(dayNumber: start), end: CivilDate(dayNumber: end), mod: mod,
                                       value: value)
            return (key, start, end, mod)
        }
        var keys: [TimelineOrderKey] = []
        for _ in 0..<4000 {
            let a = randomKey()
            let b = randomKey()
            keys.append(a.key)
            #expect((a.key < b.key) == (a.key.packed < b.key.packed), "\(a.key) \(b.key)")
            #expect((a.key == b.key) == (a.key.packed == b.key.packed))
            #expect(!(a.key < a.key))
            let contains = a.mod == nil && a.start <= b.start && b.end <= a.end
            if contains && (a.end - a.start > b.end - b.start || b.key.part) {
                #expect(a.key < b.key, "\(a) contains \(b)")
            }
        }
        // Sorting by the key and by the packed integer gives the same order.
        #expect(keys.sorted().map(\.packed) == keys.map(\.packed).sorted())
        // Days before 1970 and far ahead keep their order too.
        let old = TimelineOrderKey(start: CivilDate(year: 1066, month: 10, day: 14)!,
                                   end: CivilDate(year: 1066, month: 10, day: 14)!, mod: nil, value: "1066-10-14")
        let decade = TimelineOrderKey(start: CivilDate(year: 1060, month: 1, day: 1)!,
                                      end: CivilDate(year: 1069, month: 12, day: 31)!, mod: nil, value: "106")
        let far = TimelineOrderKey(start: CivilDate(year: 9999, month: 12, day: 31)!,
                                   end: CivilDate(year: 9999, month: 12, day: 31)!, mod: nil, value: "9999-12-31")
        #expect(decade < old && old < far)
        #expect(decade.packed < old.packed && old.packed < far.packed)
    }

    @Test func clockTimesOfValues() {
        #expect(TimelineOrderKey.clockMinutes("2011-12-02") == -1)
        #expect(TimelineOrderKey.clockMinutes("2011-12-02TMO") == 480)
        #expect(TimelineOrderKey.clockMinutes("2011-12-02T15:30") == 930)
        #expect(TimelineOrderKey.clockMinutes("2011-12-02T09") == 540)
    }

    @Test func unplacedHoldsDurationsSetsAndUnanchored() {
        let (article, expressions, timeline) = build(
            "Talks lasted three days and resume every week. Now the mayor waits.")
        let unplaced = timeline.unplaced.map { article.string(expressions[$0].span) }
        #expect(unplaced == ["three days", "every week", "Now"])
        #expect(timeline.entries.isEmpty)
    }

    @Test func entriesCarryTheirSentenceQuoteAndSpeaker() {
        let body = "\"We will vote on Tuesday,\" the senator said. The bill passed in 2009."
        let article = TimeFixture.article(body)
        let expressions = TimeTagger.tag(article)
        let quoteStart = article.text.unicodeScalars.distance(
            from: article.text.unicodeScalars.startIndex, to: article.text.unicodeScalars.firstIndex(of: "\"")!)
        let quote = Quote(id: 0, span: TextSpan(quoteStart, quoteStart + 26), parts: [], kind: .direct, speaker: 3,
                          detectionRule: "test")
        let timeline = TimelineBuilder.build(article: article, expressions: expressions, quotes: [quote])
        let tuesday = timeline.entries.first { article.string(expressions[$0.expression].span) == "Tuesday" }
        #expect(tuesday?.quote == 0)
        #expect(tuesday?.speaker == 3)
        #expect(tuesday.map { article.sentences[$0.sentence].span.contains(expressions[$0.expression].span) } == true)
        let year = timeline.entries.first { article.string(expressions[$0.expression].span) == "2009" }
        #expect(year?.quote == nil)
        #expect(timeline.entries.first.map { expressions[$0.expression].value } == "2009")
    }

    @Test func extentsOfValues() {
        func extent(_ v: String) -> String? {
            TimelineBuilder.extent(ofValue: v).map { "\($0.start.iso)/\($0.end.iso)" }
        }
        #expect(extent("2011-WI") == "2011-12-01/2012-02-29")
        #expect(extent("2011-Q4") == "2011-10-01/2011-12-31")
        #expect(extent("201") == "2010-01-01/2019-12-31")
        #expect(extent("19") == "1900-01-01/1999-12-31")
        #expect(extent("2011-W48-WE") == "2011-12-03/2011-12-04")
        #expect(extent("2011-12-02T15:00") == "2011-12-02/2011-12-02")
        #expect(extent("XXXX-12-31") == nil)
        #expect(extent("P1M") == nil)
        #expect(extent("PRESENT_REF") == nil)
    }
}
