/// Which date of a file may not precede which, stated once: the engine refuses a change that would break
/// one of these rules (through `CaseInvariants`) and `hoso check` reports a stored file that breaks one.
///
/// Three kinds of rule:
/// - nothing is recorded after today (`futureRefusal`, the engine only: a stored file has no "today");
/// - what an entry records happened on or before the entry's own day: a certificate, an application, a
///   letter, a returned verification… is not dated after the step or edit that recorded it (`factsAfterEntry`);
/// - the pairs of `rules`: date X must not precede date Y (a result returned before it was sent…).
///
/// The history itself is in date order (`CaseInvariants`), so a note written after its mentor's assignment
/// cannot be dated before it; a note of the clerk's before any mentor is assigned is allowed.
public enum DateOrder {
    /// "`later` must not precede `earlier`", with the pairs of dates of a file it concerns.
    public struct Rule: Sendable {
        /// The date that comes on or after the other, in words ("ngày nhận kết quả thẩm tra").
        public let later: String
        /// The date it must not precede ("ngày gửi thẩm tra").
        public let earlier: String
        /// Each pair of such dates in a file: (later, earlier, what the pair is about, or "").
        let pairs: @Sendable (CaseFile) -> [(later: CivilDate, earlier: CivilDate, about: String)]

        /// The refusal for one pair that breaks the rule, naming both dates.
        func sentence(later laterDate: CivilDate, earlier earlierDate: CivilDate, about: String) -> String {
            let subject = about.isEmpty ? "" : " (\(about))"
            return "\(later.capitalizedFirst)\(subject) \(laterDate) trước \(earlier) \(earlierDate): "
                + "\(later) không được trước \(earlier); hãy kiểm tra lại hai ngày này."
        }
    }

    /// The table: every pair of dates of a file whose order is a rule.
    public static let rules: [Rule] = [
        Rule(later: "ngày nhận kết quả thẩm tra", earlier: "ngày gửi thẩm tra") { file in
            file.verificationItems.compactMap { item in
                guard let sent = item.sent, let returned = item.returned else { return nil }
                return (returned, sent, item.fullName)
            }
        },
        Rule(later: "ngày nhận quyết định", earlier: "ngày quyết định") { file in
            [file.decision, file.recognitionDecision].compactMap { decision in
                guard let decision, let received = decision.received else { return nil }
                return (received, decision.date, "số \(decision.number)")
            }
        },
        Rule(later: "ngày cấp giấy chứng nhận bồi dưỡng", earlier: "ngày vào lớp") { file in
            guard let certificate = file.certificate, let enrolment = file.enrolment else { return [] }
            return [(certificate.issued, enrolment.enrolled, "")]
        },
        Rule(later: "ngày thư giới thiệu", earlier: "ngày bắt đầu cùng công tác") { file in
            file.introducers.map { ($0.letterDate, $0.knownSince, "") }
        },
        Rule(later: "ngày thôi giúp đỡ", earlier: "ngày phân công người giúp đỡ") { file in
            file.mentors.compactMap { mentor in mentor.until.map { ($0, mentor.since, "") } }
        },
        Rule(later: "hạn nhiệm vụ", earlier: "ngày giao nhiệm vụ") { file in
            file.tasks.compactMap { task in task.due.map { ($0, task.given, task.text) } }
        },
        Rule(later: "ngày hoàn thành nhiệm vụ", earlier: "ngày giao nhiệm vụ") { file in
            file.tasks.compactMap { task in task.done.map { ($0, task.given, task.text) } }
        },
        Rule(later: "ngày lễ kết nạp", earlier: "ngày quyết định kết nạp") { file in
            guard let ceremony = file.ceremony, let decision = file.decision else { return [] }
            return [(ceremony, decision.date, "")]
        },
    ]

    /// Every pair of dates of `file` that breaks a rule of the table, as sentences (without the file's name).
    public static func breaches(in file: CaseFile) -> [String] {
        rules.flatMap { rule in
            rule.pairs(file).filter { $0.later < $0.earlier }
                .map { rule.sentence(later: $0.later, earlier: $0.earlier, about: $0.about) }
        }
    }

    /// The dates an entry records about what happened (not its plans: a task's due date; nor what comes
    /// after the entry by nature: a decision is received after the day it is signed, recorded with it).
    static func facts(of file: CaseFile) -> [(label: String, date: CivilDate)] {
        var facts: [(label: String, date: CivilDate)] = []
        file.forEachRecordedDate(factsOnly: true) { facts.append(($0, $1)) }
        return facts
    }

    /// The facts of `file` dated after the day of its last entry (the change being made, or for a stored
    /// file the last one recorded). With `previous`, only those that were not already so in `previous`: a
    /// change must not bring one, whether it records a fact after its own day or is dated before a fact
    /// already on file (an edit dated before the nomination).
    static func factsAfterEntry(in file: CaseFile, since previous: CaseFile? = nil) -> [String] {
        newLateFacts(lateFacts(in: file), since: previous.map(lateFacts(in:)))
    }

    /// The sentences of `late` (a file's `lateFacts`) that were not already late in `previous`'s.
    static func newLateFacts(_ late: [LateFact], since previous: [LateFact]?) -> [String] {
        let already = Set(previous?.map(\.key) ?? [])
        return late.filter { !already.contains($0.key) }.map(\.sentence)
    }

    typealias LateFact = (key: String, sentence: String)

    /// The facts of `file` dated after the day of its last entry, each with a key that names it without
    /// the entry (so the same fact is told in two versions of a file).
    static func lateFacts(in file: CaseFile) -> [LateFact] {
        guard let entry = file.history.last else { return [] }
        // Only the late ones gathered: a file with a long history has thousands of facts, almost none late.
        var late: [(label: String, date: CivilDate)] = []
        file.forEachRecordedDate(factsOnly: true) { label, date in
            if date > entry.date, date.isRecordable { late.append((label, date)) }
        }
        return late.map { fact in
            (
                "\(fact.label)|\(fact.date.iso)",
                "\(fact.label.capitalizedFirst) \(fact.date) sau ngày ghi vào hồ sơ \(entry.date) "
                    + "(\"\(entry.summary)\"): không ghi trước việc chưa xảy ra; hãy kiểm tra lại ngày, "
                    + "hoặc ghi vào ngày \(fact.date) trở về sau."
            )
        }
    }

    /// The refusal of a step, an edit or a new file dated `date` after `today` (nil: no check).
    public static func futureRefusal(_ date: CivilDate, today: CivilDate?) -> String? {
        guard let today, date > today else { return nil }
        return "Ngày \(date) sau ngày hôm nay (\(today)): không ghi trước việc chưa xảy ra. "
            + "Hãy nhập ngày việc đã diễn ra (từ \(today) trở về trước)."
    }
}

extension String {
    /// The sentence with its first letter in upper case ("ngày gửi" → "Ngày gửi").
    var capitalizedFirst: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}
