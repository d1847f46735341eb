import Testing
@testable import Rules

@Suite struct AstronomyTests {
    /// Meeus, Astronomical Algorithms, example 49.a: the new moon of February 1977.
    @Test func meeusExample49a() {
        #expect(abs(Astronomy.newMoon(lunation: -283) - 2_443_192.65118) < 0.00001)
    }

    /// Meeus example 25.a: 1992 October 13.0 TD, apparent longitude 199.90895°.
    @Test func meeusExample25a() {
        #expect(abs(Astronomy.sunLongitude(jde: 2_448_908.5) - 199.90895) < 0.0001)
    }

    /// The 2024 December solstice, 09:20:21 UT (PyEphem), is at 270° within the low-accuracy
    /// method's 0.01° (about a quarter of an hour of the Sun's motion).
    @Test func solstice2024() {
        let seconds: Double = 9 * 3600 + 20 * 60 + 21
        let universal = 2_460_665.5 + seconds / 86_400
        let longitude = Astronomy.sunLongitude(jde: universal + Astronomy.deltaTDays(atJulianDay: universal))
        #expect(abs(longitude - 270) < 0.01)
    }

    /// The new moon of 2024-01-11, 11:57:22 UT (PyEphem), to within a minute.
    @Test func newMoonJanuary2024() {
        let k = 297  // 24 years × 12.3685 after 2000-01-06
        let jde = Astronomy.newMoon(lunation: k)
        let universal = jde - Astronomy.deltaTDays(atJulianDay: jde)
        let seconds: Double = 11 * 3600 + 57 * 60 + 22
        let expected = 2_460_320.5 + seconds / 86_400
        #expect(abs(universal - expected) < 1 / 1440.0)
    }

    @Test(arguments: [(1900.0, -2.79), (1950.0, 29.07), (2000.0, 63.86), (2025.0, 74.48)])
    func deltaT(year: Double, seconds: Double) {
        #expect(abs(Astronomy.deltaT(year: year) - seconds) < 0.05)
    }
}
