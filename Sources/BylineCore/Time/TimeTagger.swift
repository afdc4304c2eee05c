/// Finds temporal expressions and gives them TIMEX3 values (see `TimexParser` for the rule
/// families and `TimexResolver` for anchoring).
public enum TimeTagger {
    public static func tag(_ article: Article) -> [TimeExpression] {
        let tokens = TimeTokenizer.tokenize(article)
        guard !tokens.isEmpty else { return [] }
        var parser = TimexParser(tokens: tokens, scalars: article.scalars)
        let matches = parser.parseAll()
        var resolver = TimexResolver(parser: parser, documentDate: article.date, matches: matches)
        var result: [TimeExpression] = []
        result.reserveCapacity(matches.count)
        for m in matches {
            let span = TextSpan(Int(tokens[m.first].start), Int(tokens[m.end - 1].end))
            let sentence = article.sentenceIndex(containing: span.start) ?? 0
            let r = resolver.resolve(m, sentence: sentence)
            result.append(TimeExpression(span: span, type: r.type, value: r.value, mod: m.spec.mod,
                                         anchored: r.anchored, inferred: r.inferred, sentence: sentence,
                                         rule: m.rule.rawValue))
        }
        return result
    }
}
