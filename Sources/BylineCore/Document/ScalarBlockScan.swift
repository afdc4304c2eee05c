/// Looks for a few scalar values eight scalars at a time: the block is read as SIMD lanes, one
/// compare per value looked for. The document passes walk every scalar of an article looking
/// for rare marks (`.`, quotation marks, line breaks); a block without any of them is passed
/// with a handful of vector operations and one well-predicted branch.
/// Every test here is exact: the caller reads a block's scalars one by one only when one matches.
enum ScalarBlockScan {
    static let width = 8

    /// The scalars at `i ..< i + width` (all must be in the buffer), a lane each.
    @inline(__always) static func block(_ s: UnsafeBufferPointer<Unicode.Scalar>, at i: Int) -> SIMD8<UInt32> {
        UnsafeRawPointer(s.baseAddress.unsafelyUnwrapped).loadUnaligned(fromByteOffset: i &* 4, as: SIMD8<UInt32>.self)
    }

    /// The lanes of `block` that, with the bits of `fold` set, equal `value` (`fold` lets one
    /// compare cover two values: `« »` are `0xBB` with `0x10` set).
    @inline(__always) static func lanes(_ block: SIMD8<UInt32>, equalTo value: UInt32, fold: UInt32 = 0)
        -> SIMDMask<SIMD8<Int32>>
    {
        (block | SIMD8(repeating: fold)) .== SIMD8(repeating: value)
    }
}

extension ScalarBlockScan {
    /// The lanes holding a double quotation mark of `SentenceSplitter.closedQuotations`, or an
    /// apostrophe: `"`, `'`, `«` and `»` (one value with 0x10 folded in), `“` and `”` (one
    /// value with 1 folded in).
    @inline(__always) static func quotationMarkLanes(_ block: SIMD8<UInt32>) -> SIMDMask<SIMD8<Int32>> {
        lanes(block, equalTo: 0x22) .| lanes(block, equalTo: 0x27) .| lanes(block, equalTo: 0xBB, fold: 0x10)
            .| lanes(block, equalTo: 0x201D, fold: 1)
    }
}
