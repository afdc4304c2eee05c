import BylineUI
import CNcursesw
/// Placeholder so the target builds until the terminal lands (issue 4).
public enum TerminalPlaceholder {}
