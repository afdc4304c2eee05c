import BylineUI
import Foundation
import Testing

/// Screen snapshots as reviewable text, compared exactly with files in `Snapshots/`.
///
/// A snapshot file has the screen's rows between `|` marks (so leading and trailing blanks
/// show), then every run of styled text with its row, columns, style and text:
///
///     12  3-14  [b fg78]  Ivo Daalder
///
/// Style letters: b bold, d dim, u underline, r reverse, i italic; fgN / bgN palette colours.
/// Runs made only of rules (│ ─) are left out, as is the plain style.
///
/// To accept an intentional change: `BYLINE_RECORD_SNAPSHOTS=1 swift test --filter BylineUITests`
/// (each snapshot test then records its file and fails, saying so), review the diff of
/// `Tests/BylineUITests/Snapshots/`, and run the tests again without the variable.
enum Snapshot {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Snapshots")

    static func render(_ screen: Screen, title: String) -> String {
        var out = "# \(title) (\(screen.width)×\(screen.height))\n"
        let border = "+" + String(repeating: "-", count: screen.width) + "+\n"
        out += border
        for y in 0..<screen.height { out += "|" + screen.line(y) + "|\n" }
        out += border
        out += "styles:\n"
        for y in 0..<screen.height {
            var x = 0
            while x < screen.width {
                let style = screen[x, y].style
                var end = x
                var text = ""
                while end < screen.width, screen[end, y].style == style {
                    text += screen[end, y].grapheme
                    end += 1
                }
                let trimmed = text.trimmingCharacters(in: .whitespaces)
                if style != .plain, !trimmed.isEmpty, !trimmed.allSatisfy({ "│─┌┐└┘".contains($0) }) {
                    out += String(format: "%3d  %3d-%-3d  ", y, x, end - 1) + "[\(describe(style))]  \(trimmed)\n"
                }
                x = end
            }
        }
        return out
    }

    static func describe(_ style: Style) -> String {
        var parts: [String] = []
        let a = style.attributes
        var letters = ""
        if a.contains(.bold) { letters += "b" }
        if a.contains(.dim) { letters += "d" }
        if a.contains(.underline) { letters += "u" }
        if a.contains(.reverse) { letters += "r" }
        if a.contains(.italic) { letters += "i" }
        if !letters.isEmpty { parts.append(letters) }
        if case .indexed(let n) = style.foreground { parts.append("fg\(n)") }
        if case .indexed(let n) = style.background { parts.append("bg\(n)") }
        return parts.joined(separator: " ")
    }

    /// Whether this run records snapshots instead of comparing them.
    static var recording: Bool { ProcessInfo.processInfo.environment["BYLINE_RECORD_SNAPSHOTS"] == "1" }

    /// Compares `screen` with the file `name.txt` in `folder`; when recording, writes the file
    /// and fails: a record variable left set in a shell or a CI job cannot turn a run green.
    static func check(_ screen: Screen, name: String, title: String, recording: Bool = Snapshot.recording,
                      folder: URL = Snapshot.folder, sourceLocation: SourceLocation = #_sourceLocation) {
        let actual = render(screen, title: title)
        let file = folder.appendingPathComponent(name + ".txt")
        if recording {
            let previous = try? String(contentsOf: file, encoding: .utf8)
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try actual.write(to: file, atomically: true, encoding: .utf8)
            } catch {
                Issue.record("could not record snapshot \(file.path): \(error)", sourceLocation: sourceLocation)
                return
            }
            Issue.record("""
                recorded snapshot \(name) (\(previous == actual ? "unchanged" : "changed")): review it, then run the tests \
                again without BYLINE_RECORD_SNAPSHOTS
                """, sourceLocation: sourceLocation)
            return
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            Issue.record("no snapshot \(file.path): record it with BYLINE_RECORD_SNAPSHOTS=1", sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            let out = FileManager.default.temporaryDirectory.appendingPathComponent("byline-snapshots")
            try? FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
            let actualFile = out.appendingPathComponent(name + ".txt")
            try? actual.write(to: actualFile, atomically: true, encoding: .utf8)
            Issue.record("""
                snapshot \(name) differs (actual written to \(actualFile.path)).
                \(firstDifferences(expected, actual))
                If the change is intended, re-record with BYLINE_RECORD_SNAPSHOTS=1 and review the diff.
                """, sourceLocation: sourceLocation)
        }
    }

    static func firstDifferences(_ expected: String, _ actual: String) -> String {
        let e = expected.components(separatedBy: "\n")
        let a = actual.components(separatedBy: "\n")
        var out: [String] = []
        for i in 0..<max(e.count, a.count) where out.count < 12 {
            let x = i < e.count ? e[i] : "<none>"
            let y = i < a.count ? a[i] : "<none>"
            if x != y {
                out.append("line \(i + 1):")
                out.append("  expected: \(x)")
                out.append("  actual:   \(y)")
            }
        }
        return out.joined(separator: "\n")
    }
}
