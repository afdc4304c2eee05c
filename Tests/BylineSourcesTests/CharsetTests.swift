import BylineCore
import Foundation
import Testing

@testable import BylineSources

/// The character set of a page comes from its BOM, the HTTP header, a `<meta>` declaration, or
/// else the bytes themselves; every page is decoded into the same text whatever it was.
@Suite struct CharsetTests {
    /// A page whose body is `paragraph` (twice, so the article is long enough to stand alone),
    /// with `head` inside <head>.
    private func page(head: String, paragraph: String) -> String {
        """
        <html><head>\(head)<title>Local news</title></head><body><nav><a href="/">Home</a></nav>
        <article><p>\(paragraph)</p><p>\(paragraph)</p></article></body></html>
        """
    }

    private func read(_ bytes: Data, contentType: String? = nil) throws -> WebPage {
        try HTMLReader.page(bytes, source: "page.html", contentType: contentType)
    }

    private func encoded(_ text: String, _ encoding: String.Encoding) throws -> Data {
        try #require(text.data(using: encoding), "Foundation cannot write \(encoding)")
    }

    private let western = "The café on Quay Street “reopened” for €5 coffee — naïve, but brave."

    @Test func aUTF8ByteOrderMarkWinsOverAWrongMeta() throws {
        let html = page(head: "<meta charset=\"windows-1252\">", paragraph: western)
        let result = try read(Data([0xEF, 0xBB, 0xBF]) + Data(html.utf8))
        #expect(result.charset == "UTF-8")
        #expect(result.blocks.first?.text == western)
    }

    @Test func aUTF16ByteOrderMarkIsRead() throws {
        let html = page(head: "", paragraph: western)
        var bytes = Data([0xFF, 0xFE])
        for unit in html.utf16 { bytes.append(contentsOf: [UInt8(unit & 0xFF), UInt8(unit >> 8)]) }
        let result = try read(bytes)
        #expect(result.charset == "UTF-16LE")
        #expect(result.blocks.first?.text == western)
        // And as a file, through the whole reader.
        let article = try #require(try SourceReader.read(bytes, source: "page.html").first)
        #expect(article.text.contains(western))
    }

    @Test func theHTTPHeaderWinsOverTheMeta() throws {
        let html = page(head: "<meta charset=\"utf-8\">", paragraph: western)
        let result = try read(try encoded(html, .windowsCP1252), contentType: "text/html; charset=windows-1252")
        #expect(result.charset == "WINDOWS-1252")
        #expect(result.blocks.first?.text == western)
    }

    @Test func aMetaCharsetIsRead() throws {
        // iso-8859-1 is read as windows-1252, as browsers do: 0x93 and 0x94 are curly quotes.
        let html = page(head: "<meta charset=\"ISO-8859-1\">", paragraph: western)
        let result = try read(try encoded(html, .windowsCP1252))
        #expect(result.charset == "WINDOWS-1252")
        #expect(result.blocks.first?.text == western)
        let polish = "Zażółć gęślą jaźń: łódź przypłynęła o świcie."
        let latin2 = try read(try encoded(page(head: "<meta charset='iso-8859-2'>", paragraph: polish), .isoLatin2))
        #expect(latin2.charset == "ISO-8859-2")
        #expect(latin2.blocks.first?.text == polish)
    }

    @Test func aMetaHTTPEquivIsRead() throws {
        let russian = "Мост через реку открыли в понедельник, сообщили в мэрии."
        let head = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">"
        let result = try read(try encoded(page(head: head, paragraph: russian), .windowsCP1251))
        #expect(result.charset == "WINDOWS-1251")
        #expect(result.blocks.first?.text == russian)
    }

    @Test func undeclaredWindows1252IsDetected() throws {
        let result = try read(try encoded(page(head: "", paragraph: western), .windowsCP1252))
        #expect(result.charset == "WINDOWS-1252")
        #expect(result.blocks.first?.text == western)
    }

    @Test func shiftJISIsReadDeclaredOrNot() throws {
        let japanese = "港の橋が月曜日に再開した。市の担当者は「予定より早い」と話した。"
        let declared = try read(try encoded(page(head: "<meta charset=\"Shift_JIS\">", paragraph: japanese), .shiftJIS))
        #expect(declared.charset == "CP932")
        #expect(declared.blocks.first?.text == japanese)
        let undeclared = try read(try encoded(page(head: "", paragraph: japanese), .shiftJIS))
        #expect(undeclared.charset == "CP932")
        #expect(undeclared.blocks.first?.text == japanese)
    }

