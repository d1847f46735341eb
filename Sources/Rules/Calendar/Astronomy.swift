import Foundation

/// The two astronomical events a lunisolar calendar is built from: new moons and the Sun's
/// ecliptic longitude (whose multiples of 30° are the principal solar terms, trung khí).
///
/// Method: Jean Meeus, *Astronomical Algorithms*, 2nd ed. (Willmann-Bell, 1998):
/// ch. 49 (true phases of the Moon, with all periodic and planetary corrections; error well
/// under a minute of time for 1900–2100) and ch. 25 (Sun's apparent longitude, low-accuracy
/// method, about 0.01°, i.e. about 15 minutes of the Sun's motion). Dynamical time is
/// turned into universal time with the ΔT polynomials of Espenak & Meeus (NASA Five
/// Millennium Canon of Solar Eclipses, 2006). Hồ Ngọc Đức's widely used Vietnamese
/// calendar program rests on the same chapters. How the results were checked against an
/// independent ephemeris is told in `LunarCalendar` and `scripts/lunar-reference.py`.
enum Astronomy {
    /// Julian Day of 1970-01-01 at 00:00 UT, the origin of `CivilDate.dayNumber`.
    static let julianDayOfUnixEpoch = 2_440_587.5

    /// The instant (Julian Ephemeris Day, dynamical time) of the new moon with lunation
    /// number `k`; k = 0 is the new moon of 2000-01-06 (Meeus ch. 49).
    static func newMoon(lunation k: Int) -> Double {
        let kk = Double(k)
        let t = kk / 1236.85
        let t2 = t * t, t3 = t2 * t, t4 = t3 * t
        let mean = 2_451_550.09766 + 29.530588861 * kk + 0.00015437 * t2 - 0.000000150 * t3
            + 0.00000000073 * t4
        let e = 1 - 0.002516 * t - 0.0000074 * t2
        let m = radians(2.5534 + 29.10535670 * kk - 0.0000014 * t2 - 0.00000011 * t3)
        let mp = radians(201.5643 + 385.81693528 * kk + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4)
        let f = radians(160.7108 + 390.67050284 * kk - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4)
        let omega = radians(124.7746 - 1.56375588 * kk + 0.0020672 * t2 + 0.00000215 * t3)

        var c = -0.40720 * sin(mp)
        c += 0.17241 * e * sin(m)
        c += 0.01608 * sin(2 * mp)
        c += 0.01039 * sin(2 * f)
        c += 0.00739 * e * sin(mp - m)
        c -= 0.00514 * e * sin(mp + m)
        c += 0.00208 * e * e * sin(2 * m)
        c -= 0.00111 * sin(mp - 2 * f)
        c -= 0.00057 * sin(mp + 2 * f)
        c += 0.00056 * e * sin(2 * mp + m)
        c -= 0.00042 * sin(3 * mp)
        c += 0.00042 * e * sin(m + 2 * f)
        c += 0.00038 * e * sin(m - 2 * f)
        c -= 0.00024 * e * sin(2 * mp - m)
        c -= 0.00017 * sin(omega)
        c -= 0.00007 * sin(mp + 2 * m)
        c += 0.00004 * sin(2 * mp - 2 * f)
        c += 0.00004 * sin(3 * m)
        c += 0.00003 * sin(mp + m - 2 * f)
        c += 0.00003 * sin(2 * mp + 2 * f)
        c -= 0.00003 * sin(mp + m + 2 * f)
        c += 0.00003 * sin(mp - m + 2 * f)
        c -= 0.00002 * sin(mp - m - 2 * f)
        c -= 0.00002 * sin(3 * mp + m)
        c += 0.00002 * sin(4 * mp)

        // Planetary arguments (Meeus table 49.B): amplitude and argument A = a + b·k.
        var planetary = 0.000325 * sin(radians(299.77 + 0.107408 * kk - 0.009173 * t2))
        for (amplitude, a, b) in planetaryTerms {
            planetary += amplitude * sin(radians(a + b * kk))
        }
        return mean + c + planetary
    }

