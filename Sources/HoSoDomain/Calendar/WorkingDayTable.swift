/// Which days of a span of years are working days, with running counts, so that the questions asked
/// for every case (is this a working day, how many lie between two dates) cost one array lookup.
struct WorkingDayTable: Sendable {
    /// Julian Day Number of the first day covered.
    let firstDay: Int
    /// `isWorking[i]` tells about day `firstDay + i`.
    let isWorking: [Bool]
    /// `workingBefore[i]` counts the working days among the first `i` days; one longer than `isWorking`.
    let workingBefore: [Int32]

    init(firstDay: Int, isWorking: [Bool]) {
        self.firstDay = firstDay
        self.isWorking = isWorking
        var counts: [Int32] = []
        counts.reserveCapacity(isWorking.count + 1)
        var running: Int32 = 0
        counts.append(running)
        for working in isWorking {
            if working { running += 1 }
            counts.append(running)
        }
        workingBefore = counts
    }

    /// One past the last day covered.
    var endDay: Int { firstDay + isWorking.count }

    func covers(_ day: Int) -> Bool { day >= firstDay && day < endDay }

    /// `nil` outside the table.
    func isWorkingDay(_ day: Int) -> Bool? {
        covers(day) ? isWorking[day - firstDay] : nil
    }

    /// Working days in `first...last`, or `nil` when the span leaves the table.
    func workingDays(from first: Int, through last: Int) -> Int? {
        guard covers(first), covers(last), first <= last else { return nil }
        return Int(workingBefore[last - firstDay + 1] - workingBefore[first - firstDay])
    }
}