    @Test func undeclaredEUCJPIsDetected() throws {
        // Hiragana in EUC-JP are 0xA4 0xA1+n for U+3041+n; 。is 0xA1 0xA3.
        let words = "はしがひらいた。みなとのひとはよろこんだ。あさからたくさんのひとがきて、はしをわたった。"
        var body: [UInt8] = []
        for scalar in words.unicodeScalars {
            if scalar == "。" { body += [0xA1, 0xA3] } else if scalar == "、" { body += [0xA1, 0xA2] } else { body += [0xA4, UInt8(0xA1 + scalar.value - 0x3041)] }
        }
        let html = page(head: "", paragraph: "PARAGRAPH")
        let parts = html.components(separatedBy: "PARAGRAPH")
        var bytes = Data(parts[0].utf8) + Data(body)
        bytes += Data(parts[1].utf8) + Data(body) + Data(parts[2].utf8)
        let result = try read(bytes)
        #expect(result.charset == "EUC-JP")
        #expect(result.blocks.first?.text == words)
    }

    @Test func aByteTheCharsetDoesNotDefineDoesNotCutThePage() throws {
        // 0x81 is undefined in windows-1252: it becomes U+FFFD and the rest is read.
        var bytes = try encoded(page(head: "<meta charset=\"windows-1252\">", paragraph: "Before the byte XX after the byte."), .windowsCP1252)
        while let marker = bytes.range(of: Data("XX".utf8)) { bytes.replaceSubrange(marker, with: [0x81]) }
        let result = try read(bytes)
        #expect(result.blocks.map(\.text) == Array(repeating: "Before the byte \u{FFFD} after the byte.", count: 2))
    }

    @Test func invalidUTF8InAPageClaimingUTF8IsRepaired() throws {
        var bytes = Data(page(head: "<meta charset=\"utf-8\">", paragraph: "Café XX and more text after it.").utf8)
        while let marker = bytes.range(of: Data("XX".utf8)) { bytes.replaceSubrange(marker, with: [0xE9]) }
        let result = try read(bytes)
        #expect(result.charset == "UTF-8")
        #expect(result.blocks.map(\.text) == Array(repeating: "Café \u{FFFD} and more text after it.", count: 2))
    }

    @Test func labelsAreReadAsBrowsersReadThem() {
        #expect(HTMLCharset.converterName("ISO-8859-1") == "WINDOWS-1252")
        #expect(HTMLCharset.converterName(" us-ascii ") == "WINDOWS-1252")
        #expect(HTMLCharset.converterName("Shift_JIS") == "CP932")
        #expect(HTMLCharset.converterName("gb2312") == "GB18030")
        #expect(HTMLCharset.converterName("utf8") == "UTF-8")
        #expect(HTMLCharset.converterName("koi8-r") == "KOI8-R")
        #expect(HTMLCharset.converterName("x-no-such-charset") == nil)
        #expect(HTMLCharset.converterName("") == nil)
    }

    @Test func everyConverterNamedOpens() {
        let labels = ["utf-8", "windows-1252", "iso-8859-9", "tis-620", "iso-8859-15", "shift_jis", "euc-jp", "iso-2022-jp",
                      "gbk", "big5", "euc-kr", "koi8-r", "koi8-u", "utf-16le", "utf-16be", "windows-1250", "windows-1258",
                      "iso-8859-2", "iso-8859-16", "iso-8859-8-i"]
        for label in labels {
            let name = HTMLCharset.converterName(label)
            #expect(name != nil, "\(label)")
            if let name { #expect(HTMLCharset.utf8(UnsafeRawBufferPointer(start: nil, count: 0), from: name) != nil, "\(name)") }
        }
    }

    @Test func theMetaPrescanReadsTheForms() {
        func declared(_ head: String) -> String? {
            Array(head.utf8).withUnsafeBufferPointer { HTMLCharset.declaredInMeta($0) }
        }
        #expect(declared("<meta charset=utf-8>") == "utf-8")
        #expect(declared("<META CHARSET='Shift_JIS'/>") == "Shift_JIS")
        #expect(declared("<!-- <meta charset=\"koi8-r\"> --><meta charset=\"big5\">") == "big5")
        #expect(declared("<meta content=\"text/html; charset=euc-kr\" http-equiv=\"content-type\">") == "euc-kr")
        #expect(declared("<meta name=\"description\" content=\"charset=nope\">") == nil)
        #expect(declared("<metadata charset=\"x\">") == nil)
    }
}
