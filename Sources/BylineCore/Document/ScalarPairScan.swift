/// Looks for a few scalar values two scalars at a time: the pair is read as one `UInt64`
/// with a 32-bit lane per scalar (SWAR). The document passes walk every scalar of an article
/// looking for rare marks (`.`, quotation marks); testing a pair with a handful of integer
/// operations and one well-predicted branch is about twice as fast as a test per scalar.
/// Every test here is exact: the caller looks at the pair's two scalars only when one matches.
enum ScalarPairScan {
    private static let lanesHigh: UInt64 = 0x8000_0000_8000_0000
    private static let lanesOne: UInt64 = 0x0000_0001_0000_0001

    /// The scalars at `i` and `i + 1` (both must be in the buffer), a lane each.
    @inline(__always) static func pair(_ s: UnsafeBufferPointer<Unicode.Scalar>, at i: Int) -> UInt64 {
        UnsafeRawPointer(s.baseAddress.unsafelyUnwrapped).loadUnaligned(fromByteOffset: i &* 4, as: UInt64.self)
    }

    /// Each lane's top bit set when that lane of `pair`, with the bits of `fold` set, differs
    /// from `value` (`fold` lets one test cover two values: `« »` are `0xBB` with `0x10` set).
    /// Scalar values are below 2^31, so a lane's top bit is free and no borrow crosses lanes.
    @inline(__always) static func differ(_ pair: UInt64, from value: UInt32, fold: UInt32 = 0) -> UInt64 {
        let t = (pair | (UInt64(fold) | UInt64(fold) << 32)) ^ (UInt64(value) | UInt64(value) << 32)
        return ((t | lanesHigh) &- lanesOne) & lanesHigh
    }

    /// Whether the AND of `differ` results says that no lane matched any value.
    @inline(__always) static func noneMatch(_ differences: UInt64) -> Bool { differences == lanesHigh }
}
