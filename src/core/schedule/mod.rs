//! Office hours: is customer care open at a given instant, and when does that change?
//!
//! Pure: the clock is passed in (`Schedule::status(now)`), so tests pin exact instants and only
//! the adapters read the real time. Hours are Geneva wall-clock times; each day's intervals are
//! turned into instants through the office's zone, so they follow summer time when the zone does.

mod holidays;
mod hours;
mod zone;

use std::collections::BTreeSet;

use jiff::civil::{Date, DateTime, Time};
use jiff::tz::AmbiguousOffset;
use jiff::{Timestamp, ToSpan};

pub use holidays::{easter, Holidays, CALENDARS};
pub use hours::{day_name, describe_days, Clock, HoursError, HoursLine, Minute};
pub use zone::{abbreviation, utc_offset, Zone};

/// Day names for English messages, Monday first.
pub const ENGLISH_DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/// How far ahead `status` looks for the next opening before it concludes there is none.
/// Four years outlasts any run of holidays and listed closures a real office has.
const HORIZON_DAYS: i32 = 4 * 366;

/// When the office is open: weekly hours in the office's zone, less holidays and closures.
#[derive(Debug, Clone)]
pub struct Schedule {
    zone: Zone,
    lines: Vec<HoursLine>,
    /// Each weekday's opening intervals (Monday first), sorted, with touching ones merged.
    week: [Vec<(Minute, Minute)>; 7],
    holidays: Holidays,
    closed: BTreeSet<Date>,
}

/// The answer to "can I call now?".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub open: bool,
    /// The opening that `now` falls in, while open.
    pub opening: Option<Opening>,
    /// When it closes if open, when it next opens if closed; `None` if it never opens again
    /// within the search horizon (a schedule with no hours, or closed for years).
    pub next_change: Option<Timestamp>,
    /// Why today (in the office's zone) has no hours at all, when a holiday or closure is the reason.
    pub closure: Option<Closure>,
}

/// One continuous stretch of opening, as instants.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Opening {
    pub start: Timestamp,
    pub end: Timestamp,
}

/// A day on which the office stays shut although its weekday has hours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Closure {
    Holiday(&'static str),
    /// A date listed in `closed`.
    Closed,
}

impl Schedule {
    /// Builds a schedule from checked parts; `lines` must not overlap (see [`HoursLine::overlap`]).
    pub fn new(
        zone: Zone,
        lines: Vec<HoursLine>,
        holidays: Holidays,
        closed: impl IntoIterator<Item = Date>,
    ) -> Self {
        let mut week: [Vec<(Minute, Minute)>; 7] = Default::default();
        for (weekday, intervals) in week.iter_mut().enumerate() {
            let mut day: Vec<_> = lines
                .iter()
                .filter(|l| l.on(weekday))
                .map(|l| (l.start, l.end))
                .collect();
            day.sort_unstable();
            for (start, end) in day {
                match intervals.last_mut() {
                    Some(last) if start <= last.1 => last.1 = last.1.max(end),
                    _ => intervals.push((start, end)),
                }
            }
        }
        Self {
            zone,
            lines,
            week,
            holidays,
            closed: closed.into_iter().collect(),
        }
    }

    pub fn zone(&self) -> &Zone {
        &self.zone
    }

    pub fn holidays(&self) -> Holidays {
        self.holidays
    }

    pub fn lines(&self) -> &[HoursLine] {
        &self.lines
    }

    /// The weekly hours grouped by days with identical hours: `("Mon–Fri", "09:00–12:00, 14:00–17:00")`.
    pub fn weekly(&self) -> Vec<(String, String)> {
        self.weekly_days()
            .into_iter()
            .map(|(days, times)| (describe_days(days, &ENGLISH_DAYS, ", "), times.join(", ")))
            .collect()
    }

