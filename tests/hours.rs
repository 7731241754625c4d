//! `/hours` and `faqbot hours`: what a user is told at pinned instants, in both zone modes.

mod common;

use common::{faqbot, repo};
use faqbot::core::faq::Faq;
use faqbot::core::reply::{self, Lang, Reply, Text};
use faqbot::core::schedule::{Schedule, Zone};
use jiff::Timestamp;
use serde_json::{json, Value};

fn at(text: &str) -> Timestamp {
    text.parse().unwrap()
}

/// The shipped FAQ, optionally with its zone pinned to the literal published offset.
fn faq(zone: &str) -> Faq {
    let mut faq = Faq::embedded(&faqbot::frontends::discord::limits::LIMITS);
    let schedule = &faq.contact.schedule;
    faq.contact.schedule = Schedule::new(
        Zone::parse(zone).unwrap(),
        schedule.lines().to_vec(),
        schedule.holidays(),
        [],
    );
    faq
}

/// Both forms of a reply: the Discord markdown the adapter sends, and the terminal text.
fn show(reply: &Reply, faq: &Faq, now: Timestamp, lang: Lang) -> String {
    let mut out = common::discord_form(reply);
    out.push_str("--- terminal ---\n");
    out.push_str(&faqbot::frontends::terminal::reply(
        reply,
        faq.contact.schedule.zone().tz(),
        now,
        lang,
    ));
    out
}

#[test]
fn hours_replies() {
    for (name, zone, now) in [
        ("open_morning", "Europe/Zurich", "2026-11-25T10:15:00+01:00"),
        ("lunch_break", "Europe/Zurich", "2026-11-25T12:30:00+01:00"),
        (
            "friday_evening",
            "Europe/Zurich",
            "2026-11-27T18:00:00+01:00",
        ),
        ("christmas", "Europe/Zurich", "2026-12-25T10:00:00+01:00"),
        (
            "jeune_genevois",
            "Europe/Zurich",
            "2026-09-10T10:00:00+02:00",
        ),
        ("summer_open", "Europe/Zurich", "2026-07-06T07:30:00Z"),
        ("summer_fixed_offset", "UTC+01:00", "2026-07-06T07:30:00Z"),
    ] {
        let faq = faq(zone);
        let now = at(now);
        let status = faq.contact.schedule.status(now);
        let reply = reply::hours(&faq.contact, &status, now, Lang::ENGLISH);
        assert!(!reply.ephemeral());
        insta::assert_snapshot!(
            format!("hours_{name}"),
            show(&reply, &faq, now, Lang::ENGLISH)
        );
        let french = reply::hours(&faq.contact, &status, now, Lang::FRENCH);
        // Discord only: the command line speaks English.
        insta::assert_snapshot!(format!("hours_{name}_fr"), common::discord_form(&french));
    }
}

#[test]
fn the_contact_topic_shows_the_live_status() {
    let faq = faq("Europe/Zurich");
    let contact = faq.topic_id("contact").unwrap();
    let now = at("2026-11-25T10:15:00+01:00");
    let reply = reply::topic(&faq, contact, now, Lang::ENGLISH);
    insta::assert_snapshot!("topic_contact", show(&reply, &faq, now, Lang::ENGLISH));
    let french = reply::topic(&faq, contact, now, Lang::FRENCH);
    insta::assert_snapshot!("topic_contact_fr", common::discord_form(&french));
    let right_now = &reply.fields[0];
    assert_eq!(right_now.name, Text::from("Right now"));
    assert_eq!(
        right_now.value,
        reply::status_line(&faq.contact.schedule.status(now), Lang::ENGLISH)
    );

    let membership = reply::topic(
        &faq,
        faq.topic_id("membership").unwrap(),
        now,
        Lang::ENGLISH,
    );
    assert!(membership
        .fields
        .iter()
        .all(|f| f.name != Text::from("Right now")));
}

#[test]
fn presence_lines() {
    let faq = faq("Europe/Zurich");
    let presence = |now: &str| {
        let now = at(now);
        reply::presence(&faq.contact, &faq.contact.schedule.status(now), now)
    };
    assert_eq!(
        presence("2026-11-25T10:15:00+01:00"),
        "Customer care open · closes 12:00 CET"
    );
    assert_eq!(
        presence("2026-11-25T12:30:00+01:00"),
        "Customer care closed · opens 14:00 CET"
    );
    assert_eq!(
        presence("2026-11-27T18:00:00+01:00"),
        "Customer care closed · opens Mon 09:00 CET"
    );
    assert_eq!(
        presence("2026-07-06T07:30:00Z"),
        "Customer care open · closes 12:00 CEST"
    );
    let pinned = self::faq("UTC+01:00");
    let now = at("2026-07-06T07:30:00Z");
    assert_eq!(
        reply::presence(&pinned.contact, &pinned.contact.schedule.status(now), now),
        "Customer care closed · opens 09:00 UTC+01:00"
    );
}

