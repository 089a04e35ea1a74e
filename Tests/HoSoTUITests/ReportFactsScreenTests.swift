import Foundation
import HoSoDomain
@testable import HoSoTUI
import HoSoTestSupport
import Testing

/// A viewer on a server reads no file: the reports screen counts the facts the server gave instead.
@Suite struct ReportFactsScreenTests {
    @Test("Each report from the files' facts alone is the report from the files (the pipeline as counts)")
    func factsWithoutFilesGiveTheSameReports() {
        let withFiles = AppState(data: AppFixtures.demoData(caseCount: 120))
        var factsOnly = withFiles.data
        factsOnly.reportFacts = withFiles.data.cases.map(ReportFacts.init)
        factsOnly.cases = []
        let viewer = AppState(data: factsOnly)
        #expect(viewer.data.cases.isEmpty && factsOnly.reportFacts?.count == 120)
        for kind in ReportKind.allCases {
            var reports = ReportsState(year: 2026)
            reports.kind = kind
            if kind == .pipeline {
                let counts = PipelineReport.make(
                    scope: ReportsView.scope(withFiles, reports), rulebook: withFiles.data.rulebook, calendar: withFiles.data.calendar).countsOnly
                let factCounts = PipelineReport.make(
                    scope: ReportsView.scope(viewer, reports), rulebook: viewer.data.rulebook, calendar: viewer.data.calendar).countsOnly
                #expect(ReportTextRenderer.render(factCounts) == ReportTextRenderer.render(counts))
            } else {
                let fromFiles = ReportsView.document(withFiles, reports)
                let fromFacts = ReportsView.document(viewer, reports)
                #expect(ReportTextRenderer.render(fromFacts) == ReportTextRenderer.render(fromFiles), "\(kind)")
            }
        }
    }
}
