//! "Can I call now?": the `/hours` reply, the live line under the contact topic, and the
//! bot's presence.

use jiff::Timestamp;

use super::{Field, Lang, Reply, Text};
use crate::core::faq::Contact;
use crate::core::schedule::{abbreviation, describe_days, utc_offset, Closure, Holidays, Status};

/// The `/hours` reply for `status`, computed at `now`.
pub fn hours(contact: &Contact, status: &Status, now: Timestamp, lang: Lang) -> Reply {
    let words = lang.words();
    let schedule = &contact.schedule;
    let name = contact.name_in(lang);
    let title = if status.open {
        (words.is_open)(name)
    } else {
        (words.is_closed)(name)
    };
    let mut weekly: Vec<Text> = schedule
        .weekly_days()
        .into_iter()
        .map(|(days, times)| {
            let days = describe_days(days, &words.days, words.list);
            Text::from((words.day_hours)(&days, &times.join(words.list)))
        })
        .collect();
    if weekly.is_empty() {
        weekly.push(Text::from(words.no_hours));
    }
    if let Holidays::Geneva = schedule.holidays() {
        weekly.push(Text::from(words.closed_on_holidays));
    }
    Reply::info(
        title,
        status_line(status, lang),
        vec![
            Field::new(words.phone, contact.phone.as_str(), true),
            Field::new(
                (words.hours)(&zone_label(contact, now, lang)),
                Text::lines(weekly),
                true,
            ),
        ],
    )
}

/// Open or closed now and when that changes, as instants that every reader sees in their own
/// time; plus today's holiday, if that is why it is closed.
pub fn status_line(status: &Status, lang: Lang) -> Text {
    let words = lang.words();
    let line = if status.open {
        Text::new()
            .plain("🟢 ")
            .then((words.open_until)(status.next_change))
    } else {
        Text::new()
            .plain("🔴 ")
            .then((words.closed_until)(status.next_change))
    };
    match status.closure {
        Some(Closure::Holiday(name)) => line
            .line_break()
            .then((words.closed_today)(Some((words.holiday)(name)))),
        Some(Closure::Closed) => line.line_break().then((words.closed_today)(None)),
        None => line,
    }
}

/// "Geneva time, CET, UTC+01:00": the office's clock as it is at `now`.
fn zone_label(contact: &Contact, now: Timestamp, lang: Lang) -> String {
    let words = lang.words();
    let place = contact
        .location_in(lang)
        .map_or_else(|| words.office_time.to_owned(), |l| (words.place_time)(l));
    let tz = contact.schedule.zone().tz();
    let offset = utc_offset(tz.to_offset(now));
    let abbreviation = abbreviation(tz, now);
    // Fixed offsets have no name of their own: name them once.
    let list = words.list;
    if abbreviation == offset || abbreviation == "UTC" {
        format!("{place}{list}{offset}")
    } else {
        format!("{place}{list}{abbreviation}{list}{offset}")
    }
}

/// The bot's status line, e.g. "Customer care open · closes 12:00 CET". Presence text cannot
/// hold Discord timestamps, so times are the office's.
pub fn presence(contact: &Contact, status: &Status, now: Timestamp) -> String {
    let tz = contact.schedule.zone().tz();
    let state = if status.open { "open" } else { "closed" };
    let Some(change) = status.next_change else {
        return format!("{} {state}", contact.name);
    };
    let at = change.to_zoned(tz.clone());
    let same_day = at.date() == now.to_zoned(tz.clone()).date();
    let format = if same_day { "%H:%M" } else { "%a %H:%M" };
    let when = format!("{} {}", at.strftime(format), abbreviation(tz, change));
    let verb = if status.open { "closes" } else { "opens" };
    format!("{} {state} · {verb} {when}", contact.name)
}