fn hours_json(args: &[&str]) -> Value {
    let run = faqbot(repo(), args, &[]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(run.stdout.lines().count(), 1);
    serde_json::from_str(&run.stdout).unwrap()
}

#[test]
fn cli_christmas_opens_the_next_monday() {
    assert_eq!(
        hours_json(&["hours", "--at", "2026-12-25T10:00:00+01:00", "--json"]),
        json!({
            "open": false,
            "now": "2026-12-25T10:00:00+01:00",
            "next_change": "2026-12-28T09:00:00+01:00",
            "timezone": "Europe/Zurich",
            "closed_today": "Christmas Day",
        })
    );
}

#[test]
fn cli_the_monday_after_the_spring_switch_opens_at_nine_cest() {
    assert_eq!(
        hours_json(&["hours", "--at", "2026-03-30T08:30:00+02:00", "--json"]),
        json!({
            "open": false,
            "now": "2026-03-30T08:30:00+02:00",
            "next_change": "2026-03-30T09:00:00+02:00",
            "timezone": "Europe/Zurich",
            "closed_today": null,
        })
    );
}

#[test]
fn cli_accepts_any_rfc3339_instant() {
    let open = hours_json(&["hours", "--at", "2026-11-25T08:15:00Z", "--json"]);
    assert_eq!(open["open"], true);
    assert_eq!(open["now"], "2026-11-25T09:15:00+01:00");
    assert_eq!(open["next_change"], "2026-11-25T12:00:00+01:00");
    let lower = hours_json(&["hours", "--at", "2026-11-25t08:15:00.5z", "--json"]);
    assert_eq!(lower["open"], true);
}

#[test]
fn cli_without_at_answers_for_now() {
    let now = hours_json(&["hours", "--json"]);
    let reported: Timestamp = now["now"].as_str().unwrap().parse().unwrap();
    let age = Timestamp::now().duration_since(reported);
    assert!(
        age.as_secs() >= 0 && age.as_secs() < 60,
        "now is now: {reported}"
    );
    let next: Timestamp = now["next_change"].as_str().unwrap().parse().unwrap();
    assert!(next > reported);
}

#[test]
fn cli_human_form_reads_like_the_discord_reply() {
    let run = faqbot(repo(), &["hours", "--at", "2026-12-25T10:00:00+01:00"], &[]);
    assert_eq!(run.code, Some(0));
    insta::assert_snapshot!(run.stdout, @r"
    Customer care is closed
    🔴 Closed now · opens Monday 28 December 2026 09:00 CET (in 3 days)
    Closed today: Christmas Day

    Phone: +41 22 749 08 88
    Hours (Geneva time, CET, UTC+01:00):
      Mon–Fri: 09:00–12:00, 14:00–17:00
      Closed on Geneva public holidays.
    ");
}

#[test]
fn cli_a_malformed_instant_is_refused_with_the_format() {
    for bad in [
        "2026-12-25T10:00:00",
        "tomorrow",
        "2026-13-01T00:00:00Z",
        "",
    ] {
        let run = faqbot(repo(), &["hours", "--at", bad], &[]);
        assert_eq!(run.code, Some(2), "{bad}");
        assert!(
            run.stderr.contains(
                "expected an RFC 3339 instant with an offset or Z, e.g. 2026-12-25T10:00:00+01:00"
            ),
            "{bad}: {}",
            run.stderr
        );
    }
}

#[test]
fn any_instant_that_parses_gets_an_answer_and_others_exit_2() {
    for at in [
        "-000002-06-01T10:00:00Z",
        "0000-04-01T10:00:00Z",
        "9999-12-30T10:00:00+01:00",
    ] {
        let run = faqbot(repo(), &["hours", &format!("--at={at}"), "--json"], &[]);
        assert_eq!(run.code, Some(0), "{at}: {run:?}");
        let json: Value = serde_json::from_str(&run.stdout).unwrap();
        assert!(json["open"].is_boolean(), "{at}");
    }
    // Well formed but past what jiff reckons with: said so, not called malformed.
    for at in ["9999-12-31T23:59:59Z", "-009999-01-01T00:00:00Z"] {
        let beyond = faqbot(repo(), &["hours", &format!("--at={at}")], &[]);
        assert_eq!(beyond.code, Some(2));
        assert!(
            beyond.stderr.contains(&format!(
                "{at} is beyond the instants faqbot can reckon with (-009999-01-02T01:59:59Z to 9999-12-30T22:00:00Z)"
            )) && !beyond.stderr.contains("expected an RFC 3339 instant"),
            "{beyond:?}"
        );
    }
}
