import ArgumentParser
import BylineCore
import BylineIndex
import Foundation

/// `byline follow NAME`: follow a speaker of the library.
struct FollowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "follow",
        abstract: "Follow a speaker: byline update and byline follows --new list their new quotations.",
        discussion: """
            The name goes through the speaker merge: Daalder follows Ivo Daalder, an alias \
            follows its speaker. A name that could be several speakers is refused with the \
            candidates listed (on a terminal, you are asked to choose). The followed names are \
            kept in $XDG_CONFIG_HOME/byline/follows (default ~/.config/byline/follows), one a \
            line; what you have seen of them in $XDG_STATE_HOME/byline/follows.json. Quotations \
            in the library when you follow someone count as seen.
            """)

    @Argument(help: ArgumentHelp("The speaker's name, or part of it (quote a name of several words).", valueName: "NAME"))
    var name: String

    @OptionGroup var library: IndexOption
    @OptionGroup var articles: ArticleOptions

    func validate() throws {
        if name.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("give the name of a speaker to follow") }
    }

    func run() throws {
        let typed = name.trimmingCharacters(in: .whitespaces)
        var list = try reportingFollowErrors { try FollowList.load() }
        let (speaker, quotations) = try LibraryAccess.withLibrary(library, articles) { index -> (LibrarySpeaker, [LibraryQuotation]) in
            let speaker: LibrarySpeaker
            switch try index.resolveFollow(typed) {
            case .unknown:
                throw InputError(description: TerminalSafe.line("no speaker in the library matches \"\(typed)\" (see byline speakers)"))
            case .speaker(let one): speaker = one
            case .ambiguous(let candidates): speaker = try SpeakerChoice.choose(for: typed, among: candidates)
            }
            return (speaker, try index.quotations(followed: speaker.name))
        }
        let shown = TerminalSafe.line(speaker.name)
        guard list.add(speaker.name) else {
            print("already following \(shown)")
            return
        }
        try reportingFollowErrors { try list.save() }
        let statePath = FollowState.defaultPath()
        var (state, warning) = FollowState.load(path: statePath)
        warning.map(TerminalSafe.line).map(warn)
        state.seen[speaker.name] = []
        state.markSeen(quotations, of: speaker.name)
        try reportingFollowErrors { try state.save(path: statePath) }
        let count = quotations.count == 1 ? "1 quotation" : "\(quotations.count) quotations"
        print("following \(shown) (\(count) in the library so far; new ones are listed after byline update)")
    }
}

/// `byline unfollow NAME`.
struct UnfollowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unfollow",
        abstract: "Stop following a speaker.")

    @Argument(help: ArgumentHelp("The followed name, or part of it.", valueName: "NAME"))
    var name: String

    func run() throws {
        var list = try reportingFollowErrors { try FollowList.load() }
        let removed = try reportingFollowErrors { try list.remove(name.trimmingCharacters(in: .whitespaces)) }
        try reportingFollowErrors { try list.save() }
        let statePath = FollowState.defaultPath()
        var (state, _) = FollowState.load(path: statePath)
        if state.seen.removeValue(forKey: removed) != nil { try reportingFollowErrors { try state.save(path: statePath) } }
        print("stopped following \(TerminalSafe.line(removed))")
    }
}

/// `byline follows [--new]`.
struct FollowsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "follows",
        abstract: "List the speakers you follow, or their new quotations (--new).",
        discussion: """
            Without --new: each followed speaker with their quotations in the library and how \
            many are new since the last look. JSONL: {"name", "quotes", "new"}. With --new: the \
            new quotations, by speaker and then date, which then count as seen. JSONL: \
            {"followed", "article", "id", "start", "end", "text", "speaker", "date", "site"}.
            """)

    @Flag(name: .long, help: "List the new quotations since the last look (and count them as seen).")
    var new = false

    @OptionGroup var format: FormatOption
    @OptionGroup var library: IndexOption
    @OptionGroup var articles: ArticleOptions

    func run() throws {
        let list = try reportingFollowErrors { try FollowList.load() }
        if list.names.isEmpty {
            if format.format == .text {
                print("no followed speakers: follow one with byline follow NAME")
            } else {
                RecordWriter(format.format).finish()
            }
            return
        }
        let writer = RecordWriter(format.format)
        if articles.indexPaths(with: library).isEmpty && library.index == nil {
            // No library yet: the names alone.
            for name in list.names {
                writer.text(TerminalSafe.line(name) + ": no library yet\n")
                writer.record(.object([("name", .string(name)), ("quotes", .int(0)), ("new", .int(0))]))
            }
            writer.finish()
            return
        }
        try LibraryAccess.withLibrary(library, articles) { index in
            if new {
                try FollowedNews.report(list, index: index, writer: writer)
            } else {
                let (state, warning) = FollowState.load(path: FollowState.defaultPath())
                warning.map(TerminalSafe.line).map(warn)
                for name in list.names {
                    let quotations = try index.quotations(followed: name)
                    let unseen = state.hasLooked(at: name) ? state.unseen(quotations, of: name).count : 0
                    writer.text(TerminalSafe.line("\(name): \(quotations.count) quotation\(quotations.count == 1 ? "" : "s"), \(unseen) new") + "\n")
                    writer.record(.object([("name", .string(name)), ("quotes", .int(quotations.count)), ("new", .int(unseen))]))
                }
            }
        }
        writer.finish()
    }
}

