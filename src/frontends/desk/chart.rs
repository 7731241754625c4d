//! The desk's two charts, drawn as inline SVG by faqbot itself: no script, no file from
//! outside the binary, readable without JavaScript and allowed by a strict
//! Content-Security-Policy (only presentation attributes and classes, never `style=`).

use maud::{html, Markup};

use crate::core::schedule::HoursLine;
use crate::ops::insights::{DayCount, SlotCount};

/// Questions per day for the `days` days ending `last` (UTC days, as insight counts them),
/// stacked by outcome: answered, unsure, refused.
pub fn daily(counts: &[DayCount], days: &[String]) -> Markup {
    const W: f64 = 720.0;
    const H: f64 = 180.0;
    const TOP: f64 = 12.0;
    const BOTTOM: f64 = 22.0;
    let count_of = |day: &str| counts.iter().find(|c| c.day == day);
    let most = days
        .iter()
        .filter_map(|d| count_of(d))
        .map(|c| c.answered + c.unsure + c.refused)
        .max()
        .unwrap_or(0)
        .max(1);
    let slot = W / days.len().max(1) as f64;
    let bar = (slot * 0.75).max(1.0);
    let scale = (H - TOP - BOTTOM) / most as f64;
    let base = H - BOTTOM;
    html! {
        svg class="chart" viewBox=(format!("0 0 {W} {H}")) role="img"
            aria-label="Questions per day by outcome" {
            line class="axis" x1="0" y1=(base) x2=(W) y2=(base) {}
            text class="tick" x="2" y=(TOP - 2.0) { (most) }
            @for (i, day) in days.iter().enumerate() {
                @let x = i as f64 * slot + (slot - bar) / 2.0;
                @for (class, n, y, h) in stack(count_of(day), base, scale) {
                    rect class=(class) x=(fmt(x)) y=(fmt(y)) width=(fmt(bar)) height=(fmt(h)) {
                        title { (day) ": " (n) " " (class) }
                    }
                }
                // Today, and every seventh day back from it.
                @if (days.len() - 1 - i).is_multiple_of(7) {
                    // Today's label ends at the chart's edge; the others are centred on their bar.
                    @let (anchor, at) = if i + 1 == days.len() { ("end", x + bar) } else { ("middle", x + bar / 2.0) };
                    text class="tick" x=(fmt(at)) y=(H - 6.0) text-anchor=(anchor) { (day.get(5..).unwrap_or(day)) }
                }
            }
        }
    }
}

/// A day's bars, bottom up: (outcome, count, top, height) of each outcome it had.
fn stack(day: Option<&DayCount>, base: f64, scale: f64) -> Vec<(&'static str, u64, f64, f64)> {
    let Some(c) = day else {
        return Vec::new();
    };
    let mut top = base;
    [
        ("answered", c.answered),
        ("unsure", c.unsure),
        ("refused", c.refused),
    ]
    .into_iter()
    .filter(|(_, n)| *n > 0)
    .map(|(class, n)| {
        let h = n as f64 * scale;
        top -= h;
        (class, n, top, h)
    })
    .collect()
}

