//! "Can I call now?": the `/hours` reply, the live line under the contact topic, and the
//! bot's presence.

use jiff::Timestamp;

use super::{Field, Outcome, Reply, Text, TimeStyle};
use crate::core::faq::Contact;
use crate::core::schedule::{abbreviation, utc_offset, Closure, Holidays, Status};

/// The `/hours` reply for `status`, computed at `now`.
pub fn hours(contact: &Contact, status: &Status, now: Timestamp) -> Reply {
    let schedule = &contact.schedule;
    let title = format!(
        "{} is {}",
        contact.name,
        if status.open { "open" } else { "closed" }
    );
    let mut weekly: Vec<Text> = schedule
        .weekly()
        .into_iter()
        .map(|(days, times)| Text::from(format!("{days}: {times}")))
        .collect();
    if weekly.is_empty() {
        weekly.push(Text::from("No opening hours are set."));
    }
    if let Holidays::Geneva = schedule.holidays() {
        weekly.push(Text::from("Closed on Geneva public holidays."));
    }
    Reply {
        title: Some(Text::from(title)),
        body: status_line(status),
        fields: vec![
            Field::new("Phone", contact.phone.as_str(), true),
            Field::new(
                format!("Hours ({})", zone_label(contact, now)),
                Text::lines(weekly),
                true,
            ),
        ],
        suggestions: Vec::new(),
        ephemeral: false,
        outcome: Outcome::Answered,
        topic: None,
    }
}

/// Open or closed now and when that changes, as instants that every reader sees in their own
/// time; plus today's holiday, if that is why it is closed.
pub fn status_line(status: &Status) -> Text {
    let line = match (status.open, status.next_change) {
        (true, Some(end)) => Text::new()
            .plain("🟢 ")
            .strong("Open now")
            .plain(" · closes ")
            .time(end, TimeStyle::Time)
            .plain(" (")
            .time(end, TimeStyle::Relative)
            .plain(")"),
        (true, None) => Text::new().plain("🟢 ").strong("Open now"),
        (false, Some(start)) => Text::new()
            .plain("🔴 ")
            .strong("Closed now")
            .plain(" · opens ")
            .time(start, TimeStyle::DayDateTime)
            .plain(" (")
            .time(start, TimeStyle::Relative)
            .plain(")"),
        (false, None) => Text::new()
            .plain("🔴 ")
            .strong("Closed now")
            .plain(" · no opening is scheduled"),
    };
    match status.closure {
        Some(Closure::Holiday(name)) => line.line_break().plain(format!("Closed today: {name}")),
        Some(Closure::Closed) => line.line_break().plain("Closed today"),
        None => line,
    }
}

/// "Geneva time, CET, UTC+01:00": the office's clock as it is at `now`.
fn zone_label(contact: &Contact, now: Timestamp) -> String {
    let place = contact
        .location
        .as_deref()
        .map_or_else(|| "office time".to_owned(), |l| format!("{l} time"));
    let tz = contact.schedule.zone().tz();
    let offset = utc_offset(tz.to_offset(now));
    let abbreviation = abbreviation(tz, now);
    // Fixed offsets have no name of their own: name them once.
    if abbreviation == offset || abbreviation == "UTC" {
        format!("{place}, {offset}")
    } else {
        format!("{place}, {abbreviation}, {offset}")
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
