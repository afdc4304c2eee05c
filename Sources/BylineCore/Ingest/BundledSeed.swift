import Foundation

/// The seed article, embedded in the binary (see `Scripts/embed-seed.sh`).
public enum BundledSeed {
    /// The seed's bytes, exactly as in `seeds/`.
    public static var data: Data {
        Data(base64Encoded: base64)!
    }

    public static var date: CivilDate { CivilDate(iso: isoDate)! }

    /// How the seed is named in output when it was not read from disk.
    public static var source: String { "seeds/" + fileName }

    public static func article(date override: CivilDate? = nil) -> Article {
        // The embedded bytes are checked by a test; decoding them cannot fail.
        var article = (try? ArticleReader.decode(data, source: source))!.0
        article.date = override ?? date
        article.dateSource = override == nil ? .bundled : .override
        return article
    }
}
