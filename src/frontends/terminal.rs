//! The core's replies as terminal text: no markup, commands as `/name`, instants written out in
//! the office's time zone (which a terminal reader can relate to) and relative to `now`.

use jiff::tz::TimeZone;
use jiff::Timestamp;

use comfy_table::{presets::NOTHING, CellAlignment, Table};

use crate::core::reply::{Elapsed, Lang, Reply, Span, Text, TimeStyle};
use crate::core::schedule::abbreviation;

/// `rows` as aligned columns, each line two spaces in, the columns numbered in `right` aligned
/// right (counts, shares). Widths are what a terminal shows: an emoji or a CJK character takes
/// two columns, so a topic named in Chinese or a 👍 does not push its row out of line.
pub fn columns<R: Into<comfy_table::Row>>(
    rows: impl IntoIterator<Item = R>,
    right: &[usize],
) -> String {
    let mut table = Table::new();
    table.load_preset(NOTHING);
    for row in rows {
        table.add_row(row);
    }
    for &column in right {
        if let Some(column) = table.column_mut(column) {
            column.set_cell_alignment(CellAlignment::Right);
        }
    }
    // comfy-table pads every cell by one space on each side: with the one before, two in.
    table
        .lines()
        .map(|line| format!(" {}\n", line.trim_end()))
        .collect()
}

/// A reply as lines of text: title, body, then the fields. A field meant to sit beside others
/// (a phone number) is one line, `Name: value`, when its value is; any other field is a
/// heading with its lines indented under it, however many there are.
pub fn reply(reply: &Reply, tz: &TimeZone, now: Timestamp, lang: Lang) -> String {
    let render = |text: &Text| self::text(text, tz, now, lang);
    let mut out = String::new();
    if let Some(title) = &reply.title {
        out.push_str(&render(title));
        out.push('\n');
    }
    out.push_str(&render(&reply.body));
    out.push('\n');
    if !reply.fields.is_empty() {
        out.push('\n');
    }
    for field in &reply.fields {
        let value = render(&field.value);
        out.push_str(&render(&field.name));
        if field.inline && !value.contains('\n') {
            out.push_str(": ");
            out.push_str(&value);
            out.push('\n');
            continue;
        }
        out.push_str(":\n");
        for line in value.lines() {
            out.push_str("  ");
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// A text as plain words, its instants written in `lang` as Discord's client in that language
/// would write them.
pub fn text(text: &Text, tz: &TimeZone, now: Timestamp, lang: Lang) -> String {
    let mut out = String::new();
    for span in text.spans() {
        match span {
            Span::Plain(words) | Span::Strong(words) | Span::Quote(words) => out.push_str(words),
            Span::Time(at, style) => out.push_str(&time(*at, *style, tz, now, lang)),
            Span::Command(name) => {
                out.push('/');
                out.push_str(name);
            }
            Span::Break => out.push('\n'),
        }
    }
    out
}

fn time(at: Timestamp, style: TimeStyle, tz: &TimeZone, now: Timestamp, lang: Lang) -> String {
    let words = lang.words();
    let zoned = at.to_zoned(tz.clone());
    let clock = zoned.strftime("%H:%M");
    let zone = abbreviation(tz, at);
    match style {
        TimeStyle::Time => format!("{clock} {zone}"),
        TimeStyle::DayDateTime => {
            let weekday =
                words.weekdays[usize::from(zoned.weekday().to_monday_zero_offset().unsigned_abs())];
            let month = words.months[usize::from(zoned.month().unsigned_abs()) - 1];
            let date = (words.date)(weekday, zoned.day(), month, zoned.year());
            format!("{date} {clock} {zone}")
        }
        TimeStyle::Relative => (words.relative)(elapsed(now, at), at >= now),
    }
}

/// How far `at` is from `now`, rounded as Discord rounds its relative timestamps ("in 2
/// hours", "5 minutes ago").
fn elapsed(now: Timestamp, at: Timestamp) -> Elapsed {
    let seconds = (at.as_second() - now.as_second()).abs();
    let round = |size: i64| ((seconds + size / 2) / size).max(1);
    if seconds < 45 {
        Elapsed::FewSeconds
    } else if seconds < 45 * 60 {
        Elapsed::Minutes(round(60))
    } else if seconds < 22 * 3600 {
        Elapsed::Hours(round(3600))
    } else {
        Elapsed::Days(round(86_400))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::reply::{Field, Shape};

    #[test]
    fn instants_become_office_times() {
        let tz = TimeZone::get("Europe/Zurich").unwrap();
        let now: Timestamp = "2026-11-25T09:30:00Z".parse().unwrap();
        let at: Timestamp = "2026-11-25T11:00:00Z".parse().unwrap();
        let line = Text::new()
            .strong("Open")
            .plain(" until ")
            .time(at, TimeStyle::Time)
            .plain(" (")
            .time(at, TimeStyle::Relative)
            .plain(")");
        assert_eq!(
            text(&line, &tz, now, Lang::ENGLISH),
            "Open until 12:00 CET (in 2 hours)"
        );
        assert_eq!(
            text(
                &Text::new().time(at, TimeStyle::DayDateTime),
                &tz,
                now,
                Lang::ENGLISH
            ),
            "Wednesday 25 November 2026 12:00 CET"
        );
    }

    #[test]
    fn relative_times_round_like_discord() {
        let now: Timestamp = "2026-01-01T00:00:00Z".parse().unwrap();
        let later = |s: i64| now.checked_add(jiff::SignedDuration::from_secs(s)).unwrap();
        let relative = |now, at| {
            text(
                &Text::new().time(at, TimeStyle::Relative),
                &TimeZone::UTC,
                now,
                Lang::ENGLISH,
            )
        };
        assert_eq!(relative(now, later(10)), "in a few seconds");
        assert_eq!(relative(now, later(90)), "in 2 minutes");
        assert_eq!(relative(now, later(3600 + 1200)), "in 1 hour");
        assert_eq!(relative(now, later(3 * 86_400)), "in 3 days");
        assert_eq!(relative(later(300), now), "5 minutes ago");
    }

    #[test]
    fn no_markup_reaches_the_terminal_and_fields_keep_one_layout() {
        let tz = TimeZone::UTC;
        let now = Timestamp::UNIX_EPOCH;
        let one = Reply {
            title: Some(Text::from("T")),
            body: Text::new()
                .plain("see ")
                .command("ngo")
                .plain(" or ")
                .quote("**x** @everyone"),
            fields: vec![Field::new("Related", Text::new().command("un"), false)],
            shape: Shape::Notice,
        };
        assert_eq!(
            reply(&one, &tz, now, Lang::ENGLISH),
            "T\nsee /ngo or **x** @everyone\n\nRelated:\n  /un\n"
        );
        let two = Reply {
            fields: vec![Field::new(
                "Related",
                Text::lines([Text::new().command("un"), Text::new().command("ngo")]),
                false,
            )],
            ..one
        };
        assert!(reply(&two, &tz, now, Lang::ENGLISH).ends_with("Related:\n  /un\n  /ngo\n"));
    }

    #[test]
    fn columns_line_up_as_a_terminal_shows_them() {
        let rows = [
            ["会员", "1", "👍"],
            ["logo", "10", "x"],
            ["adhésion", "7", ""],
        ];
        assert_eq!(
            columns(rows, &[1]),
            "  会员       1  👍\n  logo      10  x\n  adhésion   7\n"
        );
    }
}
