//! Discord markup → terminal text.

use jiff::tz::TimeZone;
use jiff::{Timestamp, Unit};

use crate::core::schedule::abbreviation;

/// Replaces `<t:UNIX:STYLE>` timestamps with times in `tz`, and drops `**`/`__` emphasis.
pub(super) fn render(text: &str, tz: &TimeZone, now: Timestamp) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("<t:") {
        out.push_str(&rest[..start]);
        let after = &rest[start..];
        match after
            .find('>')
            .and_then(|end| Some((timestamp(&after[3..end], tz, now)?, end)))
        {
            Some((rendered, end)) => {
                out.push_str(&rendered);
                rest = &after[end + 1..];
            }
            None => {
                out.push_str("<t:");
                rest = &after[3..];
            }
        }
    }
    out.push_str(rest);
    unmark(&out)
}

/// Drops `**`/`__` emphasis and the backslashes and zero-width spaces that defuse user text.
fn unmark(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.extend(chars.next()),
            '*' | '_' if chars.peek() == Some(&c) => {
                chars.next();
            }
            '\u{200b}' => {}
            c => out.push(c),
        }
    }
    out
}

fn timestamp(spec: &str, tz: &TimeZone, now: Timestamp) -> Option<String> {
    let (seconds, style) = spec.split_once(':').unwrap_or((spec, "f"));
    let at = Timestamp::from_second(seconds.parse().ok()?).ok()?;
    let zoned = at.to_zoned(tz.clone());
    let (format, with_zone) = match style {
        "t" => ("%H:%M", true),
        "T" => ("%H:%M:%S", true),
        "d" => ("%Y-%m-%d", false),
        "D" => ("%-d %B %Y", false),
        "f" => ("%-d %B %Y %H:%M", true),
        "F" => ("%A %-d %B %Y %H:%M", true),
        "R" => return Some(relative(now, at)),
        _ => return None,
    };
    let text = zoned.strftime(format).to_string();
    Some(if with_zone {
        format!("{text} {}", abbreviation(tz, at))
    } else {
        text
    })
}

/// "in 2 hours", "5 minutes ago": the rounding Discord uses for `<t:…:R>`.
fn relative(now: Timestamp, at: Timestamp) -> String {
    let seconds = (at.as_second() - now.as_second()).abs();
    let amount = |n: i64, unit: &str| {
        if n == 1 {
            format!("1 {unit}")
        } else {
            format!("{n} {unit}s")
        }
    };
    let round = |unit: Unit| {
        let size = match unit {
            Unit::Minute => 60,
            Unit::Hour => 3600,
            _ => 86_400,
        };
        (seconds + size / 2) / size
    };
    let phrase = if seconds < 45 {
        "a few seconds".to_owned()
    } else if seconds < 45 * 60 {
        amount(round(Unit::Minute).max(1), "minute")
    } else if seconds < 22 * 3600 {
        amount(round(Unit::Hour).max(1), "hour")
    } else {
        amount(round(Unit::Day).max(1), "day")
    };
    if at >= now {
        format!("in {phrase}")
    } else {
        format!("{phrase} ago")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_become_office_times() {
        let tz = TimeZone::get("Europe/Zurich").unwrap();
        let now: Timestamp = "2026-11-25T09:30:00Z".parse().unwrap();
        let at = "2026-11-25T11:00:00Z"
            .parse::<Timestamp>()
            .unwrap()
            .as_second();
        assert_eq!(
            render(&format!("**Open** until <t:{at}:t> (<t:{at}:R>)"), &tz, now),
            "Open until 12:00 CET (in 2 hours)"
        );
        assert_eq!(
            render(&format!("<t:{at}:F>"), &tz, now),
            "Wednesday 25 November 2026 12:00 CET"
        );
    }

    #[test]
    fn relative_times_round_like_discord() {
        let now: Timestamp = "2026-01-01T00:00:00Z".parse().unwrap();
        let later = |s: i64| now.checked_add(jiff::SignedDuration::from_secs(s)).unwrap();
        assert_eq!(relative(now, later(10)), "in a few seconds");
        assert_eq!(relative(now, later(90)), "in 2 minutes");
        assert_eq!(relative(now, later(3600 + 1200)), "in 1 hour");
        assert_eq!(relative(now, later(3 * 86_400)), "in 3 days");
        assert_eq!(relative(later(300), now), "5 minutes ago");
    }

    #[test]
    fn markup_and_escapes_are_dropped() {
        let tz = TimeZone::UTC;
        let now = Timestamp::UNIX_EPOCH;
        assert_eq!(
            render("**Open** \\*\\*x\\*\\* @\u{200b}everyone", &tz, now),
            "Open **x** @everyone"
        );
    }

    #[test]
    fn text_that_only_looks_like_a_timestamp_is_kept() {
        let tz = TimeZone::UTC;
        let now = Timestamp::UNIX_EPOCH;
        assert_eq!(render("<t:abc> and <t:", &tz, now), "<t:abc> and <t:");
    }
}
