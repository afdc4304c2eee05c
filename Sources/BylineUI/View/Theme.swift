/// How many colours the terminal (or the user) allows.
public enum ColorMode: String, Sendable, CaseIterable {
    /// No colour: bold, underline, reverse and dim only (NO_COLOR, `--no-color`, or a terminal without colours).
    case monochrome = "none"
    /// The eight ANSI colours.
    case basic = "8"
    /// The 256-colour palette.
    case extended = "256"
}

/// The style table: every style the reader draws with, for one colour mode (like ncdu's).
/// Widgets ask the theme by meaning (a speaker's mention, the selected quotation, a pane
/// title); only the theme knows colours.
public struct Theme: Equatable, Sendable {
    public var mode: ColorMode
    /// Palette colours for speakers, one per slot.
    public var speakerColors: [UInt8]
    public var accent: UInt8
    public var matchBackground: UInt8

    public static let extendedSpeakerColors: [UInt8] = [39, 208, 78, 170, 178, 44, 203, 141, 112, 215, 75, 169]
    public static let basicSpeakerColors: [UInt8] = [4, 1, 2, 5, 3, 6]

    public init(mode: ColorMode, speakerColors: [UInt8]? = nil, accent: UInt8? = nil, matchBackground: UInt8? = nil) {
        self.mode = mode
        switch mode {
        case .extended:
            self.speakerColors = speakerColors ?? Theme.extendedSpeakerColors
            self.accent = accent ?? 75
            self.matchBackground = matchBackground ?? 220
        case .basic:
            self.speakerColors = (speakerColors ?? Theme.basicSpeakerColors).map { $0 % 8 }
            self.accent = (accent ?? 6) % 8
            self.matchBackground = (matchBackground ?? 3) % 8
        case .monochrome:
            self.speakerColors = []
            self.accent = 0
            self.matchBackground = 0
        }
    }

    /// Slots the speaker colours can take (1 in monochrome: everyone looks alike there).
    public var paletteSize: Int { max(1, speakerColors.count) }

    private var hasColor: Bool { mode != .monochrome }

    private func color(_ index: UInt8) -> Color { hasColor ? .indexed(index) : .default }

    private func speakerColor(_ slot: Int?) -> Color {
        guard hasColor, let slot, !speakerColors.isEmpty else { return .default }
        return .indexed(speakerColors[slot % speakerColors.count])
    }

    // MARK: Article text

    public var text: Style { .plain }
    public var headline: Style { Style(foreground: color(accent), attributes: .bold) }
    public var meta: Style { Style(attributes: .dim) }

    /// A speaker's name, or the pronoun that stands for them.
    public func mention(slot: Int?) -> Style {
        Style(foreground: speakerColor(slot), attributes: hasColor ? .bold : [.bold])
    }

    /// A quotation's words. In monochrome, underlined.
    public func quote(slot: Int?) -> Style {
        if !hasColor { return Style(attributes: .underline) }
        return Style(foreground: speakerColor(slot), attributes: slot == nil ? .italic : [])
    }

    /// The selected quotation: reversed, so it stands out in every mode.
    public func selectedQuote(slot: Int?) -> Style {
        Style(foreground: speakerColor(slot), attributes: [.reverse, .bold])
    }

    /// Quotations and mentions outside the speaker filter.
    public var dimmed: Style { Style(attributes: .dim) }

    public var match: Style {
        hasColor ? Style(foreground: .indexed(0), background: .indexed(matchBackground)) : Style(attributes: [.reverse])
    }

    public var currentMatch: Style {
        hasColor
            ? Style(foreground: .indexed(0), background: .indexed(matchBackground), attributes: [.bold, .underline])
            : Style(attributes: [.reverse, .underline, .bold])
    }

    /// The time expression of the selected timeline entry.
    public var selectedTime: Style { Style(foreground: color(accent), attributes: [.underline, .bold]) }

    // MARK: Chrome

    public func title(focused: Bool) -> Style {
        focused ? Style(foreground: color(accent), attributes: [.bold, .reverse]) : Style(attributes: .bold)
    }

    public var rule: Style { Style(attributes: .dim) }
    public var status: Style { Style(attributes: .reverse) }
    public var statusEmphasis: Style { Style(attributes: [.reverse, .bold]) }
    public var message: Style { Style(foreground: color(hasColor ? 3 : 0), attributes: .bold) }
    public var warning: Style { Style(foreground: color(hasColor ? 1 : 0), attributes: .bold) }

    /// The entry under the cursor of a list: reversed when its pane has the focus.
    public func selectedRow(focused: Bool) -> Style {
        focused ? Style(attributes: .reverse) : Style(attributes: .bold)
    }

    public var secondaryText: Style { Style(attributes: .dim) }
    /// The mark of an unread article in the library: bold, so it shows without colours too.
    public var unread: Style { Style(foreground: color(accent), attributes: .bold) }
    public var emphasis: Style { Style(attributes: .bold) }
    public var accentText: Style { Style(foreground: color(accent)) }
    public var key: Style { Style(foreground: color(accent), attributes: .bold) }
}
