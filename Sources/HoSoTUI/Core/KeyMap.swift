import Foundation

/// One command of a screen: the keys that trigger it, its Vietnamese description and its action.
public struct KeyBinding<Action: Hashable & Sendable>: Hashable, Sendable {
    public var keys: [Key]
    /// How the keys are shown; defaults to the key names joined by "/".
    public var label: String
    public var description: String
    public var action: Action
    /// Whether the footer should show it (the help overlay shows every binding).
    public var inFooter: Bool

    /// A binding of `keys` to `action`.
    public init(_ keys: [Key], _ description: String, action: Action, label: String? = nil, inFooter: Bool = true) {
        self.keys = keys
        self.label = label ?? keys.map(\.displayName).joined(separator: "/")
        self.description = description
        self.action = action
        self.inFooter = inFooter
    }

    /// Whether every key of this binding is a letter or digit, which a Telex or VNI input method
    /// may swallow as a tone mark.
    public var needsNonLetterAlternative: Bool {
        !keys.isEmpty && keys.allSatisfy(\.isTypable)
    }
}

/// The key table of one screen, the single source for dispatch, the footer hints and the help.
public struct KeyMap<Action: Hashable & Sendable>: Hashable, Sendable {
    public var bindings: [KeyBinding<Action>]

    /// A table of bindings, earlier ones winning when a key appears twice.
    public init(_ bindings: [KeyBinding<Action>]) {
        self.bindings = bindings
    }

    /// The action bound to `key`, if any.
    public func action(for key: Key) -> Action? {
        bindings.first { $0.keys.contains(key) }?.action
    }

    /// Bindings reachable only through letters or digits (to be fixed: add an arrow, F-key or Ctrl key).
    public var bindingsWithoutNonLetterKey: [KeyBinding<Action>] {
        bindings.filter(\.needsNonLetterAlternative)
    }

    /// Up to `limit` footer hints, followed by the "? thêm" hint when more bindings exist.
    public func footerHints(limit: Int = 7) -> [KeyHint] {
        let candidates = bindings.filter(\.inFooter)
        var hints = candidates.prefix(limit).map { KeyHint(key: $0.label, description: $0.description) }
        if candidates.count > limit || bindings.count > hints.count {
            hints.append(KeyHint(key: "?", description: "thêm"))
        }
        return hints
    }

    /// Every binding, as help lines, whose key or description contains `filter` (ignoring case
    /// and Vietnamese diacritics, so "bo thay doi" finds "Bỏ thay đổi").
    public func helpEntries(matching filter: String = "") -> [KeyHint] {
        let needle = SearchFolding.fold(filter.trimmingCharacters(in: .whitespaces))
        return bindings
            .map { KeyHint(key: $0.label, description: $0.description) }
            .filter { needle.isEmpty || SearchFolding.fold($0.key + " " + $0.description).contains(needle) }
    }
}

/// A key and what it does, as drawn in the footer or the help overlay.
public struct KeyHint: Hashable, Sendable {
    public var key: String
    public var description: String
    /// A hint saying `key` does `description`.
    public init(key: String, description: String) {
        self.key = key
        self.description = description
    }
}

/// Case- and diacritic-insensitive matching for filters typed with or without an input method.
enum SearchFolding {
    static func fold(_ text: String) -> String {
        text.replacingOccurrences(of: "đ", with: "d").replacingOccurrences(of: "Đ", with: "d")
            .folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}