    private static let planetaryTerms: [(Double, Double, Double)] = [
        (0.000165, 251.88, 0.016321), (0.000164, 251.83, 26.651886), (0.000126, 349.42, 36.412478),
        (0.000110, 84.66, 18.206239), (0.000062, 141.74, 53.303771), (0.000060, 207.14, 2.453732),
        (0.000056, 154.84, 7.306860), (0.000047, 34.52, 27.261239), (0.000042, 207.19, 0.121824),
        (0.000040, 291.34, 1.844379), (0.000037, 161.72, 24.198154), (0.000035, 239.56, 25.513099),
        (0.000023, 331.55, 3.592518),
    ]

    /// The Sun's apparent geocentric longitude in degrees, 0 ≤ λ < 360, referred to the
    /// mean equinox of date, at Julian Ephemeris Day `jde` (Meeus ch. 25, low accuracy).
    static func sunLongitude(jde: Double) -> Double {
        let t = (jde - 2_451_545.0) / 36525
        let t2 = t * t
        let l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t2
        let m = radians(357.52911 + 35999.05029 * t - 0.0001537 * t2)
        let center = (1.914602 - 0.004817 * t - 0.000014 * t2) * sin(m)
            + (0.019993 - 0.000101 * t) * sin(2 * m) + 0.000289 * sin(3 * m)
        let omega = radians(125.04 - 1934.136 * t)
        let apparent = l0 + center - 0.00569 - 0.00478 * sin(omega)
        let reduced = apparent.truncatingRemainder(dividingBy: 360)
        return reduced < 0 ? reduced + 360 : reduced
    }

    /// ΔT = TT − UT in seconds for a decimal year (Espenak & Meeus 2006 polynomials).
    static func deltaT(year y: Double) -> Double {
        switch y {
        case ..<1800:
            let u = (y - 1820) / 100
            return -20 + 32 * u * u
        case ..<1860:
            let t = y - 1800
            return 13.72 - 0.332447 * t + 0.0068612 * pow(t, 2) + 0.0041116 * pow(t, 3)
                - 0.00037436 * pow(t, 4) + 0.0000121272 * pow(t, 5) - 0.0000001699 * pow(t, 6)
                + 0.000000000875 * pow(t, 7)
        case ..<1900:
            let t = y - 1860
            return 7.62 + 0.5737 * t - 0.251754 * pow(t, 2) + 0.01680668 * pow(t, 3)
                - 0.0004473624 * pow(t, 4) + pow(t, 5) / 233_174
        case ..<1920:
            let t = y - 1900
            return -2.79 + 1.494119 * t - 0.0598939 * pow(t, 2) + 0.0061966 * pow(t, 3) - 0.000197 * pow(t, 4)
        case ..<1941:
            let t = y - 1920
            return 21.20 + 0.84493 * t - 0.076100 * pow(t, 2) + 0.0020936 * pow(t, 3)
        case ..<1961:
            let t = y - 1950
            return 29.07 + 0.407 * t - pow(t, 2) / 233 + pow(t, 3) / 2547
        case ..<1986:
            let t = y - 1975
            return 45.45 + 1.067 * t - pow(t, 2) / 260 - pow(t, 3) / 718
        case ..<2005:
            let t = y - 2000
            return 63.86 + 0.3345 * t - 0.060374 * pow(t, 2) + 0.0017275 * pow(t, 3)
                + 0.000651814 * pow(t, 4) + 0.00002373599 * pow(t, 5)
        case ..<2050:
            let t = y - 2000
            return 62.92 + 0.32217 * t + 0.005589 * t * t
        case ..<2150:
            let u = (y - 1820) / 100
            return -20 + 32 * u * u - 0.5628 * (2150 - y)
        default:
            let u = (y - 1820) / 100
            return -20 + 32 * u * u
        }
    }

    /// ΔT in days at the Julian Day `jd` (either time scale: ΔT changes by well under a
    /// second a year, so the difference does not matter).
    static func deltaTDays(atJulianDay jd: Double) -> Double {
        deltaT(year: 2000 + (jd - 2_451_545.0) / 365.25) / 86_400
    }

    private static func radians(_ degrees: Double) -> Double { degrees * .pi / 180 }
}
