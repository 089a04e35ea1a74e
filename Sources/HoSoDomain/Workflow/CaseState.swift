/// Where a file stands in the procedure (PROCEDURE.md, "States").
public enum CaseState: String, Codable, Sendable, CaseIterable, CustomStringConvertible {
    // Stage 1: source list
    case nominated, sympathizer
    // Stage 2: training class
    case inClass, certified
    // Stage 3: background verification
    case dossier, verifying, verified
    // Stage 4: admission
    case introduced, cellApproved, committeeApproved, decided
    // Stage 5: probation
    case probation, probationReview, official
    // Side states
    case removed, paused, expired, transferred, notAdmitted, decisionRevoked, struckOff, withdrawn

    /// The Vietnamese name a clerk reads.
    public var vietnamese: String {
        switch self {
        case .nominated: "Quần chúng ưu tú được giới thiệu"
        case .sympathizer: "Cảm tình đảng"
        case .inClass: "Đang học lớp bồi dưỡng"
        case .certified: "Có giấy chứng nhận"
        case .dossier: "Làm đơn, lý lịch"
        case .verifying: "Đang thẩm tra lý lịch"
        case .verified: "Lý lịch đã kết luận"
        case .introduced: "Đã có giới thiệu, ý kiến"
        case .cellApproved: "Chi bộ đã xét"
        case .committeeApproved: "Đảng ủy đã xét"
        case .decided: "Có quyết định kết nạp"
        case .probation: "Đảng viên dự bị"
        case .probationReview: "Chờ xét công nhận chính thức"
        case .official: "Đảng viên chính thức"
        case .removed: "Đưa ra khỏi danh sách"
        case .paused: "Tạm dừng"
        case .expired: "Giấy tờ hết hạn"
        case .transferred: "Đã chuyển đi"
        case .notAdmitted: "Không kết nạp"
        case .decisionRevoked: "Hủy quyết định kết nạp"
        case .struckOff: "Xóa tên đảng viên dự bị"
        case .withdrawn: "Rút hồ sơ"
        }
    }

    /// A short label for narrow columns.
    public var shortVietnamese: String {
        switch self {
        case .nominated: "Được giới thiệu"
        case .sympathizer: "Cảm tình đảng"
        case .inClass: "Học lớp"
        case .certified: "Có chứng nhận"
        case .dossier: "Đơn, lý lịch"
        case .verifying: "Thẩm tra"
        case .verified: "Đã kết luận LL"
        case .introduced: "Đủ giới thiệu"
        case .cellApproved: "Chi bộ đã xét"
        case .committeeApproved: "Đảng ủy đã xét"
        case .decided: "Có QĐ kết nạp"
        case .probation: "Dự bị"
        case .probationReview: "Chờ công nhận"
        case .official: "Chính thức"
        case .removed: "Ra khỏi DS"
        case .paused: "Tạm dừng"
        case .expired: "Hết hạn"
        case .transferred: "Chuyển đi"
        case .notAdmitted: "Không kết nạp"
        case .decisionRevoked: "Hủy QĐ"
        case .struckOff: "Xóa tên"
        case .withdrawn: "Rút hồ sơ"
        }
    }

    public var description: String { rawValue }

    public var stage: Stage? {
        switch self {
        case .nominated, .sympathizer: .sourceList
        case .inClass, .certified: .training
        case .dossier, .verifying, .verified: .verification
        case .introduced, .cellApproved, .committeeApproved, .decided: .admission
        case .probation, .probationReview: .probation
        case .official, .removed, .paused, .expired, .transferred, .notAdmitted, .decisionRevoked, .struckOff,
            .withdrawn:
            nil
        }
    }

    public var isMainPath: Bool { Self.mainPath.contains(self) }

    /// No event leaves these states.
    public var isTerminal: Bool { Workflow.transitions.allSatisfy { !$0.from.contains(self) } }

    /// The main path in order, nomination to recognition.
    public static let mainPath: [CaseState] = [
        .nominated, .sympathizer, .inClass, .certified, .dossier, .verifying, .verified, .introduced,
        .cellApproved, .committeeApproved, .decided, .probation, .probationReview, .official,
    ]

    /// Before the admission decision: the candidate is not yet a member.
    public var isCandidate: Bool {
        guard let index = Self.mainPath.firstIndex(of: self) else { return false }
        return index < Self.mainPath.firstIndex(of: .decided)!
    }
}

/// The columns of the pipeline board: the four stages of the mission, plus probation.
public enum Stage: String, Codable, Sendable, CaseIterable {
    case sourceList, training, verification, admission, probation

    public var vietnamese: String {
        switch self {
        case .sourceList: "Nguồn"
        case .training: "Bồi dưỡng"
        case .verification: "Thẩm tra lý lịch"
        case .admission: "Kết nạp"
        case .probation: "Dự bị"
        }
    }

    public var states: [CaseState] { CaseState.allCases.filter { $0.stage == self } }
}
