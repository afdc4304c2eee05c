import BylineCore
import Foundation
import Testing

@testable import BylineSources

/// `Fixtures/library/`: feeds of every kind, broken and differently encoded variants, and
/// Markdown with emphasis around names, read as a folder the way the commands read one.
@Suite struct LibraryFixtureTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/library").path

    /// Every article in the folder, and the files refused with their errors (as
    /// `ArticleLoading` does: an incidental refusal is not worth a warning).
    private func load() throws -> (articles: [Article], warned: [String], incidental: [String]) {
        var articles: [Article] = []
        var warned: [String] = []
        var incidental: [String] = []
        for file in try ArticleFinder.files(in: [Self.folder]) {
            do {
                articles += try SourceReader.read(path: file)
            } catch {
                if SourceReader.isIncidental(error, path: file) { incidental.append(FilePaths.name(of: file)) } else { warned.append(file) }
            }
        }
        return (articles, warned, incidental)
    }

    /// The article's source without the folder (an id may hold slashes).
    private func name(_ article: Article) -> String { String(article.source.dropFirst(Self.folder.count + 1)) }

    @Test func everyKindIsReadAndWhatIsNotAFeedIsSkippedQuietly() throws {
        let (articles, warned, incidental) = try load()
        #expect(warned.isEmpty)
        #expect(incidental.sorted() == ["package.json", "sitemap.xml"])
        let formats = Dictionary(articles.map { (name($0).split(separator: "#")[0], $0.metadata.format) }, uniquingKeysWith: { a, _ in a })
        #expect(formats["gazette.xml"] == .rss)
        #expect(formats["weekly.rdf"] == .rss)
        #expect(formats["river.atom"] == .atom)
        #expect(formats["orchard.json"] == .jsonfeed)
        #expect(formats["ferry.md"] == .markdown)
        #expect(formats["mill.markdown"] == .markdown)
        #expect(articles.count == 19)
        // Every article but an undated title-only item is dated by its own metadata.
        #expect(articles.filter { $0.date == nil }.map(name).sorted() == ["bad-entities.xml#fish-1", "bad-entities.xml#fish-2", "entity-bomb.xml#b1", "gazette.xml#3"])
        #expect(articles.allSatisfy { $0.date == nil || $0.dateSource == .metadata })
    }

    @Test func encodedVariantsAllReadTheSameText() throws {
        let (articles, _, _) = try load()
        let expected = "Café owner’s “déjà vu” — a naïve plan\n\n“Our crème brûlée is back,” said Zoë Laurent."
        for file in ["latin1.xml", "declared-utf8-but-windows-1252.xml", "declared-latin1-but-utf8.xml", "utf16.xml"] {
            let article = try #require(articles.first { name($0).hasPrefix(file + "#") }, "\(file)")
            #expect(article.text == expected, "\(file)")
        }
        let japanese = try #require(articles.first { name($0).hasPrefix("shift_jis.xml#") })
        #expect(japanese.text == "港のフェリーが戻る\n\n「待っていました」と田中さんは言った。")
    }

    @Test func whoSaidWhatAcrossTheLibrary() throws {
        let (articles, _, _) = try load()
        var said: [String: [String]] = [:]
        for article in articles {
            let analyzed = Analyzer.analyze(article)
            said[name(article), default: []] += analyzed.quotes.compactMap { $0.speaker.map { analyzed.speakers[$0].name } }
        }
        // Emphasis and links around names in Markdown do not hide the speaker.
        #expect(said["ferry.md"] == ["Tom Vale", "Rosa Mendes", "ferry company"])
        #expect(said["mill.markdown"] == ["Ines Duarte"])
        #expect(said["gazette.xml#gazette-ferry"] == ["Tom Vale"])
        #expect(said["gazette.xml#2"] == ["Rosa Mendes"])
        #expect(said["weekly.rdf#https://weekly.example/mill"] == ["Ines Duarte"])
        #expect(said["river.atom#tag:river.example,2024:flood"] == ["Ben Okafor"])
        #expect(said["orchard.json#apples-2024"] == ["Nora Quist"])
        #expect(said["orchard.json#pears-2024"] == ["Eli Ward"])
        #expect(said["bad-entities.xml#fish-2"] == ["Sam Reed"])
    }

    @Test func brokenFilesWarnOnceWithWhereTheyBroke() throws {
        let (articles, _, _) = try load()
        let warnings = articles.flatMap(\.warnings).map { $0.replacingOccurrences(of: Self.folder + "/", with: "") }
        #expect(warnings.contains("bad-entities.xml: the feed is not well-formed XML (line 3: Opening and ending tag mismatch: b line 3 and description); read what could be recovered"))
        #expect(warnings.contains("truncated.xml: the feed is not well-formed XML (line 22: Premature end of data in tag description line 22); read what could be recovered"))
        #expect(warnings.contains("entity-bomb.xml: the feed is not well-formed XML (line 16: Detected an entity reference loop); read what could be recovered"))
        #expect(warnings.contains("declared-utf8-but-windows-1252.xml: the feed declares UTF-8 but is not valid UTF-8; read as windows-1252"))
        #expect(warnings.contains("declared-latin1-but-utf8.xml: the feed declares ISO-8859-1 but is UTF-8; read as UTF-8"))
        #expect(warnings.filter { $0.hasPrefix("truncated.xml") }.count == 1)
    }
}
