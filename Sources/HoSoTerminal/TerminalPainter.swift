import CNcursesw
import Foundation
import HoSoTUI

/// Paints CellBuffers through curses, sending only the cells that changed since the last frame,
/// so nothing flickers. Every wide character is placed at the column computed in Swift, so rows
/// stay aligned even where the C library's `wcwidth` would disagree.
@MainActor
struct TerminalPainter {
    private var previous: CellBuffer?
    private var cursorVisible: Bool?

    /// Forgets the last frame so the next one is painted in full (after a resize or Ctrl-L).
    mutating func invalidate() {
        previous = nil
    }

    /// Paints `frame` and refreshes the screen once.
    mutating func paint(_ frame: CellBuffer, palette: TerminalPalette) {
        let screen = nc_stdscr()
        let old: CellBuffer? = previous.flatMap { $0.size == frame.size ? $0 : nil }
        if old == nil { werase(screen) }
        for row in 0..<frame.height {
            var col = 0
            while col < frame.width {
                let cell = frame[row, col]
                guard old.map({ $0[row, col] != cell }) ?? true, !cell.isContinuation else {
                    col += 1
                    continue
                }
                // A run: consecutive changed single-width cells of one style, drawn in one call.
                var text = cell.grapheme
                var end = col + max(1, cell.width)
                if cell.width == 1 {
                    while end < frame.width {
                        let next = frame[row, end]
                        guard next.width == 1, next.style == cell.style,
                              old.map({ $0[row, end] != next }) ?? true else { break }
                        text += next.grapheme
                        end += 1
                    }
                }
                let (attributes, pair) = palette.attributes(for: cell.style)
                nc_attr_set(screen, attributes, pair)
                var wide = Self.terminalText(text).unicodeScalars.map { wchar_t(bitPattern: $0.value) }
                wide.append(0)
                mvwaddwstr(screen, Int32(row), Int32(col), wide)
                col = end
            }
        }
        nc_attr_set(screen, nc_a_normal(), 0)
        let wantsCursor = frame.cursor != nil
        if cursorVisible != wantsCursor {
            curs_set(wantsCursor ? 1 : 0)
            cursorVisible = wantsCursor
        }
        if let cursor = frame.cursor { wmove(screen, Int32(cursor.row), Int32(cursor.col)) }
        wrefresh(screen)
        previous = frame
    }

    /// Precomposed text: terminals render "ễ" better than "e" plus two combining marks.
    private static func terminalText(_ text: String) -> String {
        text.utf8.allSatisfy { $0 < 0x80 } ? text : text.precomposedStringWithCanonicalMapping
    }
}
