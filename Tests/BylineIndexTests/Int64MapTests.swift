import Testing

@testable import BylineCore
@testable import BylineIndex

@Suite struct Int64MapTests {
    /// Random insertions, changes and removals (sequential keys, which cluster, and spread
    /// ones) give what a Dictionary gives.
    @Test func itAgreesWithADictionary() {
        var random = SeededRandom(seed: 7)
        var map = Int64Map<Int>()
        var reference: [Int64: Int] = [:]
        for step in 0..<50_000 {
            let key = random.below(2) == 0 ? Int64(random.below(3_000)) : Int64(bitPattern: random.next()) % 1_000_000_007
            switch random.below(4) {
            case 0, 1:
                map[key] = step
                reference[key] = step
            case 2:
                map[key] = nil
                reference[key] = nil
            default:
                map.update(key, initial: 0) { $0 += 1 }
                reference[key, default: 0] += 1
            }
        }
        #expect(map.count == reference.count)
        for (key, value) in reference { #expect(map[key] == value) }
        for key in Int64(0)..<3_000 where reference[key] == nil { #expect(map[key] == nil) }
    }
}
