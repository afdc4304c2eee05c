import BylineCore
import Foundation
import Testing

@testable import BylineSources

private func markdown(_ text: String, name: String = "post.md") throws -> Article {
    let articles = try SourceReader.read(Data(text.utf8), source: name)
    try #require(articles.count == 1)
    return articles[0]
}

/// Markdown reduced to what a reader sees.
@Suite struct MarkdownReductionTests {
    @Test func marksDisappearAndLinkTextStays() throws {
        let article = try markdown("""
            # Harbour *news*

            "The roof held," said **Ann Lee**, who runs the [boat club](https://club.example/ "Club").
            She thanked `the crew` and ~~nobody~~ everybody; see <https://club.example/>.
            ![A photo of the roof](roof.jpg)

            A hard\\
            break and a soft
            one.
            """)
        #expect(article.text == """
            Harbour news

            "The roof held," said Ann Lee, who runs the boat club. She thanked the crew and nobody everybody; see https://club.example/.

            A hard
            break and a soft one.
            """)
        #expect(article.metadata.format == .markdown)
        #expect(article.metadata.title == "Harbour news")
    }

    @Test func headingsListsQuotationsTablesAndCodeBecomeParagraphs() throws {
        let article = try markdown("""
            Title line

            ## A subheading

            - first item
            - second item with **bold**

            1. numbered
               continues

               and a second paragraph in it

            > Quoted words
            > go on.
            >
            > - a list in a quotation

            | Name | Role |
            |------|------|
            | Ann Lee | chair |

            ```swift
            let x = 1
            let y = 2
            ```

            <div class="note"><p>Raw <b>HTML</b> block</p></div>

            One<br>line and <q>a quoted <q>inner</q> phrase</q>.

            ---

            Last.
            """)
        #expect(article.text == """
            Title line

            A subheading

            first item

            second item with bold

            numbered continues

            and a second paragraph in it

            Quoted words go on.

            a list in a quotation

            Name

            Role

            Ann Lee

            chair

            let x = 1
            let y = 2

            Raw HTML block

            One
            line and “a quoted ‘inner’ phrase”.

            Last.
            """)
        // No title in front matter or heading: the first paragraph is the headline, as in text.
        #expect(article.headlineText == "Title line")
        #expect(article.metadata.title == nil)
    }

    @Test func theBlocksKeepTheirKinds() {
        let blocks = MarkdownBlocks.blocks(of: "# H\n\nP\n\n> Q\n\n- L\n\n| a |\n|---|\n| b |\n\n    code\n")
        #expect(blocks == [
            TextBlock(kind: .heading(level: 1), text: "H"),
            TextBlock(kind: .paragraph, text: "P"),
            TextBlock(kind: .quotation, text: "Q"),
            TextBlock(kind: .listItem, text: "L"),
            TextBlock(kind: .tableCell, text: "a"),
            TextBlock(kind: .tableCell, text: "b"),
            TextBlock(kind: .preformatted, text: "code"),
        ])
    }

    @Test func emphasisAroundANameStillAttributesTheQuotation() throws {
        let article = try markdown("""
            ---
            title: Ferry returns
            date: 2024-03-14
            ---

            "We waited two winters," said **Ann Lee**, the harbour master.

            "It was *worth* it," _Tom Vale_ told reporters on Thursday.
            """)
        let analyzed = Analyzer.analyze(article)
        #expect(analyzed.quotes.count == 2)
        let speakers = analyzed.quotes.map { $0.speaker.map { analyzed.speakers[$0].name } }
        #expect(speakers == ["Ann Lee", "Tom Vale"])
        // Offsets refer to the reduced text: the mention is the name without its marks.
        let mention = try #require(analyzed.quotes[0].speakerMention)
        #expect(article.string(mention) == "Ann Lee")
        #expect(article.string(analyzed.quotes[1].span) == "\"It was worth it,\"")
        // "Thursday" is read against the front matter's date.
        #expect(analyzed.timeExpressions.contains { $0.value == "2024-03-14" })
    }

    @Test func aHeadingThatRepeatsTheTitleCountsOnce() throws {
        let article = try markdown("---\ntitle: Mill Reopens\n---\n\n# Mill  reopens\n\nBody.\n")
        #expect(article.text == "Mill Reopens\n\nBody.")
        let different = try markdown("---\ntitle: Mill Reopens\n---\n\n# Bread again\n\nBody.\n")
        #expect(different.text == "Mill Reopens\n\nBread again\n\nBody.")
    }

    @Test func frontMatterOnlyAndEmptyFiles() throws {
        #expect(try markdown("---\ntitle: Just a title\n---\n").text == "Just a title")
        #expect(throws: ReadError.self) { try markdown("---\ndraft: true\n---\n") }
        #expect(throws: ReadError.self) { try markdown("  \n\n") }
    }

    @Test func invalidUTF8IsRepairedWithAWarning() throws {
        var bytes = Data("# Caf".utf8)
        bytes.append(0xE9)
        bytes.append(contentsOf: Data("\n\nBody.".utf8))
        let article = try SourceReader.read(bytes, source: "bad.md")[0]
        #expect(article.text == "Caf\u{FFFD}\n\nBody.")
        #expect(article.warnings == ["bad.md: 1 invalid UTF-8 sequence(s) replaced by U+FFFD"])
    }
}

/// The keys Byline needs from YAML and TOML front matter, and warnings instead of failures.
@Suite struct FrontMatterTests {
    private func matter(_ text: String) -> FrontMatter? { FrontMatter.split(text, source: "f.md").0 }

    @Test func yamlStringsDatesAndAuthors() {
        let yaml = """
            ---
            # a comment
            layout: post
            title: 'It''s a "fine" day: really' # trailing comment is not in quotes
            date: 2011-12-01 23:30:00 -05:00
            author: Ann Lee
            tags: [a, b]
            params:
              title: not this one
            ---
            Body
            """
        let m = matter(yaml)
        #expect(m?.title == "It's a \"fine\" day: really")
        #expect(m?.date?.iso == "2011-12-01")
        #expect(m?.authors == ["Ann Lee"])
        #expect(m?.warnings == [])
        #expect(FrontMatter.split(yaml, source: "f.md").body == "Body")
    }

    @Test func yamlListsMappingsAndFoldedText() {
        let m = matter("""
            ---
            title: >
              A title folded
              over two lines
            authors:
              - Ann Lee
              - name: Bob Park
                email: bob@example.com
              - "Cleo \\"CJ\\" Ray"
            date: "2024-03-14T09:00:00+01:00"
            ...
            Body
            """)
        #expect(m?.title == "A title folded over two lines")
        #expect(m?.authors == ["Ann Lee", "Bob Park", "Cleo \"CJ\" Ray"])
        #expect(m?.date?.iso == "2024-03-14")
        let flow = matter("---\nauthors: [\"Ann Lee\", Bob Park, {name: Cleo Ray}]\nauthor:\n  name: Dan Fox\n---\n")
        #expect(flow?.authors == ["Ann Lee", "Bob Park", "Cleo Ray", "Dan Fox"])
        let blockAtKeyLevel = matter("---\nauthors:\n- Ann Lee\n- Bob Park\ntitle: T\n---\n")
        #expect(blockAtKeyLevel?.authors == ["Ann Lee", "Bob Park"])
        #expect(blockAtKeyLevel?.title == "T")
    }

    @Test func tomlStringsDatesArraysAndTables() {
        let m = matter("""
            +++
            title = "Harbour \\u00e9t\\u00e9"
            date = 2024-03-14T09:00:00-07:00
            authors = [
              "Ann Lee",
              'Bob Park',
            ]
            draft = false
            [params]
            title = "not this one"
            +++
            Body
            """)
        #expect(m?.title == "Harbour \u{E9}t\u{E9}")
        #expect(m?.date?.iso == "2024-03-14")
        #expect(m?.authors == ["Ann Lee", "Bob Park"])
        #expect(m?.warnings == [])
        let tables = matter("+++\ntitle = '''Literal'''\n[[authors]]\nname = \"Cleo Ray\"\n[[authors]]\nname = \"Dan Fox\"\n+++\n")
        #expect(tables?.title == "Literal")
        #expect(tables?.authors == ["Cleo Ray", "Dan Fox"])
    }

    @Test func whatCannotBeReadIsAWarningNeverAFailure() throws {
        let m = matter("---\ntitle: [unclosed\ndate: next Tuesday\nauthor:\n---\nBody\n")
        #expect(m?.title == nil)
        #expect(m?.date == nil)
        #expect(m?.warnings == [
            "f.md: front matter: `title` on line 2 could not be read; left out",
            "f.md: front matter: `date` on line 3 is not a date; left out",
            "f.md: front matter: `author` on line 4 could not be read; left out",
        ])
        // The file is still read, with the warnings on the article.
        let article = try markdown("---\ndate: someday\n---\n\nBody text.\n")
        #expect(article.text == "Body text.")
        #expect(article.date == nil)
        #expect(article.warnings == ["post.md: front matter: `date` on line 2 is not a date; left out"])
        let unclosed = try markdown("---\ntitle: never closed\n\nBody text.\n")
        #expect(unclosed.warnings == ["post.md: front matter opened by --- on the first line is never closed; read as Markdown"])
    }

    @Test func noFrontMatter() {
        #expect(matter("# Title\n\n---\n\nafter a rule") == nil)
        #expect(matter("--- title\n") == nil)
    }

    @Test func theDateAndAuthorsReachTheArticle() throws {
        let article = try markdown("+++\ntitle = \"Fair\"\ndate = 2023-06-01\nauthor = \"Ines Duarte\"\n+++\n\nText.\n")
        #expect(article.date?.iso == "2023-06-01")
        #expect(article.dateSource == .metadata)
        #expect(article.metadata.authors == ["Ines Duarte"])
        #expect(article.metadata.title == "Fair")
        // The date order still puts --date first.
        let overridden = SourceReader.dated([article], path: "post.md", dates: DateResolver(override: CivilDate(iso: "2020-01-01")))
        #expect(overridden[0].date?.iso == "2020-01-01")
        #expect(overridden[0].dateSource == .override)
    }
}
