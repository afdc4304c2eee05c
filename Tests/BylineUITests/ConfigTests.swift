import Foundation
import Testing

@testable import BylineUI

@Suite struct TOMLTests {
    @Test func readsTablesValuesAndComments() throws {
        let document = try TOML.parse("""
            # a comment
            top = 1
            [keys]   # trailing comment
            quit = "q"          # the usual
            next_quote = ["]", 'J',
                          "ctrl-n",   # across lines, trailing comma
            ]
            [colors]
            accent = 0x4B
            big = 1_000
            negative = -3
            on = true
            off = false
            empty = []
            nested = [[1, 2], ["a"]]
            "quoted key" = 'literal \\ backslash'
            escapes = "tab\\tquote\\" \\u00e9 \\U0001F44D"
            [a.b]
            dotted.key = "x"
            """)
        #expect(document.value("top", in: "") == .integer(1))
        #expect(document.value("quit", in: "keys") == .string("q"))
        #expect(document.value("next_quote", in: "keys") == .array([.string("]"), .string("J"), .string("ctrl-n")]))
        #expect(document.value("accent", in: "colors") == .integer(75))
        #expect(document.value("big", in: "colors") == .integer(1000))
        #expect(document.value("negative", in: "colors") == .integer(-3))
        #expect(document.value("on", in: "colors") == .boolean(true))
        #expect(document.value("off", in: "colors") == .boolean(false))
        #expect(document.value("empty", in: "colors") == .array([]))
        #expect(document.value("nested", in: "colors") == .array([.array([.integer(1), .integer(2)]), .array([.string("a")])]))
        #expect(document.value("quoted key", in: "colors") == .string("literal \\ backslash"))
        #expect(document.value("escapes", in: "colors") == .string("tab\tquote\" é 👍"))
        #expect(document.value("dotted.key", in: "a.b") == .string("x"))
        #expect(document.entries.first { $0.key == "quit" }?.line == 4)
        #expect(document.tables.map(\.name) == ["keys", "colors", "a.b"])
    }

    @Test(arguments: [
        ("[keys]\nquit \"q\"", 2, "expected \"=\""),
        ("[keys]\nquit = \"q", 2, "not closed"),
        ("a = [1, 2\nb = 3", 2, "expected \",\" or \"]\""),
        ("a = [1, 2", 1, "not closed"),
        ("a = 1\na = 2", 2, "set twice"),
        ("[t]\n[t]", 2, "appears twice"),
        ("a = 1.5", 1, "floating-point"),
        ("[[t]]", 1, "arrays of tables"),
        ("a = {b = 1}", 1, "inline tables"),
        ("a = 1 b = 2", 1, "after the value"),
        ("a = yes", 1, "strings need quotes"),
        ("\n\na =", 3, "expected a value"),
        ("a = \"\\q\"", 1, "unknown escape"),
        ("a = \"\"\"x\"\"\"", 1, "multi-line"),
        ("= 3", 1, "where a key should be"),
    ])
    func errorsNameTheLine(text: String, line: Int, fragment: String) {
        do {
            _ = try TOML.parse(text)
            Issue.record("\(text) parsed")
        } catch {
            #expect(error.line == line)
            #expect(error.message.contains(fragment), "\(error)")
        }
    }

    @Test func emptyAndCommentOnlyFilesAreEmpty() throws {
        #expect(try TOML.parse("").entries.isEmpty)
        #expect(try TOML.parse("# nothing\n\n   # here\n").entries.isEmpty)
        #expect(try TOML.parse("a = 1\r\nb = 2\r\n").entries.count == 2)
    }
}

