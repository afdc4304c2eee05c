import BylineCore
import BylineIndex
/// Placeholder so the target builds until the reader lands (issue 4).
public enum ReaderPlaceholder {}
