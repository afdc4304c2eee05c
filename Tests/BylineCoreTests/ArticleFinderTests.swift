import Foundation
import Testing

@testable import BylineCore

/// Path arithmetic that never traps, and the one walk of a library.
@Suite struct FilePathsTests {
    @Test func parentsOfEveryShapeOfPath() {
        let cases: [(String, String)] = [
            ("a/b.txt", "a"), ("/a", "/"), ("/", "/"), ("b.txt", "."), ("./b.txt", "."), (".", ".."), ("..", "../.."),
            ("a/", "."), ("a//b", "a"), ("./", ".."), ("", ".."), ("../dir", ".."), ("/a/b/", "/a"),
            ("//b", "/"), ("//", "/"), ("a/../..", "a/../../.."), ("Café été/Ünïcode 東京.txt", "Café été"),
            ("/news/e\u{301}te\u{301}//a.txt", "/news/e\u{301}te\u{301}"),
        ]
        for (path, parent) in cases { #expect(FilePaths.parent(of: path) == parent, "\(path)") }
    }

    @Test func namesAbsolutePathsAndExtensions() {
        #expect(FilePaths.name(of: "a/b.txt") == "b.txt")
        #expect(FilePaths.name(of: "a/") == "a")
        #expect(FilePaths.name(of: ".") == ".")
        #expect(FilePaths.name(of: "/") == "/")
        #expect(FilePaths.name(of: "b.txt") == "b.txt")
        #expect(FilePaths.name(of: "Café été/東京 e\u{301}.txt//") == "東京 e\u{301}.txt")
        #expect(FilePaths.absolute("./lib//x/../a.txt", in: "/home/u") == "/home/u/lib/a.txt")
        #expect(FilePaths.absolute(".", in: "/home/u") == "/home/u")
        #expect(FilePaths.absolute("../..", in: "/home") == "/")
        #expect(FilePaths.absolute("/x/./y/", in: "/home") == "/x/y")
        #expect(FilePaths.fileExtension(of: "story.TXT") == "txt")
        #expect(FilePaths.fileExtension(of: ".hidden") == "")
        #expect(FilePaths.fileExtension(of: "page.html.gz") == "gz")
        #expect(FilePaths.joined("a/", "b") == "a/b")
        #expect(FilePaths.joined("a", "b") == "a/b")
    }
}

@Suite final class ArticleFinderTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("byline-finder-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    private func write(_ name: String) throws {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("Headline\n\nBody of \(name).".utf8).write(to: url)
    }

    private func link(_ name: String, to destination: String) throws {
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent(name).path,
                                                   withDestinationPath: destination)
    }

    @Test func articleFilesInPathOrderWithoutHiddenFilesCatalogsOrOtherKinds() throws {
        for name in ["lib/b.txt", "lib/a.md", "lib/C.TXT", "lib/notes.text", "lib/z/deep/er/x.txt", "lib/z/y.txt",
                     "lib/image.jpg", "lib/noext", "lib/dots.in.name.txt", "lib/m/index.jsonl", "lib/m/k.txt",
                     "lib/.hidden.txt", "lib/.hidden-folder/in.txt"] {
            try write(name)
        }
        let root = folder.appendingPathComponent("lib").path
        let names = try ArticleFinder.files(in: [root]).map { String($0.dropFirst(root.count + 1)) }
        #expect(names == ["C.TXT", "a.md", "b.txt", "dots.in.name.txt", "m/k.txt", "notes.text", "z/deep/er/x.txt", "z/y.txt"])
        // A file named explicitly is read whatever its name, and a file met twice is listed once.
        let explicit = folder.appendingPathComponent("lib/noext").path
        let twice = try ArticleFinder.files(in: [root + "/z", root, explicit])
        #expect(twice.first == root + "/z/deep/er/x.txt")
        #expect(twice.count == names.count + 1)
        #expect(twice.last == explicit)
    }

    @Test func linksAreFollowedOnceAndLoopsAreNotEntered() throws {
        try write("lib/a.txt")
        try write("lib/sub/b.txt")
        try write("other/c.txt")
        try link("lib/sub/up", to: "..")
        try link("lib/sub/again", to: "../sub")
        try link("lib/linked", to: "../other")
        try link("lib/twin", to: "../other")
        try link("lib/top", to: folder.path)
        try link("other/back", to: folder.path)
        try link("lib/dangling.txt", to: "nowhere.txt")
        let root = folder.appendingPathComponent("lib").path
        let names = try ArticleFinder.files(in: [root]).map { String($0.dropFirst(root.count + 1)) }
        #expect(names == ["a.txt", "linked/c.txt", "sub/b.txt"])
        #expect(ArticleFinder.containsArticles(in: root))
    }

    @Test func aMissingPathAndAFolderWithoutArticlesAreErrors() throws {
        try write("empty/notes.pdf")
        let empty = folder.appendingPathComponent("empty").path
        #expect(throws: ReadError.noArticles(empty)) { try ArticleFinder.files(in: [empty]) }
        #expect(!ArticleFinder.containsArticles(in: empty))
        let missing = folder.appendingPathComponent("none").path
        #expect(throws: ReadError.notFound(missing)) { try ArticleFinder.files(in: [missing]) }
        try link("dangling", to: "nowhere")
        #expect(throws: ReadError.self) { try ArticleFinder.files(in: [self.folder.appendingPathComponent("dangling").path]) }
    }
}