/// The new quotations of the followed speakers, as `byline follows --new` and `byline update`
/// list them: by speaker, then date; listing them is a look, so they count as seen after.
enum FollowedNews {
    /// Lists what is new for each followed name and records it as seen. A name never looked
    /// at (added to the file by hand) starts now: its quotations count as seen, none as new.
    static func report(_ list: FollowList, index: LibraryIndex, writer: RecordWriter) throws {
        let statePath = FollowState.defaultPath()
        var (state, warning) = FollowState.load(path: statePath)
        warning.map(TerminalSafe.line).map(warn)
        var listed = 0
        for name in list.names {
            let quotations = try index.quotations(followed: name)
            let unseen = state.hasLooked(at: name) ? state.unseen(quotations, of: name) : []
            state.markSeen(quotations, of: name)
            if unseen.isEmpty { continue }
            listed += unseen.count
            writer.text(TerminalSafe.line("\(name): \(unseen.count) new quotation\(unseen.count == 1 ? "" : "s")") + "\n")
            let followedKey = NameKey(name).folded
            for q in unseen {
                var place = DisplayPath.of(q.article.path) + " #\(q.ordinal + 1)"
                if let site = q.article.site { place += " (\(site))" }
                if let said = q.speakerName, NameKey(said).folded != followedKey { place += ", as \(said)" }
                writer.text("  \(q.article.date?.iso ?? "undated   ")  \(TerminalSafe.line(place))\n")
                writer.text("     \u{201C}\(TerminalSafe.line(q.text))\u{201D}\n")
                writer.record(.object([
                    ("followed", .string(name)),
                    ("article", .string(DisplayPath.of(q.article.path))),
                    ("id", .int(q.ordinal)),
                    ("start", .int(q.span.start)),
                    ("end", .int(q.span.end)),
                    ("text", .string(q.text)),
                    ("speaker", JSON(q.speakerName)),
                    ("date", JSON(q.article.date?.iso)),
                    ("site", JSON(q.article.site)),
                ]))
            }
        }
        if listed == 0 {
            let count = list.names.count
            writer.text("no new quotations by the \(count == 1 ? "speaker" : "\(count) speakers") you follow\n")
        }
        try reportingFollowErrors { try state.save(path: statePath) }
    }
}

/// Choosing among the speakers an ambiguous name could be: on a terminal, the user is asked;
/// elsewhere the name is refused with the candidates listed.
enum SpeakerChoice {
    static func choose(for name: String, among candidates: [LibrarySpeaker]) throws -> LibrarySpeaker {
        let described = candidates.map { s in
            "\(s.name)\(s.description.map { ", \($0)" } ?? "") (\(s.quoteCount) quotation\(s.quoteCount == 1 ? "" : "s"))"
        }
        guard isatty(STDIN_FILENO) == 1, isatty(STDERR_FILENO) == 1 else {
            throw InputError(description: TerminalSafe.line(
                "\"\(name)\" could be \(described.joined(separator: "; ")): give the full name"))
        }
        var prompt = "\"\(TerminalSafe.line(name))\" could be:\n"
        for (n, text) in described.enumerated() { prompt += "  \(n + 1). \(TerminalSafe.line(text))\n" }
        prompt += "Which one (1-\(candidates.count), Enter for none)? "
        FileHandle.standardError.write(Data(prompt.utf8))
        guard let answer = readLine(), let choice = Int(answer.trimmingCharacters(in: .whitespaces)),
            candidates.indices.contains(choice - 1)
        else {
            throw InputError(description: "nothing followed")
        }
        return candidates[choice - 1]
    }
}

func reportingFollowErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as FollowError {
        throw InputError(description: TerminalSafe.line(error.description))
    }
}
