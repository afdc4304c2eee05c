/// The reader's panes.
public enum Pane: String, CaseIterable, Sendable {
    case library, article, quotes, timeline

    public var title: String {
        switch self {
        case .library: return "Library"
        case .article: return "Article"
        case .quotes: return "Quotes"
        case .timeline: return "Timeline"
        }
    }
}

/// Where everything goes on a screen of a given size.
///
/// - columns (at least 100×16): the article, and on its right the quotations above the
///   timeline (or the library); from 150 columns with several articles, the library on the
///   left too (wider while it has the focus);
/// - single (smaller, down to the minimum): one pane at a time under a row of tabs;
/// - too small: a message asking for a larger terminal.
public struct FrameLayout: Equatable, Sendable {
    public enum Arrangement: Equatable, Sendable {
        case columns
        case single
        case tooSmall
    }

    public static let minimum = Size(width: 30, height: 8)
    public static let columnsMinimum = Size(width: 100, height: 16)
    public static let threeColumnsWidth = 150

    public var arrangement: Arrangement
    /// The panes shown, in focus order, each with its whole rectangle (title row included in columns).
    public var panes: [(pane: Pane, rect: Rect)]
    /// Vertical rules between columns.
    public var rules: [Rect]
    /// The row of tabs in the single arrangement.
    public var tabs: Rect?
    public var status: Rect

    public static func == (a: FrameLayout, b: FrameLayout) -> Bool {
        a.arrangement == b.arrangement && a.rules == b.rules && a.tabs == b.tabs && a.status == b.status
            && a.panes.map(\.pane) == b.panes.map(\.pane) && a.panes.map(\.rect) == b.panes.map(\.rect)
    }

    public func rect(of pane: Pane) -> Rect? { panes.first { $0.pane == pane }?.rect }

    public var hasTitles: Bool { arrangement == .columns }

    /// The part of a pane's rectangle below its title row.
    public func content(of pane: Pane) -> Rect? {
        guard let rect = rect(of: pane) else { return nil }
        return hasTitles ? rect.splitTop(1).rest : rect
    }

    public static func compute(size: Size, focus: Pane, secondary: Pane, articleCount: Int) -> FrameLayout {
        let screen = Rect(x: 0, y: 0, width: size.width, height: size.height)
        let (body, status) = (screen.splitTop(size.height - 1).top, screen.splitTop(size.height - 1).rest)
        if size.width < minimum.width || size.height < minimum.height {
            return FrameLayout(arrangement: .tooSmall, panes: [], rules: [], tabs: nil, status: status)
        }
        if size.width < columnsMinimum.width || size.height < columnsMinimum.height {
            let (tabs, rest) = body.splitTop(1)
            return FrameLayout(arrangement: .single, panes: [(focus, rest)], rules: [], tabs: tabs, status: status)
        }
        var panes: [(Pane, Rect)] = []
        var rules: [Rect] = []
        var remaining = body
        let threeColumns = size.width >= threeColumnsWidth && articleCount > 1
        if threeColumns {
            // Focused, the library is wider: its lists across the library show a headline and
            // a quotation or a snippet per entry.
            let libraryWidth = focus == .library ? min(60, max(36, size.width * 3 / 10)) : min(40, max(28, size.width / 5))
            let (library, rest) = remaining.splitLeft(libraryWidth)
            panes.append((.library, library))
            let (rule, after) = rest.splitLeft(1)
            rules.append(rule)
            remaining = after
        }
        let sideWidth = min(56, max(36, size.width * 34 / 100))
        let (article, rest) = remaining.splitLeft(remaining.width - sideWidth - 1)
        let (rule, side) = rest.splitLeft(1)
        rules.append(rule)
        panes.append((.article, article))
        let lower: Pane = threeColumns ? .timeline : (secondary == .library ? .library : .timeline)
        // The focused pane of the right column gets two thirds of it.
        let quotesHeight: Int
        switch focus {
        case .quotes: quotesHeight = side.height * 2 / 3
        case lower: quotesHeight = side.height / 3
        default: quotesHeight = (side.height + 1) / 2
        }
        let (quotes, bottom) = side.splitTop(quotesHeight)
        panes.append((.quotes, quotes))
        panes.append((lower, bottom))
        return FrameLayout(arrangement: .columns, panes: panes, rules: rules, tabs: nil, status: status)
    }
}
