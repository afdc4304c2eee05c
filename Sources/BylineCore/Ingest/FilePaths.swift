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
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        if trimmed == "/" { return "/" }
        let last = trimmed.split(separator: "/", omittingEmptySubsequences: true).last ?? ""
        if last == "." || last == ".." || trimmed.isEmpty {
            // `.` → `..`, `../..` → `../../..`: the parent is one level further up.
            return trimmed.isEmpty || trimmed == "." ? ".." : String(trimmed) + "/.."
        }
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        var folder = trimmed[..<slash]
        while folder.count > 1, folder.hasSuffix("/") { folder = folder.dropLast() }
        return folder.isEmpty ? "/" : String(folder)
    }

    /// The last component: `a/b.txt` → `b.txt`, `a/` → `a`, `/` → `/`.
    public static func name(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard trimmed != "/", let slash = trimmed.lastIndex(of: "/") else { return String(trimmed) }
        return String(trimmed[trimmed.index(after: slash)...])
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
