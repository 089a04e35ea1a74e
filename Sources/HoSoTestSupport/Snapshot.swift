import Foundation
import HoSoTUI
import Testing

/// Compares rendered screens with expected text and explains the difference line by line.
public enum Snapshot {
    /// The lines that differ between `actual` and `expected` (both NFC-normalised), or `nil` when equal.
    public static func difference(_ actual: String, _ expected: String) -> String? {
        let actualLines = actual.precomposedStringWithCanonicalMapping.components(separatedBy: "\n")
        let expectedLines = expected.precomposedStringWithCanonicalMapping.components(separatedBy: "\n")
        guard actualLines != expectedLines else { return nil }
        var report: [String] = ["Snapshot differs (− expected, + actual):"]
        for index in 0..<max(actualLines.count, expectedLines.count) {
            let want = index < expectedLines.count ? expectedLines[index] : nil
            let got = index < actualLines.count ? actualLines[index] : nil
            let number = String(index + 1).leftPadded(to: 3)
            if want == got {
                report.append("\(number)   \(got ?? "")")
            } else {
                if let want { report.append("\(number) − |\(want)|") }
                if let got { report.append("\(number) + |\(got)|") }
            }
        }
        report.append("Actual, to paste into the test:\n" + actual)
        return report.joined(separator: "\n")
    }
}

/// Records a test issue unless `buffer.text` equals `expected` (trailing spaces of each row ignored).
public func assertSnapshot(_ buffer: CellBuffer, _ expected: String,
                           sourceLocation: SourceLocation = #_sourceLocation) {
    assertText(buffer.text, expected, sourceLocation: sourceLocation)
}

/// Renders `state` at `size` and compares it with `expected`; with `HOSO_RECORD_DIR` set, the screen is also
/// written there as `name.txt`, for `scripts/record-snapshots.py` to paste into the test.
public func assertScreen(_ state: AppState, size: Size, _ name: String, _ expected: String,
                         sourceLocation: SourceLocation = #_sourceLocation) {
    let buffer = AppView.render(state, width: size.width, height: size.height)
    if let directory = ProcessInfo.processInfo.environment["HOSO_RECORD_DIR"] {
        try? buffer.text.write(toFile: "\(directory)/\(name).txt", atomically: true, encoding: .utf8)
    }
    assertSnapshot(buffer, expected, sourceLocation: sourceLocation)
}

/// Records a test issue unless `buffer.styleMask` equals `expected`.
public func assertStyleMask(_ buffer: CellBuffer, _ expected: String,
                            sourceLocation: SourceLocation = #_sourceLocation) {
    assertText(buffer.styleMask, expected, sourceLocation: sourceLocation)
}

/// Records a test issue with a line diff unless the texts are equal after NFC normalisation.
public func assertText(_ actual: String, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
    if let difference = Snapshot.difference(actual, expected) {
        Issue.record(Comment(rawValue: difference), sourceLocation: sourceLocation)
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: " ", count: max(0, width - count)) + self
    }
}