@Suite struct ConfigTests {
    @Test func rebindsKeysAndSetsColours() {
        let (config, warnings) = ReaderConfig.parse("""
            [keys]
            next_quote = ["n", "J"]
            quit = "x"
            [colors]
            mode = "8"
            speakers = [1, "green", "bright-blue"]
            accent = "magenta"
            match = 11
            [reader]
            mouse = false
            """)
        #expect(warnings.isEmpty)
        #expect(config.keymap.command(for: .character("n")) == .nextQuote)
        #expect(config.keymap.command(for: .character("J")) == .nextQuote)
        #expect(config.keymap.command(for: .character("]")) == nil)
        #expect(config.keymap.keys(for: .nextMatch) == [])  // "n" was taken from next_match
        #expect(config.keymap.command(for: .character("x")) == .quit)
        #expect(config.keymap.command(for: .character("q")) == nil)
        #expect(config.colorMode == .basic)
        #expect(config.speakerColors == [1, 2, 12])
        #expect(config.accent == 5)
        #expect(config.matchColor == 11)
        #expect(config.mouse == false)
        #expect(config.theme(.basic).speakerColors == [1, 2, 4])
    }

    @Test func aSyntaxErrorNamesTheLineAndFallsBackToDefaults() {
        let (config, warnings) = ReaderConfig.parse("[keys]\nquit = \"x\"\nnext_quote = [\n", name: "/home/u/.config/byline/config.toml")
        #expect(config == ReaderConfig())
        #expect(warnings.count == 1)
        #expect(warnings[0].hasPrefix("/home/u/.config/byline/config.toml:4: "))
        #expect(warnings[0].hasSuffix("using the default settings"))
    }

    @Test func badSettingsAreSkippedWithTheirLine() {
        let (config, warnings) = ReaderConfig.parse("""
            [keys]
            jump_around = "j"
            quit = "ctrl-"
            top = 3
            bottom = "E"
            [colors]
            mode = "rainbow"
            speakers = [1, 300]
            hue = 3
            [reader]
            mouse = "yes"
            [extras]
            """)
        #expect(config.keymap.command(for: .character("E")) == .bottom)
        #expect(config.keymap.command(for: .character("q")) == .quit)
        #expect(config.colorMode == nil)
        let lines = warnings.map { $0.split(separator: ":")[1] }
        #expect(lines == ["12", "2", "3", "4", "7", "8", "9", "11"])
        #expect(warnings.allSatisfy { $0.hasSuffix("ignored") })
        #expect(warnings[1].contains("unknown command \"jump_around\""))
    }
}

@Suite struct KeymapTests {
    @Test func everyCommandHasADefaultKey() {
        for command in Command.allCases {
            #expect(!Keymap.standard.keys(for: command).isEmpty, "\(command) has no key")
        }
    }

    @Test(arguments: ["j", "G", "]", "ctrl-d", "pgdn", "pgup", "space", "enter", "esc", "tab", "shift-tab", "f1", "home",
                      "end", "up", "down", "left", "right", "backspace", "?", "/"])
    func keyNamesRoundTrip(name: String) {
        let key = Key(name: name)
        #expect(key != nil)
        #expect(key?.description == name)
    }

    @Test func keyNamesAreForgivingAboutCaseAndSpelling() {
        #expect(Key(name: "Ctrl-D") == .control("d"))
        #expect(Key(name: "C-u") == .control("u"))
        #expect(Key(name: "^L") == .control("l"))
        #expect(Key(name: "PageDown") == .pageDown)
        #expect(Key(name: "Return") == .enter)
        #expect(Key(name: "ctrl-1") == nil)
        #expect(Key(name: "hyper-x") == nil)
        #expect(Key(name: "") == nil)
    }

    @Test func bindingTakesTheKeyFromItsOldCommand() {
        var map = Keymap.standard
        map.bind(.character("j"), to: .nextQuote)
        #expect(map.command(for: .character("j")) == .nextQuote)
        #expect(!map.keys(for: .scrollDown).contains(.character("j")))
        #expect(map.keys(for: .scrollDown).contains(.down))
    }

    @Test func helpListsEveryCommandWithItsKeys() {
        let lines = HelpScreen.lines(.standard)
        for command in Command.allCases {
            #expect(lines.contains(.binding(keys: Keymap.standard.keys(for: command).map(\.label).joined(separator: " "),
                                             summary: command.summary)))
        }
        var custom = Keymap.standard
        custom.rebind(.quit, to: [])
        #expect(HelpScreen.lines(custom).contains(.binding(keys: "(unbound)", summary: Command.quit.summary)))
    }
}
