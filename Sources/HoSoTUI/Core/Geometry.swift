/// A cell position: row from the top, column from the left, both from zero.
public struct Position: Hashable, Sendable {
    public var row: Int
    public var col: Int
    /// The cell at `row`, `col`.
    public init(row: Int, col: Int) {
        self.row = row
        self.col = col
    }
}

/// A terminal size in cells.
public struct Size: Hashable, Sendable {
    public var width: Int
    public var height: Int
    /// A size of `width` columns by `height` rows.
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
}

/// A rectangle of cells; empty when width or height is zero.
public struct Rect: Hashable, Sendable {
    public var row: Int
    public var col: Int
    public var width: Int
    public var height: Int

    /// The rectangle whose top-left cell is (`row`, `col`); negative sizes become zero.
    public init(row: Int, col: Int, width: Int, height: Int) {
        self.row = row
        self.col = col
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// The rectangle covering a whole screen of `size`.
    public init(size: Size) {
        self.init(row: 0, col: 0, width: size.width, height: size.height)
    }

    /// One past the last row.
    public var bottom: Int { row + height }
    /// One past the last column.
    public var right: Int { col + width }
    /// Whether the rectangle covers no cell.
    public var isEmpty: Bool { width == 0 || height == 0 }

    /// Whether the cell lies inside.
    public func contains(_ position: Position) -> Bool {
        position.row >= row && position.row < bottom && position.col >= col && position.col < right
    }

    /// The rectangle shrunk by the given margins on each side.
    public func inset(top: Int = 0, left: Int = 0, bottom: Int = 0, right: Int = 0) -> Rect {
        Rect(row: row + top, col: col + left, width: width - left - right, height: height - top - bottom)
    }

    /// The rectangle shrunk by `amount` on every side (the inside of a box when 1).
    public func inset(by amount: Int) -> Rect {
        inset(top: amount, left: amount, bottom: amount, right: amount)
    }

    /// The common part of two rectangles.
    public func intersection(_ other: Rect) -> Rect {
        let top = max(row, other.row), left = max(col, other.col)
        return Rect(row: top, col: left, width: min(right, other.right) - left,
                    height: min(bottom, other.bottom) - top)
    }

    /// A `width` × `height` rectangle centred inside this one (clamped to fit).
    public func centered(width: Int, height: Int) -> Rect {
        let w = min(width, self.width), h = min(height, self.height)
        return Rect(row: row + (self.height - h) / 2, col: col + (self.width - w) / 2, width: w, height: h)
    }

    /// Horizontal bands, top to bottom, sized by `lengths`.
    public func splitRows(_ lengths: [Length]) -> [Rect] {
        let sizes = Length.resolve(lengths, total: height)
        var top = row
        return sizes.map { size in
            defer { top += size }
            return Rect(row: top, col: col, width: width, height: size)
        }
    }

    /// Vertical bands, left to right, sized by `lengths`; `gap` columns are left between bands.
    public func splitColumns(_ lengths: [Length], gap: Int = 0) -> [Rect] {
        let gaps = max(0, lengths.count - 1) * gap
        let sizes = Length.resolve(lengths, total: width - gaps)
        var left = col
        return sizes.map { size in
            defer { left += size + gap }
            return Rect(row: row, col: left, width: size, height: height)
        }
    }
}

/// How much of a split a band takes.
public enum Length: Hashable, Sendable {
    /// Exactly this many cells (fewer when the space runs out).
    case fixed(Int)
    /// A share of what the fixed bands leave, proportional to the weight.
    case flex(Int)

    /// Cell counts for each length that add up to at most `total`.
    public static func resolve(_ lengths: [Length], total: Int) -> [Int] {
        var remaining = max(0, total)
        var sizes = [Int](repeating: 0, count: lengths.count)
        for (index, length) in lengths.enumerated() {
            if case .fixed(let n) = length {
                sizes[index] = min(max(0, n), remaining)
                remaining -= sizes[index]
            }
        }
        let weights = lengths.map { length -> Int in
            if case .flex(let w) = length { return max(0, w) }
            return 0
        }
        let totalWeight = weights.reduce(0, +)
        guard totalWeight > 0 else { return sizes }
        var handed = 0
        var lastFlex = -1
        for (index, weight) in weights.enumerated() where weight > 0 {
            sizes[index] = remaining * weight / totalWeight
            handed += sizes[index]
            lastFlex = index
        }
        // Integer division leaves a few cells over; the last flexible band absorbs them.
        sizes[lastFlex] += remaining - handed
        return sizes
    }
}
