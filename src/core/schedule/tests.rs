//! The schedule, as a table of instants and what a caller at that instant should be told.

use jiff::Timestamp;
use proptest::prelude::*;

use super::*;

fn schedule(zone: &str, hours: &[&str], holidays: Holidays, closed: &[&str]) -> Schedule {
    Schedule::new(
        Zone::parse(zone).unwrap(),
        hours.iter().map(|h| HoursLine::parse(h).unwrap()).collect(),
        holidays,
        closed.iter().map(|d| d.parse().unwrap()),
    )
}

/// ISO customer care as shipped: Geneva wall time, summer time included.
fn geneva() -> Schedule {
    schedule(
        "Europe/Zurich",
        &["mon-fri 09:00-12:00", "mon-fri 14:00-17:00"],
        Holidays::Geneva,
        &[],
    )
}

/// The same hours pinned to the literal published offset, UTC+1 all year.
fn fixed() -> Schedule {
    schedule(
        "UTC+01:00",
        &["mon-fri 09:00-12:00", "mon-fri 14:00-17:00"],
        Holidays::Geneva,
        &[],
    )
}

fn at(text: &str) -> Timestamp {
    text.parse().unwrap_or_else(|e| panic!("{text}: {e}"))
}

/// The next change written in the office's offset, as `faqbot hours --json` shows it.
fn next_change(schedule: &Schedule, status: &Status) -> String {
    let next = status.next_change.expect("the line opens again");
    next.to_zoned(schedule.zone().tz().clone())
        .strftime("%Y-%m-%dT%H:%M:%S%:z")
        .to_string()
}

