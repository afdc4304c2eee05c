import BylineCore
/// Placeholder so the target builds until the index lands (issue 5).
public enum LibraryIndexPlaceholder {}