    /// The weekly hours as groups of days (bit 0 for Monday) that share their opening times,
    /// for messages to name the days in their own language.
    pub fn weekly_days(&self) -> Vec<(u8, Vec<String>)> {
        let mut groups: Vec<(u8, &Vec<(Minute, Minute)>)> = Vec::new();
        for (weekday, intervals) in self.week.iter().enumerate() {
            if intervals.is_empty() {
                continue;
            }
            match groups.iter_mut().find(|(_, i)| *i == intervals) {
                Some((days, _)) => *days |= 1 << weekday,
                None => groups.push((1 << weekday, intervals)),
            }
        }
        groups
            .into_iter()
            .map(|(days, intervals)| {
                let times: Vec<String> = intervals
                    .iter()
                    .map(|&(s, e)| format!("{}–{}", Clock(s), Clock(e)))
                    .collect();
                (days, times)
            })
            .collect()
    }

    /// Whether the office is open at `now`, and when that changes.
    pub fn status(&self, now: Timestamp) -> Status {
        let today = self.zone.tz().to_datetime(now).date();
        let closure = self.closure_on(today);
        let next = self.openings_from(today).find(|o| o.end > now);
        match next {
            Some(opening) if opening.start <= now => Status {
                open: true,
                opening: Some(opening),
                next_change: Some(opening.end),
                closure,
            },
            next => Status {
                open: false,
                opening: None,
                next_change: next.map(|o| o.start),
                closure,
            },
        }
    }

    /// The holiday or listed closure on `date`, if any.
    pub fn closure_on(&self, date: Date) -> Option<Closure> {
        if self.closed.contains(&date) {
            return Some(Closure::Closed);
        }
        self.holidays.on(date).map(Closure::Holiday)
    }

    /// Openings in time order from the start of `first` on, with stretches that touch across
    /// midnight merged into one.
    fn openings_from(&self, first: Date) -> impl Iterator<Item = Opening> + '_ {
        let days = (0..HORIZON_DAYS).map_while(move |n| first.checked_add(n.days()).ok());
        let mut raw = days
            .filter(|&date| self.closure_on(date).is_none())
            .flat_map(move |date| {
                let weekday = usize::from(date.weekday().to_monday_zero_offset().unsigned_abs());
                self.week[weekday].iter().map(move |&(start, end)| Opening {
                    start: self.instant(date, start),
                    end: self.instant(date, end),
                })
            })
            .filter(|o| o.start < o.end)
            .peekable();
        std::iter::from_fn(move || {
            let mut opening = raw.next()?;
            while let Some(next) = raw.next_if(|n| n.start <= opening.end) {
                opening.end = opening.end.max(next.end);
            }
            Some(opening)
        })
    }

    /// The first instant at which the office's wall clock reads `minute` on `date`, or later.
    ///
    /// That is the natural reading of hours across DST switches: a time skipped by a spring gap
    /// happens at the switch itself (so an interval inside the gap is empty), and a time repeated
    /// in an autumn fold happens at its first occurrence.
    fn instant(&self, date: Date, minute: Minute) -> Timestamp {
        let midnight = DateTime::from_parts(date, Time::midnight());
        let dt = midnight
            .checked_add(i64::from(minute).minutes())
            .unwrap_or(midnight);
        let tz = self.zone.tz();
        let ambiguous = tz.to_ambiguous_timestamp(dt);
        let resolved = match ambiguous.offset() {
            AmbiguousOffset::Unambiguous { offset } => offset.to_timestamp(dt),
            AmbiguousOffset::Fold { before, .. } => before.to_timestamp(dt),
            AmbiguousOffset::Gap { after, .. } => after.to_timestamp(dt).map(|before_switch| {
                tz.following(before_switch)
                    .next()
                    .map_or(before_switch, |switch| switch.timestamp())
            }),
        };
        // Only datetimes at the very ends of jiff's range fail to convert; clamp to them.
        resolved.unwrap_or_else(|_| ambiguous.compatible().unwrap_or(Timestamp::MAX))
    }
}

#[cfg(test)]
mod tests;
