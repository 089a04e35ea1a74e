/// The two astronomical quantities a lunisolar calendar rests on: when each new moon happens and where
/// the sun stands on the ecliptic. Low-precision series (Meeus, "Astronomical Algorithms", and the
/// simplified solar longitude) are enough, because only the civil day of each event matters.
///
/// Angles are kept in degrees and reduced before the sine is taken, so large arguments (hundreds of
/// thousands of degrees after centuries of lunations) do not lose precision.
enum LunarAstronomy {
    /// Mean length of a lunation in days.
    static let synodicMonth = 29.530588853

    /// Julian day (with fraction) of the mean new moon numbered 0: 1900-01-01 about 13:51 UT.
    static let epochNewMoon = 2415021.076998695

    /// Julian day, in Universal Time, of the new moon `k` lunations after the one of January 1900.
    static func newMoon(_ k: Int) -> Double {
        let lunation = Double(k)
        let t = lunation / 1236.85
        let t2 = t * t
        let t3 = t2 * t
        var meanNewMoon = 2415020.75933 + 29.53058868 * lunation + 0.0001178 * t2 - 0.000000155 * t3
        meanNewMoon += 0.00033 * sine(166.56 + 132.87 * t - 0.009173 * t2)

        let sunAnomaly = 359.2242 + 29.10535608 * lunation - 0.0000333 * t2 - 0.00000347 * t3
        let moonAnomaly = 306.0253 + 385.81691806 * lunation + 0.0107306 * t2 + 0.00001236 * t3
        let moonLatitudeArgument = 21.2964 + 390.67050646 * lunation - 0.0016528 * t2 - 0.00000239 * t3
        let (m, mp, f) = (sunAnomaly, moonAnomaly, moonLatitudeArgument)

        var correction = (0.1734 - 0.000393 * t) * sine(m) + 0.0021 * sine(2 * m)
        correction += -0.4068 * sine(mp) + 0.0161 * sine(2 * mp) - 0.0004 * sine(3 * mp)
        correction += 0.0104 * sine(2 * f) - 0.0051 * sine(m + mp) - 0.0074 * sine(m - mp)
        correction += 0.0004 * sine(2 * f + m) - 0.0004 * sine(2 * f - m)
        correction += -0.0006 * sine(2 * f + mp) + 0.0010 * sine(2 * f - mp) + 0.0005 * sine(2 * mp + m)

        // The series gives Ephemeris Time; the civil day needs Universal Time (ΔT, in days).
        let deltaT: Double
        if t < -11 {
            deltaT = 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
        } else {
            deltaT = -0.000278 + 0.000265 * t + 0.000262 * t2
        }
        return meanNewMoon + correction - deltaT
    }

    /// Julian Day Number of the civil day, in the zone `timeZone` hours east of UTC, of new moon `k`.
    static func newMoonDay(_ k: Int, timeZone: Double) -> Int {
        floorInt(newMoon(k) + 0.5 + timeZone / 24)
    }

    /// Apparent longitude of the sun, in degrees in [0, 360), at the instant `julianDate` (UT).
    static func sunLongitude(_ julianDate: Double) -> Double {
        let t = (julianDate - 2451545.0) / 36525
        let t2 = t * t
        let meanAnomaly = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2
        let meanLongitude = 280.46645 + 36000.76983 * t + 0.0003032 * t2
        var centre = (1.914600 - 0.004817 * t - 0.000014 * t2) * sine(meanAnomaly)
        centre += (0.019993 - 0.000101 * t) * sine(2 * meanAnomaly) + 0.000290 * sine(3 * meanAnomaly)
        return normalizedDegrees(meanLongitude + centre)
    }

    /// Which of the twelve 30° sectors of the ecliptic (0 = from the vernal equinox, 9 = from the
    /// winter solstice) the sun is in at the local midnight that starts civil day `dayNumber`.
    /// A month whose first and next month's first day share a sector holds no principal solar term.
    static func sunSector(atStartOf dayNumber: Int, timeZone: Double) -> Int {
        let midnight = Double(dayNumber) - 0.5 - timeZone / 24
        return min(11, floorInt(sunLongitude(midnight) / 30))
    }

    /// Lunation number (counted like `newMoon`) of the new moon closest before or at `dayNumber`.
    static func lunationNumber(near dayNumber: Int) -> Int {
        floorInt((Double(dayNumber) - epochNewMoon) / synodicMonth)
    }

    static func floorInt(_ value: Double) -> Int { Int(value.rounded(.down)) }

    static func normalizedDegrees(_ degrees: Double) -> Double {
        let reduced = degrees.truncatingRemainder(dividingBy: 360)
        return reduced < 0 ? reduced + 360 : reduced
    }

    /// Sine of an angle in degrees, written out so the domain needs neither Foundation nor libm and
    /// gives the same days on every platform.
    static func sine(_ degrees: Double) -> Double {
        var angle = normalizedDegrees(degrees)          // [0, 360)
        if angle > 180 { angle -= 360 }                  // (-180, 180]
        if angle > 90 { angle = 180 - angle }            // sin(180° − x) = sin x
        if angle < -90 { angle = -180 - angle }
        let x = angle * (Double.pi / 180)                // [-π/2, π/2]
        let x2 = x * x
        // Taylor series to x^19: on [-π/2, π/2] the error stays below 3e-16.
        var term = x
        var sum = x
        for n in stride(from: 2, through: 18, by: 2) {
            term *= -x2 / Double(n * (n + 1))
            sum += term
        }
        return sum
    }
}
