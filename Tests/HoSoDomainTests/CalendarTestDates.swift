@testable import HoSoDomain

/// A date for tests, written `"2025-01-29"`; a typo in a test's table fails that test, not the run.
func day(_ iso: String) -> CivilDate {
    CivilDate(parsing: iso) ?? CivilDate(julianDay: 0)
}
