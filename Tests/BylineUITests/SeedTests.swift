import BylineCore
import Testing

@testable import BylineUI

/// The bundled seed with the real analysis. Nothing here is skipped: an analysis that finds
/// nothing in the seed fails these tests.
enum Seed {
    static let analysis = Analyzer.analyze(BundledSeed.article())

    static func harness(_ size: Size) -> Harness { Harness([analysis], size: size) }
}

@Suite struct SeedTests {
    @Test(arguments: SnapshotTests.sizes)
    func headlineAndStatusAtEverySize(size: Size) {
        let h = Seed.harness(size)
        let lines = h.screen.lines
        #expect(lines.count == size.height)
        #expect(lines.joined().contains("NATO running out of time"))
        #expect(lines.last?.contains("quotation") == true)
    }

    @Test func sixQuotationsInTheSidebarInArticleOrder() {
        let h = Seed.harness(Size(width: 120, height: 40))
        #expect(h.text.contains("Quotes · 6"))
        let speakers = h.paneLines(.quotes).enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
            .filter { !$0.isEmpty }.map { $0.split(separator: "·").first.map { String($0).trimmingSpaces } ?? "" }
        #expect(speakers == ["Ivo Daalder", "Ivo Daalder", "Qassim al-Aaraji", "Ivo Daalder", "senior administration official",
                             "Leon Panetta"])
        let starts = h.paneLines(.quotes).enumerated().filter { $0.offset % 2 == 1 }.map(\.element).filter { !$0.isEmpty }
        #expect(starts.first?.contains("\"Prime Minister Nouri al-Maliki") == true)
        #expect(starts.last?.contains("\"Our hope would be") == true)
    }

    @Test func speakersAndQuotationsAreHighlightedInTheirColours() throws {
        let h = Seed.harness(Size(width: 120, height: 40))
        let theme = h.state.theme
        let daalder = try #require(h.document.speakers.firstIndex { $0.name == "Ivo Daalder" })
        let slot = h.document.colorSlots[daalder]
        let screen = h.screen
        let area = h.state.layout.content(of: .article)!
        var mentions = ""
        var quoted = ""
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX {
                if screen[x, y].style == theme.mention(slot: slot) { mentions += screen[x, y].grapheme }
                if screen[x, y].style == theme.quote(slot: slot) { quoted += screen[x, y].grapheme }
            }
            mentions += "|"
            quoted += "|"
        }
        #expect(mentions.contains("Daalder"))
        // Nouri al-Maliki, a speaker's mention inside the quotation, keeps his own colour.
        #expect(quoted.contains("\"Prime Minister "))
        #expect(quoted.contains("has repeatedly asked NATO to stay,\""))
    }

    @Test func filteringToDaalderShowsExactlyHisThreeQuotations() {
        var h = Seed.harness(Size(width: 120, height: 40))
        h.press("f")
        h.type("daalder")
        h.press("enter")
        #expect(h.state.visibleQuotes(in: h.document).count == 3)
        let sidebar = h.paneLines(.quotes).filter { !$0.isEmpty }
        #expect(sidebar.filter { $0.hasPrefix("Ivo Daalder") || $0.contains("Ivo Daalder ·") }.count == 3)
        #expect(sidebar.count == 6)
    }

    @Test func timelinePaneListsTheSeedInTimelineOrder() {
        var h = Seed.harness(Size(width: 120, height: 40))
        // A period heads what it contains; the end of 2011 sorts with 31 December.
        let order = ["this year", "Nov. 15", "this week", "Wednesday", "this month", "Thursday", "today",
                     "Friday morning", "the end of 2011", "Dec. 31", "post-2011"]
        #expect(h.document.timelineRows.map(\.expression) == order)
        h.press("4")
        for _ in 0..<h.document.timelineRows.count { h.press("j") }
        h.press("g")
        // The pane shows them so: an entry's line (the least indented) is its date, two spaces,
        // the expression and its speaker; its sentence follows, indented.
        let lines = h.paneLines(.timeline).filter { !$0.isEmpty }
        func indent(_ line: String) -> Int { line.prefix { $0 == " " }.count }
        let least = lines.map(indent).min() ?? 0
        let shown = lines.filter { indent($0) == least }.compactMap { line -> String? in
            guard let gap = line.range(of: "  ", range: line.index(line.startIndex, offsetBy: least)..<line.endIndex)
            else { return nil }
            return line[gap.upperBound...].components(separatedBy: " · ").first
        }
        #expect(shown.count >= 5 && shown == Array(order.prefix(shown.count)), "\(lines)")
    }

    // Exact snapshots of the whole analysis (quotations and timeline).

    @Test(arguments: SnapshotTests.sizes)
    func seedSnapshots(size: Size) {
        let h = Seed.harness(size)
        Snapshot.check(h.screen, name: SnapshotTests.name("seed", size), title: "seed, as opened")
        var jumped = h
        jumped.press("]", "]", "]")
        Snapshot.check(jumped.screen, name: SnapshotTests.name("seed", size, "third-quote"), title: "seed, ] ] ]")
        var timeline = h
        timeline.press("4")
        Snapshot.check(timeline.screen, name: SnapshotTests.name("seed", size, "timeline"), title: "seed, 4: the timeline")
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " || s.first == "▌" { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
