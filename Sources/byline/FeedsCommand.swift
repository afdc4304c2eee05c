import ArgumentParser
import BylineCore
import BylineSources
import BylineUI
import Foundation

/// `byline feeds`: the list of feeds `byline update` follows.
struct FeedsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feeds",
        abstract: "Manage the feeds that byline update follows.",
        discussion: """
            The list is a plain file, $XDG_CONFIG_HOME/byline/feeds (default ~/.config/byline/feeds): \
            one feed a line, its address and then a name if you like; you may edit it by hand. \
            What each feed's last update did is kept in $XDG_STATE_HOME/byline/feeds.json, and \
            the items in $XDG_DATA_HOME/byline/library/ (default ~/.local/share/byline/library/).
            """,
        subcommands: [Add.self, List.self, Remove.self, Import.self, Export.self],
        defaultSubcommand: List.self)

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Follow a feed (RSS, Atom or JSON Feed). Nothing is fetched until byline update.")

        @Argument(help: ArgumentHelp("The feed's address (http or https).", valueName: "URL"))
        var url: String

        @Option(name: .long, help: ArgumentHelp("A name for the feed (default: the feed's own title).", valueName: "NAME"))
        var name: String?

        func run() throws {
            try reportingSubscriptionErrors {
                var list = try FeedsCommand.loadList()
                let subscription = Subscription(url: url, name: name)
                try list.add(subscription)
                try list.save()
                print("added \(TerminalSafe.line(FeedsCommand.label(subscription)))")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the feeds: name, articles stored, last update, address, last error.",
            discussion: """
                JSONL prints one object per feed:
                {"name", "url", "title", "folder", "articles", "last_update", "last_error"}
                """)

        @OptionGroup var format: FormatOption

        func run() throws {
            try reportingSubscriptionErrors {
                let list = try FeedsCommand.loadList()
                let (states, warning) = FeedStates.load(path: FeedStates.defaultPath())
                warning.map(TerminalSafe.line).map(warn)
                let library = Library.folder()
                let rows = list.subscriptions.map { FeedRow(subscription: $0, state: states.feeds[$0.url], library: library) }
                switch format.format {
                case .text:
                    if rows.isEmpty {
                        print("no feeds yet: add one with byline feeds add URL")
                        return
                    }
                    printTable(rows)
                case .json: print(JSON.array(rows.map(\.json)).serialized(pretty: true))
                case .jsonl: rows.forEach { print($0.json.serialized()) }
                }
            }
        }

        private func printTable(_ rows: [FeedRow]) {
            let header = ["NAME", "ARTICLES", "LAST UPDATE", "URL", "LAST ERROR"]
            let cells = rows.map { row in
                [row.name, String(row.articles), row.lastUpdate.map(FeedsCommand.timestamp) ?? "never", row.url, row.lastError ?? ""]
                    .map(TerminalSafe.line)
            }
            let columns = header.indices.map { column in
                ([header[column]] + cells.map { $0[column] }).map(DisplayWidth.of).max() ?? 0
            }
            for line in [header] + cells {
                var text = ""
                for (column, cell) in line.enumerated() {
                    let padding = String(repeating: " ", count: columns[column] - DisplayWidth.of(cell))
                    // The count reads best aligned right; the last column needs no padding.
                    if column == 1 { text += padding + cell } else if column == line.count - 1 { text += cell } else { text += cell + padding }
                    if column < line.count - 1 { text += "  " }
                }
                while text.hasSuffix(" ") { text.removeLast() }
                print(text)
            }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Stop following a feed. Its stored articles stay in the library.")

        @Argument(help: ArgumentHelp("The feed's address or name.", valueName: "URL|NAME"))
        var feed: String

        func run() throws {
            try reportingSubscriptionErrors {
                var list = try FeedsCommand.loadList()
                let removed = try list.remove(feed)
                try list.save()
                var message = "removed \(FeedsCommand.label(removed))"
                let (states, _) = FeedStates.load(path: FeedStates.defaultPath())
                if let folder = states.feeds[removed.url]?.folder {
                    let path = FilePaths.joined(Library.folder(), folder)
                    let count = Library.articleCount(inFeedFolder: path)
                    if count > 0 { message += "; its \(count) stored article\(count == 1 ? "" : "s") stay in \(path)" }
                }
                print(TerminalSafe.line(message))
            }
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Follow the feeds an OPML file lists (as every feed reader exports them).")

        @Argument(help: ArgumentHelp("The OPML file.", valueName: "FILE.opml"))
        var file: String

        func run() throws {
            try reportingSubscriptionErrors {
                let data = try ArticleReader.contents(ofFileAt: file)
                let (found, skipped) = try OPML.subscriptions(in: data, source: file)
                var list = try FeedsCommand.loadList()
                var added = 0
                var present = 0
                for subscription in found {
                    do throws(SubscriptionError) {
                        try list.add(subscription)
                        added += 1
                    } catch {
                        switch error {
                        case .alreadySubscribed: present += 1
                        case .nameTaken, .nameLooksLikeAnAddress:
                            // Keep the feed; only its name clashes.
                            try list.add(Subscription(url: subscription.url))
                            added += 1
                            warn(TerminalSafe.line("\(subscription.url): \(error.description); added without a name"))
                        default: throw error
                        }
                    }
                }
                try list.save()
                skipped.map { TerminalSafe.line("skipped \($0)") }.forEach(warn)
                var parts = ["imported \(added) feed\(added == 1 ? "" : "s") from \(file)"]
                if present > 0 { parts.append("\(present) already in the list") }
                if !skipped.isEmpty { parts.append("\(skipped.count) skipped") }
                print(TerminalSafe.line(parts.joined(separator: "; ")))
            }
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the list of feeds as OPML, for another feed reader.")

        func run() throws {
            try reportingSubscriptionErrors {
                let list = try FeedsCommand.loadList()
                let (states, _) = FeedStates.load(path: FeedStates.defaultPath())
                print(OPML.document(for: list.subscriptions.map { ($0, states.feeds[$0.url]?.title) }), terminator: "")
            }
        }
    }

    /// The list of feeds, its unreadable lines said on standard error.
    static func loadList() throws(SubscriptionError) -> FeedList {
        let list = try FeedList.load()
        list.warnings.map(TerminalSafe.line).forEach(warn)
        return list
    }

    /// `Harbour News (https://…)`, or the address alone.
    static func label(_ subscription: Subscription) -> String {
        subscription.name.map { "\($0) (\(subscription.url))" } ?? subscription.url
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }
}

/// One feed as `feeds list` shows it.
private struct FeedRow {
    var name: String
    var url: String
    var title: String?
    var folder: String?
    var articles: Int
    var lastUpdate: Date?
    var lastError: String?

    init(subscription: Subscription, state: FeedState?, library: String) {
        name = subscription.name ?? state?.title ?? subscription.url
        url = subscription.url
        title = state?.title
        folder = state?.folder.map { FilePaths.joined(library, $0) }
        articles = folder.map(Library.articleCount(inFeedFolder:)) ?? 0
        lastUpdate = state?.lastUpdate
        lastError = state?.lastError
    }

    var json: JSON {
        .object([
            ("name", .string(name)),
            ("url", .string(url)),
            ("title", JSON(title)),
            ("folder", JSON(folder)),
            ("articles", .int(articles)),
            ("last_update", JSON(lastUpdate.map { ISO8601DateFormatter().string(from: $0) })),
            ("last_error", JSON(lastError)),
        ])
    }
}