/// (instant, open?, next change, closure named today)
type Case = (&'static str, bool, &'static str, Option<&'static str>);

fn check(schedule: &Schedule, cases: &[Case]) {
    for &(now, open, next, closure) in cases {
        let status = schedule.status(at(now));
        assert_eq!(status.open, open, "{now}: open");
        assert_eq!(next_change(schedule, &status), next, "{now}: next change");
        let named = match status.closure {
            Some(Closure::Holiday(name)) => Some(name),
            Some(Closure::Closed) => Some("closed"),
            None => None,
        };
        assert_eq!(named, closure, "{now}: closure");
        assert_eq!(status.opening.is_some(), open, "{now}: opening");
    }
}

#[test]
fn a_working_day_edge_by_edge() {
    check(
        &geneva(),
        &[
            (
                "2026-11-25T08:59:59+01:00",
                false,
                "2026-11-25T09:00:00+01:00",
                None,
            ),
            (
                "2026-11-25T09:00:00+01:00",
                true,
                "2026-11-25T12:00:00+01:00",
                None,
            ),
            (
                "2026-11-25T11:59:59+01:00",
                true,
                "2026-11-25T12:00:00+01:00",
                None,
            ),
            (
                "2026-11-25T12:00:00+01:00",
                false,
                "2026-11-25T14:00:00+01:00",
                None,
            ),
            (
                "2026-11-25T13:15:00+01:00",
                false,
                "2026-11-25T14:00:00+01:00",
                None,
            ),
            (
                "2026-11-25T14:00:00+01:00",
                true,
                "2026-11-25T17:00:00+01:00",
                None,
            ),
            (
                "2026-11-25T16:59:59+01:00",
                true,
                "2026-11-25T17:00:00+01:00",
                None,
            ),
            (
                "2026-11-25T17:00:00+01:00",
                false,
                "2026-11-26T09:00:00+01:00",
                None,
            ),
            (
                "2026-11-25T23:59:59+01:00",
                false,
                "2026-11-26T09:00:00+01:00",
                None,
            ),
            (
                "2026-11-26T00:00:00+01:00",
                false,
                "2026-11-26T09:00:00+01:00",
                None,
            ),
            // The same instant written in another zone is the same instant.
            (
                "2026-11-25T08:30:00Z",
                true,
                "2026-11-25T12:00:00+01:00",
                None,
            ),
            (
                "2026-11-25T04:00:00-05:00",
                true,
                "2026-11-25T12:00:00+01:00",
                None,
            ),
        ],
    );
}

#[test]
fn weekends() {
    check(
        &geneva(),
        &[
            (
                "2026-11-27T17:00:00+01:00",
                false,
                "2026-11-30T09:00:00+01:00",
                None,
            ),
            (
                "2026-11-28T10:00:00+01:00",
                false,
                "2026-11-30T09:00:00+01:00",
                None,
            ),
            (
                "2026-11-29T23:59:59+01:00",
                false,
                "2026-11-30T09:00:00+01:00",
                None,
            ),
            (
                "2026-11-30T09:00:00+01:00",
                true,
                "2026-11-30T12:00:00+01:00",
                None,
            ),
        ],
    );
}

#[test]
fn every_geneva_holiday_of_2026_and_2027() {
    check(
        &geneva(),
        &[
            (
                "2026-01-01T10:00:00+01:00",
                false,
                "2026-01-02T09:00:00+01:00",
                Some("New Year's Day"),
            ),
            (
                "2026-04-02T17:00:00+02:00",
                false,
                "2026-04-07T09:00:00+02:00",
                None,
            ),
            (
                "2026-04-03T10:00:00+02:00",
                false,
                "2026-04-07T09:00:00+02:00",
                Some("Good Friday"),
            ),
            (
                "2026-04-06T10:00:00+02:00",
                false,
                "2026-04-07T09:00:00+02:00",
                Some("Easter Monday"),
            ),
            (
                "2026-05-14T10:00:00+02:00",
                false,
                "2026-05-15T09:00:00+02:00",
                Some("Ascension Day"),
            ),
            (
                "2026-05-25T10:00:00+02:00",
                false,
                "2026-05-26T09:00:00+02:00",
                Some("Whit Monday"),
            ),
            (
                "2026-08-01T10:00:00+02:00",
                false,
                "2026-08-03T09:00:00+02:00",
                Some("Swiss National Day"),
            ),
            (
                "2026-09-10T10:00:00+02:00",
                false,
                "2026-09-11T09:00:00+02:00",
                Some("Jeûne genevois"),
            ),
            (
                "2026-12-24T16:30:00+01:00",
                true,
                "2026-12-24T17:00:00+01:00",
                None,
            ),
            (
                "2026-12-25T10:00:00+01:00",
                false,
                "2026-12-28T09:00:00+01:00",
                Some("Christmas Day"),
            ),
            (
                "2026-12-31T10:00:00+01:00",
                false,
                "2027-01-04T09:00:00+01:00",
                Some("Restauration de la République"),
            ),
            (
                "2027-01-01T00:00:00+01:00",
                false,
                "2027-01-04T09:00:00+01:00",
                Some("New Year's Day"),
            ),
            (
                "2027-03-26T10:00:00+01:00",
                false,
                "2027-03-30T09:00:00+02:00",
                Some("Good Friday"),
            ),
            (
                "2027-03-29T10:00:00+02:00",
                false,
                "2027-03-30T09:00:00+02:00",
                Some("Easter Monday"),
            ),
            (
                "2027-05-06T10:00:00+02:00",
                false,
                "2027-05-07T09:00:00+02:00",
                Some("Ascension Day"),
            ),
            (
                "2027-05-17T10:00:00+02:00",
                false,
                "2027-05-18T09:00:00+02:00",
                Some("Whit Monday"),
            ),
            (
                "2027-08-01T10:00:00+02:00",
                false,
                "2027-08-02T09:00:00+02:00",
                Some("Swiss National Day"),
            ),
            (
                "2027-09-09T10:00:00+02:00",
                false,
                "2027-09-10T09:00:00+02:00",
                Some("Jeûne genevois"),
            ),
            (
                "2027-12-24T16:00:00+01:00",
                true,
                "2027-12-24T17:00:00+01:00",
                None,
            ),
            (
                "2027-12-25T10:00:00+01:00",
                false,
                "2027-12-27T09:00:00+01:00",
                Some("Christmas Day"),
            ),
            (
                "2027-12-31T10:00:00+01:00",
                false,
                "2028-01-03T09:00:00+01:00",
                Some("Restauration de la République"),
            ),
        ],
    );
}

#[test]
fn spring_switch_week_follows_geneva_wall_time() {
    // Summer time starts on Sunday 29 March 2026 at 02:00 CET.
    check(
        &geneva(),
        &[
            (
                "2026-03-27T08:00:00Z",
                true,
                "2026-03-27T12:00:00+01:00",
                None,
            ),
            (
                "2026-03-27T16:00:00Z",
                false,
                "2026-03-30T09:00:00+02:00",
                None,
            ),
            (
                "2026-03-29T01:30:00Z",
                false,
                "2026-03-30T09:00:00+02:00",
                None,
            ),
            (
                "2026-03-30T08:30:00+02:00",
                false,
                "2026-03-30T09:00:00+02:00",
                None,
            ),
            (
                "2026-03-30T06:59:59Z",
                false,
                "2026-03-30T09:00:00+02:00",
                None,
            ),
            (
                "2026-03-30T07:00:00Z",
                true,
                "2026-03-30T12:00:00+02:00",
                None,
            ),
            (
                "2026-03-30T15:00:00Z",
                false,
                "2026-03-31T09:00:00+02:00",
                None,
            ),
        ],
    );
}

#[test]
fn autumn_switch_week_follows_geneva_wall_time() {
    // Summer time ends on Sunday 25 October 2026 at 03:00 CEST.
    check(
        &geneva(),
        &[
            (
                "2026-10-23T07:00:00Z",
                true,
                "2026-10-23T12:00:00+02:00",
                None,
            ),
            (
                "2026-10-23T15:00:00Z",
                false,
                "2026-10-26T09:00:00+01:00",
                None,
            ),
            (
                "2026-10-25T01:30:00Z",
                false,
                "2026-10-26T09:00:00+01:00",
                None,
            ),
            (
                "2026-10-26T07:59:59Z",
                false,
                "2026-10-26T09:00:00+01:00",
                None,
            ),
            (
                "2026-10-26T08:00:00Z",
                true,
                "2026-10-26T12:00:00+01:00",
                None,
            ),
        ],
    );
}

#[test]
fn a_fixed_offset_ignores_summer_time() {
    let fixed = fixed();
    check(
        &fixed,
        &[
            // 09:30 in Geneva in July is 08:30 at UTC+1: not open yet.
            (
                "2026-07-06T07:30:00Z",
                false,
                "2026-07-06T09:00:00+01:00",
                None,
            ),
            (
                "2026-07-06T08:00:00Z",
                true,
                "2026-07-06T12:00:00+01:00",
                None,
            ),
            (
                "2026-03-30T07:30:00Z",
                false,
                "2026-03-30T09:00:00+01:00",
                None,
            ),
            (
                "2026-10-26T08:00:00Z",
                true,
                "2026-10-26T12:00:00+01:00",
                None,
            ),
            (
                "2026-12-25T10:00:00+01:00",
                false,
                "2026-12-28T09:00:00+01:00",
                Some("Christmas Day"),
            ),
            (
                "2026-12-31T16:00:00+01:00",
                false,
                "2027-01-04T09:00:00+01:00",
                Some("Restauration de la République"),
            ),
        ],
    );
    check(
        &geneva(),
        &[(
            "2026-07-06T07:30:00Z",
            true,
            "2026-07-06T12:00:00+02:00",
            None,
        )],
    );
}

#[test]
fn listed_closures_shut_the_office() {
    let schedule = schedule(
        "Europe/Zurich",
        &["mon-fri 09:00-12:00", "mon-fri 14:00-17:00"],
        Holidays::Geneva,
        &["2026-12-24", "2026-12-28"],
    );
    check(
        &schedule,
        &[
            (
                "2026-12-23T17:00:00+01:00",
                false,
                "2026-12-29T09:00:00+01:00",
                None,
            ),
            (
                "2026-12-24T10:00:00+01:00",
                false,
                "2026-12-29T09:00:00+01:00",
                Some("closed"),
            ),
        ],
    );
}

#[test]
fn a_schedule_that_never_opens_says_so() {
    let never = schedule("Europe/Zurich", &[], Holidays::Geneva, &[]);
    let status = never.status(at("2026-11-25T10:00:00Z"));
    assert!(!status.open);
    assert_eq!(status.next_change, None);
}

#[test]
fn touching_intervals_make_one_opening_even_across_midnight() {
    let late = schedule(
        "Europe/Zurich",
        &[
            "mon-fri 22:00-24:00",
            "tue-sat 00:00-02:00",
            "mon 08:00-10:00",
            "mon 10:00-12:00",
        ],
        Holidays::None,
        &[],
    );
    check(
        &late,
        &[
            (
                "2026-11-23T09:00:00+01:00",
                true,
                "2026-11-23T12:00:00+01:00",
                None,
            ),
            (
                "2026-11-23T23:00:00+01:00",
                true,
                "2026-11-24T02:00:00+01:00",
                None,
            ),
            (
                "2026-11-24T01:00:00+01:00",
                true,
                "2026-11-24T02:00:00+01:00",
                None,
            ),
            (
                "2026-11-24T02:00:00+01:00",
                false,
                "2026-11-24T22:00:00+01:00",
                None,
            ),
            (
                "2026-11-28T01:59:59+01:00",
                true,
                "2026-11-28T02:00:00+01:00",
                None,
            ),
        ],
    );
}

#[test]
fn hours_cut_by_the_spring_gap_start_at_the_switch() {
    // On 29 March 2026 the clocks in Geneva jump from 02:00 to 03:00.
    let gap = schedule("Europe/Zurich", &["sun 01:30-02:30"], Holidays::None, &[]);
    let status = gap.status(at("2026-03-29T00:45:00Z"));
    assert!(status.open, "01:45 CET is inside the hours");
    assert_eq!(
        status.next_change,
        Some(at("2026-03-29T01:00:00Z")),
        "closes at the jump"
    );

    // An interval wholly inside the gap never happens that day.
    let inside = schedule("Europe/Zurich", &["sun 02:00-03:00"], Holidays::None, &[]);
    let status = inside.status(at("2026-03-28T12:00:00Z"));
    assert!(!status.open);
    assert_eq!(next_change(&inside, &status), "2026-04-05T02:00:00+02:00");
}

#[test]
fn hours_in_the_autumn_fold_start_at_the_first_occurrence() {
    // On 25 October 2026 the clocks go back from 03:00 CEST to 02:00 CET: 02:00-03:00 happens twice.
    let fold = schedule("Europe/Zurich", &["sun 02:00-03:00"], Holidays::None, &[]);
    let status = fold.status(at("2026-10-24T12:00:00Z"));
    assert_eq!(next_change(&fold, &status), "2026-10-25T02:00:00+02:00");
    let status = fold.status(at("2026-10-25T00:00:00Z"));
    assert!(status.open);
    assert_eq!(
        status.next_change,
        Some(at("2026-10-25T02:00:00Z")),
        "open through both passes of the hour, until 03:00 CET"
    );
}

#[test]
fn weekly_hours_are_grouped_for_display() {
    let week = schedule(
        "Europe/Zurich",
        &[
            "mon-thu 09:00-12:00",
            "mon-thu 14:00-17:00",
            "fri 09:00-12:00",
            "sat 10:00-11:00",
        ],
        Holidays::None,
        &[],
    );
    assert_eq!(
        week.weekly(),
        [
            ("Mon–Thu".to_owned(), "09:00–12:00, 14:00–17:00".to_owned()),
            ("Fri".to_owned(), "09:00–12:00".to_owned()),
            ("Sat".to_owned(), "10:00–11:00".to_owned()),
        ]
    );
}

/// Instants from 2000 to 2100, to the second.
fn any_instant() -> impl Strategy<Value = Timestamp> {
    let from = at("2000-01-01T00:00:00Z").as_second();
    let to = at("2100-12-31T23:59:59Z").as_second();
    (from..to).prop_map(|s| Timestamp::from_second(s).unwrap())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// The next change is strictly later; the status holds until just before it and flips at it.
    #[test]
    fn status_holds_until_the_next_change_and_flips_there(
        now in any_instant(),
        pinned in any::<bool>(),
        fraction in 0.0f64..1.0,
    ) {
        let schedule = if pinned { fixed() } else { geneva() };
        let status = schedule.status(now);
        let next = status.next_change.expect("the line always opens again within the horizon");
        prop_assert!(next > now);
        let span = next.as_second() - now.as_second();
        let inside = Timestamp::from_second(now.as_second() + (span as f64 * fraction) as i64).unwrap();
        prop_assert_eq!(schedule.status(inside).open, status.open);
        let last = Timestamp::from_second(next.as_second() - 1).unwrap();
        prop_assert_eq!(schedule.status(last).open, status.open);
        prop_assert_eq!(schedule.status(next).open, !status.open);
        if let Some(opening) = status.opening {
            prop_assert!(opening.start <= now && now < opening.end);
        }
    }

    /// Any instant jiff can represent, from year -9999 to 9999, gets a status and a `/hours`
    /// reply: near the ends of time the next change may be unknown, never a panic.
    #[test]
    fn every_instant_jiff_supports_gets_an_answer(
        second in Timestamp::MIN.as_second()..=Timestamp::MAX.as_second(),
        pinned in any::<bool>(),
    ) {
        let now = Timestamp::from_second(second).unwrap();
        let schedule = if pinned { fixed() } else { geneva() };
        let status = schedule.status(now);
        if let Some(next) = status.next_change {
            prop_assert!(next > now);
        }
        static CONTACT: std::sync::LazyLock<crate::core::faq::Contact> =
            std::sync::LazyLock::new(|| crate::core::faq::Faq::embedded(&crate::core::limits::Limits::NONE).contact);
        let mut contact = CONTACT.clone();
        contact.schedule = schedule;
        let reply = crate::core::reply::hours(&contact, &status, now, crate::core::lang::Lang::ENGLISH);
        prop_assert!(reply.title.is_some());
    }

    /// Open exactly when the office's wall clock is within its hours on a working day.
    #[test]
    fn open_means_a_working_day_within_hours(now in any_instant()) {
        let schedule = geneva();
        let local = schedule.zone().tz().to_datetime(now);
        let minute = local.hour() as i32 * 60 + local.minute() as i32;
        let weekday = local.weekday().to_monday_zero_offset();
        let working = weekday < 5 && schedule.closure_on(local.date()).is_none();
        let within = (540..720).contains(&minute) || (840..1020).contains(&minute);
        prop_assert_eq!(schedule.status(now).open, working && within);
    }
}
