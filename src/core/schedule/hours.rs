//! Weekly opening hours, written the way people write them on a door: `mon-fri 09:00-12:00`.

use std::fmt;

/// Minutes since local midnight; `24:00` is 1440, so an interval can run to the end of the day.
pub type Minute = u16;

const DAY_NAMES: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const FULL_DAY_NAMES: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// One `days start-end` line of the FAQ: the same `[start, end)` interval on a set of weekdays.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HoursLine {
    /// Monday is bit 0, Sunday bit 6.
    pub days: u8,
    pub start: Minute,
    pub end: Minute,
}

/// Why a line of hours does not parse, and what to write instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HoursError {
    pub message: String,
    pub help: String,
}

const FORMAT_HELP: &str =
    "write days then a time range, e.g. \"mon-fri 09:00-12:00\" or \"sat 10:00-13:00\"";

impl HoursLine {
    pub fn parse(text: &str) -> Result<Self, HoursError> {
        let error = |message: String, help: &str| HoursError {
            message,
            help: help.to_owned(),
        };
        let mut words = text.split_whitespace();
        let (Some(days), Some(times), None) = (words.next(), words.next(), words.next()) else {
            return Err(error(
                format!("`{text}` is not a line of opening hours"),
                FORMAT_HELP,
            ));
        };
        let days = parse_days(days).ok_or_else(|| {
            error(
                format!("`{days}` is not a set of weekdays"),
                "name days as mon, tue, wed, thu, fri, sat, sun; ranges (mon-fri) and lists (mon,wed) work",
            )
        })?;
        let (start, end) = times
            .split_once('-')
            .and_then(|(s, e)| Some((parse_time(s)?, parse_time(e)?)))
            .ok_or_else(|| {
                error(
                    format!("`{times}` is not a time range"),
                    "write it as HH:MM-HH:MM on the 24-hour clock, e.g. 09:00-12:00 (24:00 ends at midnight)",
                )
            })?;
        if start >= end || start == 24 * 60 {
            return Err(error(
                format!("`{times}` does not start before it ends"),
                "opening hours run from start to end within one day; split overnight hours in two lines",
            ));
        }
        Ok(Self { days, start, end })
    }

    pub fn on(&self, weekday_from_monday: usize) -> bool {
        self.days & (1 << weekday_from_monday) != 0
    }

    /// The first weekday (Monday = 0) on which both lines are open at once. Lines that only
    /// touch (`09:00-12:00` and `12:00-14:00`) do not overlap: they make one longer opening.
    pub fn overlap(&self, other: &HoursLine) -> Option<usize> {
        let shared = self.days & other.days;
        let apart = self.end <= other.start || other.end <= self.start;
        (shared != 0 && !apart).then(|| shared.trailing_zeros() as usize)
    }
}

fn parse_days(text: &str) -> Option<u8> {
    let day = |name: &str| {
        let name = name.to_ascii_lowercase();
        DAY_NAMES
            .iter()
            .position(|d| *d == name)
            .or_else(|| FULL_DAY_NAMES.iter().position(|d| *d == name))
    };
    let mut days = 0u8;
    for part in text.split(',') {
        match part.split_once('-') {
            Some((first, last)) => {
                let (first, last) = (day(first)?, day(last)?);
                // A range may wrap around the week end: fri-mon is Friday to Monday.
                let mut d = first;
                loop {
                    days |= 1 << d;
                    if d == last {
                        break;
                    }
                    d = (d + 1) % 7;
                }
            }
            None => days |= 1 << day(part)?,
        }
    }
    Some(days)
}

fn parse_time(text: &str) -> Option<Minute> {
    let (h, m) = text.split_once(':')?;
    if h.is_empty() || h.len() > 2 || m.len() != 2 {
        return None;
    }
    let (h, m): (Minute, Minute) = (h.parse().ok()?, m.parse().ok()?);
    match (h, m) {
        (24, 0) => Some(24 * 60),
        (0..=23, 0..=59) => Some(h * 60 + m),
        _ => None,
    }
}

/// `09:00`, as people and the FAQ write times.
#[derive(Debug, Clone, Copy)]
pub struct Clock(pub Minute);

impl fmt::Display for Clock {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.0 / 60, self.0 % 60)
    }
}

/// A compact name for a set of days: `Mon–Fri`, `Sat`, `Mon, Wed`.
/// `days` (bit 0 for Monday) as runs of day names from `names` (Monday first): "Mon–Fri",
/// "Mon, Tue", "Sat".
pub fn describe_days(days: u8, names: &[&str; 7], separator: &str) -> String {
    let title = |d: usize| names[d].to_owned();
    let mut runs: Vec<String> = Vec::new();
    let mut d = 0;
    while d < 7 {
        if days & (1 << d) == 0 {
            d += 1;
            continue;
        }
        let start = d;
        while d + 1 < 7 && days & (1 << (d + 1)) != 0 {
            d += 1;
        }
        runs.push(match d - start {
            0 => title(start),
            1 => format!("{}{separator}{}", title(start), title(d)),
            _ => format!("{}–{}", title(start), title(d)),
        });
        d += 1;
    }
    runs.join(separator)
}

/// The day's name for messages: `Monday`.
pub fn day_name(weekday_from_monday: usize) -> String {
    let name = FULL_DAY_NAMES[weekday_from_monday];
    name[..1].to_ascii_uppercase() + &name[1..]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str) -> HoursLine {
        HoursLine::parse(text).unwrap()
    }

    #[test]
    fn parses_the_forms_people_write() {
        assert_eq!(
            line("mon-fri 09:00-12:00"),
            HoursLine {
                days: 0b001_1111,
                start: 540,
                end: 720
            }
        );
        assert_eq!(line("Sat 10:00-13:30").days, 0b010_0000);
        assert_eq!(line("mon,wed,fri 8:00-9:00").days, 0b001_0101);
        assert_eq!(line("fri-mon 20:00-24:00").days, 0b111_0001);
        assert_eq!(line("sunday 00:00-24:00").end, 1440);
    }

    #[test]
    fn rejects_malformed_lines() {
        for (text, message) in [
            ("mon-fri", "`mon-fri` is not a line of opening hours"),
            (
                "mon-fri 09:00 12:00",
                "`mon-fri 09:00 12:00` is not a line of opening hours",
            ),
            ("mon-fry 09:00-12:00", "`mon-fry` is not a set of weekdays"),
            ("mon-fri 9-12", "`9-12` is not a time range"),
            ("mon-fri 09:00-25:00", "`09:00-25:00` is not a time range"),
            ("mon-fri 09:60-10:00", "`09:60-10:00` is not a time range"),
            (
                "mon-fri 12:00-09:00",
                "`12:00-09:00` does not start before it ends",
            ),
            (
                "mon-fri 09:00-09:00",
                "`09:00-09:00` does not start before it ends",
            ),
        ] {
            assert_eq!(
                HoursLine::parse(text).unwrap_err().message,
                message,
                "{text}"
            );
        }
    }

    #[test]
    fn describes_days_compactly() {
        let names = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
        assert_eq!(describe_days(0b001_1111, &names, ", "), "Mon–Fri");
        assert_eq!(describe_days(0b000_0011, &names, ", "), "Mon, Tue");
        assert_eq!(
            describe_days(0b101_0101, &names, ", "),
            "Mon, Wed, Fri, Sun"
        );
        assert_eq!(describe_days(0b110_0000, &names, ", "), "Sat, Sun");
        assert_eq!(
            describe_days(
                0b110_0000,
                &["月", "火", "水", "木", "金", "土", "日"],
                "、"
            ),
            "土、日"
        );
    }
}
