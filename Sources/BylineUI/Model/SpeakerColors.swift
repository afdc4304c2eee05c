import BylineCore

/// Gives each speaker a palette slot that is stable: it comes from a hash of the speaker's
/// folded name (the same person gets the same colour in every article and every run), and
/// speakers of one article that would share a slot are moved to the next free one, the most
/// quoted speakers choosing first.
public enum SpeakerColors {
    public static func slots(for speakers: [Speaker], paletteSize: Int) -> [Int] {
        guard paletteSize > 0 else { return speakers.map { _ in 0 } }
        var slots = Array(repeating: 0, count: speakers.count)
        var taken = Set<Int>()
        let order = speakers.indices.sorted {
            let a = speakers[$0], b = speakers[$1]
            return a.quotes.count != b.quotes.count ? a.quotes.count > b.quotes.count : a.id < b.id
        }
        for index in order {
            var slot = preferredSlot(speakers[index].name, paletteSize: paletteSize)
            if taken.count < paletteSize {
                while taken.contains(slot) { slot = (slot + 1) % paletteSize }
            }
            taken.insert(slot)
            slots[index] = slot
        }
        return slots
    }

    /// Lower case, without diacritics, single spaces: `Qassim al-Aaraji` and `QASSIM AL-AARAJI`
    /// are one name.
    public static func foldedName(_ name: String) -> String { NameFolding.fold(name) }

    /// The slot a name hashes to before any clash is settled. A stable hash (`FNV1a`): Swift's
    /// `Hasher` is seeded per process, which would change colours every run.
    public static func preferredSlot(_ name: String, paletteSize: Int) -> Int {
        Int(FNV1a.of(utf8: foldedName(name)) % UInt64(paletteSize))
    }
}
