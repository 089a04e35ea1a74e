import Foundation
import HoSoDomain
import Testing

@Suite("docs/workflow.md is generated from the engine")
struct WorkflowDocumentTests {
    @Test("The committed document equals what the engine generates")
    func documentMatchesEngine() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/workflow.md")
        let generated = WorkflowDocument.markdown()
        if ProcessInfo.processInfo.environment["HOSO_RECORD_DOCS"] == "1" {
            try Data(generated.utf8).write(to: path)
        }
        let committed = (try? String(contentsOf: path, encoding: .utf8)) ?? ""
        #expect(committed == generated, "docs/workflow.md is stale: run HOSO_RECORD_DOCS=1 swift test --filter WorkflowDocument")
        #expect(generated.contains("`cell-vote`"))
        #expect(generated.contains("Đủ 18 tuổi tại ngày chi bộ xét"))
    }
}
