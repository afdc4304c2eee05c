/// An article's web address, as the reader shows and opens it.
public enum WebLink {
    /// Whether `address` is an `http` or `https` address with a host: the only kind the
    /// reader hands to a browser (a feed can carry any text as an item's link).
    public static func isWebAddress(_ address: String) -> Bool {
        host(of: address) != nil
    }

    /// The host of an `http` or `https` address (`www.example.org`), lower-cased; nil for
    /// anything else.
    public static func host(of address: String) -> String? {
        let lower = address.lowercased()
        let rest: Substring
        if lower.hasPrefix("https://") {
            rest = lower.dropFirst(8)
        } else if lower.hasPrefix("http://") {
            rest = lower.dropFirst(7)
        } else {
            return nil
        }
        var authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        var host = authority
        if host.hasPrefix("[") {
            // An IPv6 literal keeps its colons.
            guard let close = host.firstIndex(of: "]") else { return nil }
            host = host[...close]
        } else if let colon = host.firstIndex(of: ":") {
            host = host[..<colon]
        }
        // No spaces or controls (an internationalised name may be in its own letters).
        let printable = host.unicodeScalars.allSatisfy {
            $0.value > 0x20 && $0.value != 0x7F && !(0x80...0x9F).contains($0.value) && !$0.properties.isWhitespace
        }
        guard !host.isEmpty, printable else { return nil }
        return String(host)
    }
}
