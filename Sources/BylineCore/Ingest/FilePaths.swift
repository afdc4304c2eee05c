import Foundation

/// Path arithmetic on strings, for every place that splits or joins file paths.
///
/// Foundation's `NSString` path methods are not used: on Linux, `deletingLastPathComponent`
/// traps on `"."` (so `byline quotes .` and `./a.txt` crashed), and their results for `""`,
/// `.` and `..` differ between platforms. These functions are lexical: they never touch the
/// file system and never resolve symbolic links.
public enum FilePaths {
    /// `path` made absolute against `folder` (the current folder by default) and standardised:
    /// `.` and empty components dropped, `..` taking away the component before it, no trailing
    /// slash. `lib/a.txt`, `./lib/a.txt` and `lib//x/../a.txt` are one path.
    public static func absolute(_ path: String, in folder: String = FileManager.default.currentDirectoryPath) -> String {
        standardized(path.hasPrefix("/") ? path : folder + "/" + path)
    }

    /// An absolute path with `.`, `..` and repeated slashes taken out (see `absolute`).
    public static func standardized(_ absolutePath: String) -> String {
        var parts: [Substring] = []
        for part in absolutePath.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }

    /// The folder holding `path`, as a path of the same kind: `a/b.txt` → `a`, `/a` → `/`,
    /// `b.txt` → `.`, `./b.txt` → `.`, `.` → `..`, `a/` → `.`. Never traps.
    public static func parent(of path: String) -> String {
        // On the UTF-8 bytes: `/` and `.` are ASCII, and a Substring's `count` walks grapheme
        // clusters (this ran for every article read, 5 % of `byline quotes`).
        let bytes = Array(path.utf8)
        let end = trimmedEnd(bytes)
        if end == 1, bytes[0] == slash { return "/" }
        let start = lastComponentStart(bytes, end: end)
        let last = bytes[start..<end]
        if end == 0 || last.elementsEqual([dot]) || last.elementsEqual([dot, dot]) {
            // `.` → `..`, `../..` → `../../..`: the parent is one level further up.
            let trimmed = String(decoding: bytes[..<end], as: UTF8.self)
            return end == 0 || trimmed == "." ? ".." : trimmed + "/.."
        }
        guard start > 0 else { return "." }
        var folderEnd = start - 1
        while folderEnd > 1, bytes[folderEnd - 1] == slash { folderEnd -= 1 }
        return folderEnd == 0 ? "/" : String(decoding: bytes[..<folderEnd], as: UTF8.self)
    }

    /// The last component: `a/b.txt` → `b.txt`, `a/` → `a`, `/` → `/`.
    public static func name(of path: String) -> String {
        let bytes = Array(path.utf8)
        let end = trimmedEnd(bytes)
        if end == 1, bytes[0] == slash { return "/" }
        return String(decoding: bytes[lastComponentStart(bytes, end: end)..<end], as: UTF8.self)
    }

    private static let slash = UInt8(ascii: "/")
    private static let dot = UInt8(ascii: ".")

    /// Where `bytes` ends without its trailing slashes (a lone `/` stays).
    private static func trimmedEnd(_ bytes: [UInt8]) -> Int {
        var end = bytes.count
        while end > 1, bytes[end - 1] == slash { end -= 1 }
        return end
    }

    /// Where the component that ends at `end` starts: after the slash before it, or at 0.
    private static func lastComponentStart(_ bytes: [UInt8], end: Int) -> Int {
        var start = end
        while start > 0, bytes[start - 1] != slash { start -= 1 }
        return start
    }

    /// `folder` and `name` joined by one slash.
    public static func joined(_ folder: String, _ name: String) -> String {
        if folder.isEmpty { return name }
        return folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// What follows the last dot of a file name, lowercased, if the dot is not its first
    /// character: `story.TXT` → `txt`, `.hidden` → `""`, `page.html.gz` → `gz`.
    public static func fileExtension(of name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }
}
