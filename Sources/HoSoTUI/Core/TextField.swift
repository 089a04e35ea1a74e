import Foundation

/// An editable single line. It edits grapheme clusters, so a Vietnamese letter is one character
/// whether it was typed precomposed ("ễ") or as a base plus combining marks ("e" + ̂ + ̃).
public struct TextField: Hashable, Sendable {
    /// The text as grapheme clusters.
    public private(set) var characters: [Character]
    /// The cursor, as a grapheme index from 0 to `characters.count`.
    public private(set) var cursor: Int
    /// The longest text allowed, in characters, or `nil` for no limit.
    public var maxLength: Int?
    /// Columns the field is drawn in; edits scroll the text so the cursor stays in view.
    public var visibleWidth: Int {
        didSet { scrollToCursor() }
    }
    /// The first character shown when the text is wider than the field.
    public private(set) var scroll = 0

    /// A field holding `text`, with the cursor at its end.
    public init(_ text: String = "", maxLength: Int? = nil, visibleWidth: Int = 20) {
        self.characters = Array(Self.clean(text))
        self.maxLength = maxLength
        self.visibleWidth = max(1, visibleWidth)
        if let maxLength, characters.count > maxLength { characters = Array(characters.prefix(maxLength)) }
        self.cursor = characters.count
        scrollToCursor()
    }

    /// The text, NFC-normalised so that what is stored and compared never depends on the input method.
    public var value: String { String(characters).precomposedStringWithCanonicalMapping }

    /// Whether the field holds only blanks.
    public var isBlank: Bool { characters.allSatisfy(\.isWhitespace) }

    /// Replaces the whole text and puts the cursor at the end.
    public mutating func setValue(_ text: String) {
        self = TextField(text, maxLength: maxLength, visibleWidth: visibleWidth)
    }

    /// Applies an editing key; returns `false` for keys the field does not use (Tab, Enter, Esc…).
    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .char(let character): insert(String(character))
        case .left, .ctrl("b"): cursor = max(0, cursor - 1)
        case .right, .ctrl("f"): cursor = min(characters.count, cursor + 1)
        case .home, .ctrl("a"): cursor = 0
        case .end, .ctrl("e"): cursor = characters.count
        case .backspace, .ctrl("h"):
            guard cursor > 0 else { break }
            characters.remove(at: cursor - 1)
            cursor -= 1
        case .delete, .ctrl("d"):
            guard cursor < characters.count else { break }
            characters.remove(at: cursor)
        case .ctrl("k"): characters.removeSubrange(cursor...)
        case .ctrl("u"):
            characters.removeSubrange(..<cursor)
            cursor = 0
        case .ctrl("w"): deleteWordBeforeCursor()
        default: return false
        }
        scrollToCursor()
        return true
    }

    /// Inserts text at the cursor (typing or pasting). A combining mark that arrives on its own
    /// joins the character before the cursor, as the input method meant.
    public mutating func insert(_ text: String) {
        let addition = Self.clean(text)
        guard !addition.isEmpty else { return }
        let before = String(characters[..<cursor])
        let after = String(characters[cursor...])
        var combined = before + addition
        if let maxLength {
            let room = maxLength - characters.count
            let addedCharacters = combined.count - before.count
            if addedCharacters > room {
                guard room >= 0 else { return }
                combined = String(Array(combined).prefix(before.count + room))
            }
        }
        let newCursor = combined.count
        characters = Array(combined + after)
        cursor = min(newCursor, characters.count)
        scrollToCursor()
    }

    /// Puts the cursor before character `index` (clamped to the text), as moving between the lines of a
    /// text area does.
    public mutating func moveCursor(to index: Int) {
        cursor = max(0, min(index, characters.count))
        scrollToCursor()
    }

    private mutating func deleteWordBeforeCursor() {
        var start = cursor
        while start > 0, characters[start - 1].isWhitespace { start -= 1 }
        while start > 0, !characters[start - 1].isWhitespace { start -= 1 }
        characters.removeSubrange(start..<cursor)
        cursor = start
    }

    /// Keeps the cursor cell inside the visible columns, moving the view as little as possible.
    private mutating func scrollToCursor() {
        scroll = Self.firstVisible(characters: characters, cursor: cursor, scroll: scroll, width: visibleWidth)
    }

    static func firstVisible(characters: [Character], cursor: Int, scroll: Int, width: Int) -> Int {
        var first = min(max(0, scroll), cursor)
        // The cursor itself needs one column after the text before it.
        while first < cursor,
              characters[first..<cursor].reduce(0, { $0 + CellWidth.of($1) }) + 1 > max(1, width) {
            first += 1
        }
        return first
    }

    /// Draws the visible part of the text in `rect`'s first row; when focused, places the cursor.
    public func draw(in rect: Rect, into buffer: inout CellBuffer, focused: Bool) {
        guard !rect.isEmpty else { return }
        let style: Style = focused ? .focusedInput : .input
        let line = Rect(row: rect.row, col: rect.col, width: rect.width, height: 1)
        buffer.fill(line, style: style)
        // The field may be drawn wider than it was created: text that fits from the start shows from the start.
        let widthToCursor = characters[..<cursor].reduce(0) { $0 + CellWidth.of($1) } + 1
        let first = Self.firstVisible(characters: characters, cursor: cursor,
                                      scroll: widthToCursor <= rect.width ? 0 : scroll, width: rect.width)
        var col = rect.col
        var cursorCol = rect.col
        for index in first..<characters.count {
            if index == cursor { cursorCol = col }
            let width = CellWidth.of(characters[index])
            if col + width > rect.right { break }
            buffer.put(String(characters[index]), at: rect.row, col: col, style: style, maxColumns: rect.right - col)
            col += width
        }
        if cursor == characters.count { cursorCol = col }
        if focused { buffer.cursor = Position(row: rect.row, col: min(cursorCol, rect.right - 1)) }
    }

    /// Input as it may be stored: line breaks and tabs become spaces, other controls disappear.
    static func clean(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\r" || scalar == "\t" {
                scalars.append(" ")
            } else if !TextSanitizer.isUnsafe(scalar) {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }
}