/// The week grid: questions by weekday and hour in the contact's zone, darker for more, with
/// the opening hours outlined over it.
pub fn week(slots: &[SlotCount], hours: &[HoursLine], zone: &str) -> Markup {
    const LEFT: f64 = 34.0;
    const TOP: f64 = 16.0;
    const CELL: f64 = 26.0;
    const ROW: f64 = 22.0;
    const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    let mut per_slot = [0u64; 168];
    for s in slots {
        if let Some(n) = per_slot.get_mut(usize::from(s.slot)) {
            *n += s.count;
        }
    }
    let most = per_slot.iter().copied().max().unwrap_or(0).max(1);
    let width = LEFT + 24.0 * CELL;
    let height = TOP + 7.0 * ROW;
    html! {
        svg class="chart week" viewBox=(format!("0 0 {width} {height}")) role="img"
            aria-label=(format!("Questions by weekday and hour ({zone}), with the opening hours outlined")) {
            @for hour in (0..24).step_by(3) {
                text class="tick" x=(fmt(LEFT + f64::from(hour) * CELL + 2.0)) y=(TOP - 4.0) {
                    (format!("{hour:02}"))
                }
            }
            @for (day, name) in DAYS.iter().enumerate() {
                @let y = TOP + day as f64 * ROW;
                text class="tick" x="0" y=(fmt(y + ROW * 0.7)) { (name) }
                @for hour in 0..24 {
                    @let n = per_slot[day * 24 + hour];
                    // Five shades: none, then quarters of the busiest hour.
                    @let shade = if n == 0 { 0 } else { 1 + (4 * n - 1) / most };
                    rect class=(format!("cell s{shade}")) x=(fmt(LEFT + hour as f64 * CELL))
                        y=(fmt(y)) width=(fmt(CELL - 1.0)) height=(fmt(ROW - 1.0)) {
                        title { (name) " " (format!("{hour:02}:00")) ": " (n) }
                    }
                }
                @for line in hours.iter().filter(|l| l.on(day)) {
                    rect class="open" x=(fmt(LEFT + f64::from(line.start) / 60.0 * CELL))
                        y=(fmt(y + 1.0)) width=(fmt(f64::from(line.end - line.start) / 60.0 * CELL - 1.0))
                        height=(fmt(ROW - 3.0)) {}
                }
            }
        }
    }
}

/// Of the questions about reaching customer care, how many came while the line was closed,
/// and how many there were.
pub fn contact_while_closed(slots: &[SlotCount]) -> (u64, u64) {
    slots
        .iter()
        .filter(|s| s.contact)
        .fold((0, 0), |(closed, all), s| {
            (closed + if s.open { 0 } else { s.count }, all + s.count)
        })
}

/// A coordinate with one decimal: small markup, exact enough for a screen.
fn fmt(value: f64) -> String {
    format!("{:.1}", value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slot(slot: u8, contact: bool, open: bool, count: u64) -> SlotCount {
        SlotCount {
            slot,
            contact,
            open,
            count,
        }
    }

    #[test]
    fn the_week_grid_shades_hours_and_outlines_the_opening_hours() {
        let hours = [HoursLine::parse("mon-fri 09:00-12:00").unwrap()];
        // Monday 10:00 busiest; Sunday 23:00 once.
        let svg = week(
            &[slot(10, true, true, 4), slot(167, false, false, 1)],
            &hours,
            "Europe/Zurich",
        )
        .into_string();
        assert!(svg.contains("Mon 10:00: 4"), "{svg}");
        assert!(svg.contains("Sun 23:00: 1"));
        assert_eq!(
            svg.matches("class=\"open\"").count(),
            5,
            "one outline a weekday"
        );
        assert_eq!(svg.matches("cell s4").count(), 1);
        assert_eq!(svg.matches("cell s1").count(), 1);
        assert!(!svg.contains("style="), "the CSP allows no style attribute");
    }

    #[test]
    fn contact_questions_while_closed_are_counted_apart() {
        let slots = [
            slot(10, true, true, 3),
            slot(20, true, false, 2),
            slot(21, false, false, 9),
        ];
        assert_eq!(contact_while_closed(&slots), (2, 5));
    }

    #[test]
    fn days_stack_their_outcomes() {
        let days = vec!["2026-12-01".to_owned(), "2026-12-02".to_owned()];
        let counts = [DayCount {
            day: "2026-12-02".to_owned(),
            answered: 3,
            unsure: 1,
            refused: 2,
        }];
        let svg = daily(&counts, &days).into_string();
        assert!(svg.contains("2026-12-02: 3 answered"), "{svg}");
        assert!(svg.contains("2026-12-02: 2 refused"));
        assert_eq!(svg.matches("<rect").count(), 3);
    }
}
