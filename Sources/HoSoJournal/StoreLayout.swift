/// Where each file of a store lives inside its data directory.
package struct StoreLayout: Sendable {
    package let directory: String

    package init(directory: String) { self.directory = directory }

    package var snapshot: String { directory + "/snapshot.json" }
    package var journalDirectory: String { directory + "/journal" }
    var backupsDirectory: String { directory + "/backups" }
    var lock: String { directory + "/" + StoreLock.fileName }

    func segment(_ number: Int) -> String {
        journalDirectory + "/" + Self.segmentName(number)
    }

    static func segmentName(_ number: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, 6 - digits.count)) + digits + ".jsonl"
    }

    /// The number of a segment file name, or nil for any other name.
    static func segmentNumber(_ name: String) -> Int? {
        guard name.hasSuffix(".jsonl"), !name.hasPrefix(".") else { return nil }
        return Int(name.dropLast(6))
    }
}
