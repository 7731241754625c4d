//! Public-holiday calendars, computed for any year rather than listed by hand, so the bot never
//! needs a yearly update.

use jiff::civil::{Date, Weekday};
use jiff::ToSpan;

/// Which public holidays close the office.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holidays {
    /// The public holidays of the Canton of Geneva, where ISO's Central Secretariat works.
    Geneva,
    None,
}

/// The values `holidays` accepts in `faq.toml`.
pub const CALENDARS: [&str; 2] = ["geneva", "none"];

impl Holidays {
    pub fn parse(name: &str) -> Option<Self> {
        match name.trim().to_ascii_lowercase().as_str() {
            "geneva" => Some(Self::Geneva),
            "none" => Some(Self::None),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Self::Geneva => "geneva",
            Self::None => "none",
        }
    }

    /// The holiday falling on `date`, by its local name.
    pub fn on(self, date: Date) -> Option<&'static str> {
        match self {
            Self::Geneva => geneva(date),
            Self::None => None,
        }
    }
}

fn geneva(date: Date) -> Option<&'static str> {
    match (date.month(), date.day()) {
        (1, 1) => return Some("New Year's Day"),
        (8, 1) => return Some("Swiss National Day"),
        (12, 25) => return Some("Christmas Day"),
        (12, 31) => return Some("Restauration de la République"),
        _ => {}
    }
    if Some(date) == jeune_genevois(date.year()) {
        return Some("Jeûne genevois");
    }
    let easter = easter(date.year())?;
    let from_easter = (date - easter).get_days();
    match from_easter {
        -2 => Some("Good Friday"),
        1 => Some("Easter Monday"),
        39 => Some("Ascension Day"),
        50 => Some("Whit Monday"),
        _ => None,
    }
}

/// Easter Sunday in the (proleptic) Gregorian calendar, by the anonymous "Meeus/Jones/Butcher"
/// computus. Floor division keeps it a March or April date for years before 1 too; `None`
/// only if the date would fall outside what jiff can represent.
pub fn easter(year: i16) -> Option<Date> {
    let y = i32::from(year);
    let (a, b, c) = (y.rem_euclid(19), y.div_euclid(100), y.rem_euclid(100));
    let (d, e) = (b.div_euclid(4), b.rem_euclid(4));
    let f = (b + 8).div_euclid(25);
    let g = (b - f + 1).div_euclid(3);
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let (i, k) = (c.div_euclid(4), c.rem_euclid(4));
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l).div_euclid(451);
    let month = (h + l - 7 * m + 114).div_euclid(31);
    let day = (h + l - 7 * m + 114).rem_euclid(31) + 1;
    Date::new(year, i8::try_from(month).ok()?, i8::try_from(day).ok()?).ok()
}

/// The Thursday after the first Sunday of September.
fn jeune_genevois(year: i16) -> Option<Date> {
    Date::new(year, 9, 1)
        .and_then(|d| d.nth_weekday_of_month(1, Weekday::Sunday))
        .and_then(|sunday| sunday.checked_add(4.days()))
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn easter_matches_published_dates() {
        for (year, month, day) in [
            (2000, 4, 23),
            (2008, 3, 23),
            (2019, 4, 21),
            (2024, 3, 31),
            (2025, 4, 20),
            (2026, 4, 5),
            (2027, 3, 28),
            (2038, 4, 25),
            (2100, 3, 28),
        ] {
            assert_eq!(easter(year), Some(date(year, month, day)), "{year}");
        }
    }

    #[test]
    fn easter_is_in_march_or_april_in_every_year_jiff_supports() {
        for year in -9999..=9999 {
            let sunday = easter(year).unwrap_or_else(|| panic!("{year}"));
            assert!(matches!(sunday.month(), 3 | 4), "{year}: {sunday}");
            assert_eq!(sunday.weekday(), Weekday::Sunday, "{year}");
        }
    }

    #[test]
    fn geneva_holidays_of_2026_and_2027() {
        let expected = [
            (date(2026, 1, 1), "New Year's Day"),
            (date(2026, 4, 3), "Good Friday"),
            (date(2026, 4, 6), "Easter Monday"),
            (date(2026, 5, 14), "Ascension Day"),
            (date(2026, 5, 25), "Whit Monday"),
            (date(2026, 8, 1), "Swiss National Day"),
            (date(2026, 9, 10), "Jeûne genevois"),
            (date(2026, 12, 25), "Christmas Day"),
            (date(2026, 12, 31), "Restauration de la République"),
            (date(2027, 1, 1), "New Year's Day"),
            (date(2027, 3, 26), "Good Friday"),
            (date(2027, 3, 29), "Easter Monday"),
            (date(2027, 5, 6), "Ascension Day"),
            (date(2027, 5, 17), "Whit Monday"),
            (date(2027, 8, 1), "Swiss National Day"),
            (date(2027, 9, 9), "Jeûne genevois"),
            (date(2027, 12, 25), "Christmas Day"),
            (date(2027, 12, 31), "Restauration de la République"),
        ];
        for (day, name) in expected {
            assert_eq!(Holidays::Geneva.on(day), Some(name), "{day}");
        }
        let mut count = 0;
        let mut day = date(2026, 1, 1);
        while day.year() < 2028 {
            count += usize::from(Holidays::Geneva.on(day).is_some());
            day = day.tomorrow().unwrap();
        }
        assert_eq!(
            count,
            expected.len(),
            "no other day of 2026-2027 is a holiday"
        );
    }

    #[test]
    fn jeune_genevois_when_september_starts_on_a_sunday() {
        // 1 September 2024 was a Sunday: the fast falls on the 5th.
        assert_eq!(
            Holidays::Geneva.on(date(2024, 9, 5)),
            Some("Jeûne genevois")
        );
    }

    #[test]
    fn no_calendar_has_no_holidays() {
        assert_eq!(Holidays::None.on(date(2026, 12, 25)), None);
    }
}
