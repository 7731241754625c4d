//! The office's time zone: an IANA zone that follows summer time, or a fixed UTC offset.

use jiff::tz::{Offset, TimeZone};

/// A time zone together with the name the FAQ wrote for it, which is what users are shown.
#[derive(Debug, Clone)]
pub struct Zone {
    name: String,
    tz: TimeZone,
}

impl Zone {
    /// Accepts an IANA name (`Europe/Zurich`) or a fixed offset (`UTC+01:00`, `+01:00`, `UTC`).
    ///
    /// Names resolve against the machine's time-zone database (`/usr/share/zoneinfo`, which the
    /// system keeps up to date as countries change their clocks), and against the copy built
    /// into jiff where the machine has none, so a container without it still knows every zone.
    pub fn parse(text: &str) -> Result<Self, String> {
        let text = text.trim();
        let name = text.to_owned();
        if let Some(offset) = parse_offset(text) {
            let offset = offset?;
            return Ok(Self {
                name,
                tz: TimeZone::fixed(offset),
            });
        }
        // A database of its own, let go once the zone is found, rather than jiff's global one
        // (`TimeZone::get`), which keeps every zone's name, 57 KiB, for the life of the bot.
        jiff::tz::TimeZoneDatabase::from_env()
            .get(text)
            .map(|tz| Self { name, tz })
            .map_err(|_| format!("unknown time zone `{text}`"))
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn tz(&self) -> &TimeZone {
        &self.tz
    }
}

/// How to name the zone's clock at `at` for people: `CET`, `CEST`; `UTC+01:00` for a fixed offset,
/// whose abbreviation would only be a terse `+01`.
pub fn abbreviation(tz: &TimeZone, at: jiff::Timestamp) -> String {
    let info = tz.to_offset_info(at);
    let abbreviation = info.abbreviation();
    if abbreviation.starts_with(['+', '-']) {
        utc_offset(info.offset())
    } else {
        abbreviation.to_owned()
    }
}

/// `UTC+01:00`.
pub fn utc_offset(offset: Offset) -> String {
    let seconds = offset.seconds();
    let sign = if seconds < 0 { '-' } else { '+' };
    let minutes = seconds.abs() / 60;
    format!("UTC{sign}{:02}:{:02}", minutes / 60, minutes % 60)
}

/// `None` when `text` is not written as an offset at all; `Some(Err)` when it is, but badly.
fn parse_offset(text: &str) -> Option<Result<Offset, String>> {
    let rest = ["UTC", "GMT"]
        .iter()
        .find_map(|prefix| text.strip_prefix(prefix))
        .unwrap_or(text);
    if rest.is_empty() && text != rest {
        return Some(Ok(Offset::UTC));
    }
    let (sign, rest) = match rest.as_bytes().first()? {
        b'+' => (1, &rest[1..]),
        b'-' => (-1, &rest[1..]),
        _ => return None,
    };
    let bad = || format!("`{text}` is not an offset of the form UTC+01:00");
    let (hours, minutes) = rest.split_once(':').unwrap_or((rest, "0"));
    let all_digits =
        |s: &str| !s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(hours) || !all_digits(minutes) {
        return Some(Err(bad()));
    }
    let (hours, minutes): (i32, i32) = (hours.parse().ok()?, minutes.parse().ok()?);
    if hours > 18 || minutes > 59 {
        return Some(Err(bad()));
    }
    Some(Offset::from_seconds(sign * (hours * 3600 + minutes * 60)).map_err(|_| bad()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_iana_names_and_offsets() {
        for (text, offset_in_january) in [
            ("Europe/Zurich", 3600),
            ("UTC+01:00", 3600),
            ("+01:00", 3600),
            ("UTC+1", 3600),
            ("UTC-05:30", -19800),
            ("UTC", 0),
            ("America/New_York", -18000),
        ] {
            let zone = Zone::parse(text).unwrap();
            let january: jiff::Timestamp = "2026-01-15T12:00:00Z".parse().unwrap();
            assert_eq!(
                zone.tz().to_offset(january).seconds(),
                offset_in_january,
                "{text}"
            );
            assert_eq!(zone.name(), text);
        }
    }

    #[test]
    fn rejects_unknown_zones_and_bad_offsets() {
        assert_eq!(
            Zone::parse("Europe/Geneva").unwrap_err(),
            "unknown time zone `Europe/Geneva`"
        );
        assert!(Zone::parse("UTC+25:00").is_err());
        assert!(Zone::parse("UTC+1:75").is_err());
        assert!(Zone::parse("+one").is_err());
    }
}
