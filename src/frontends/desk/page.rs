//! The desk's HTML, written with maud: every value interpolated is escaped, so a question that
//! holds markup is shown as the text it is. The inbox's questions come masked
//! ([`keeper::inbox`] masks them: no id a Discord mention carries, nothing shaped like a token).

use jiff::tz::TimeZone;
use jiff::Timestamp;
use maud::{html, Markup, DOCTYPE};

use crate::core::inbox::Entry;
use crate::core::schedule::HoursLine;
use crate::ops::insights::Report;

use super::chart;

/// Everything one view of the desk shows.
#[derive(Debug)]
pub struct View {
    pub care: Care,
    /// Whether the bot answers now, as /healthz says.
    pub state: String,
    pub faq: FaqState,
    /// The last 30 days of insight, or why it cannot be read.
    pub report: Result<Report, String>,
    pub inbox: Vec<Entry>,
    /// Every topic, (id, question), for the Teach menus.
    pub topics: Vec<(String, String)>,
    pub tried: Option<Tried>,
    /// The days the daily chart covers, oldest first.
    pub days: Vec<String>,
    /// The session's form token.
    pub csrf: String,
    /// What the last action did.
    pub notice: Option<String>,
    /// Whether a password guards the desk (a Sign out button then).
    pub guarded: bool,
}

/// Customer care now.
#[derive(Debug)]
pub struct Care {
    pub name: String,
    pub phone: String,
    pub open: bool,
    pub next_change: Option<Timestamp>,
    pub zone: TimeZone,
    pub zone_name: String,
    pub hours: Vec<HoursLine>,
    /// The weekly hours as people read them.
    pub weekly: Vec<String>,
}

/// The FAQ in service.
#[derive(Debug)]
pub struct FaqState {
    pub topics: usize,
    pub examples: usize,
    pub learned: usize,
    /// The learned file, when faq.toml names one.
    pub learned_file: Option<String>,
}

/// What /ask answers to a question tried on the desk.
#[derive(Debug)]
pub struct Tried {
    pub question: String,
    /// `answered`, `unsure` or `refused`.
    pub outcome: &'static str,
    /// The topic answered with: (id, question).
    pub topic: Option<(String, String)>,
    pub score: f32,
    /// Runners-up or closest topics, best first: (id, question).
    pub others: Vec<(String, String)>,
}

/// The page's stylesheet, served from the binary at `/desk.css`.
pub const CSS: &str = include_str!("desk.css");

fn layout(title: &str, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="referrer" content="same-origin";
                title { (title) }
                link rel="stylesheet" href="/desk.css";
            }
            body { (body) }
        }
    }
}

/// An instant in the contact's zone and in UTC.
fn when(at: Timestamp, zone: &TimeZone, zone_name: &str) -> String {
    let local = at.to_zoned(zone.clone());
    format!(
        "{} {} ({} UTC)",
        local.strftime("%a %-d %b %H:%M"),
        zone_name,
        at.strftime("%H:%M")
    )
}

/// The desk.
pub fn desk(view: &View) -> Markup {
    let care = &view.care;
    let report = view.report.as_ref();
    layout(
        "faqbot — keeper's desk",
        html! {
            header {
                h1 { "faqbot " span.muted { "keeper's desk" } }
                @if view.guarded {
                    form method="post" action="/logout" class="inline" {
                        input type="hidden" name="csrf" value=(view.csrf);
                        button type="submit" class="quiet" { "Sign out" }
                    }
                }
            }
            @if let Some(notice) = &view.notice {
                p.notice role="status" { (notice) }
            }
            section.cards {
                div.card {
                    h2 { (care.name) }
                    p class=(if care.open { "big open" } else { "big closed" }) {
                        (if care.open { "Open now" } else { "Closed now" })
                    }
                    @if let Some(next) = care.next_change {
                        p { (if care.open { "Closes " } else { "Opens " }) (when(next, &care.zone, &care.zone_name)) }
                    }
                    p.muted { (care.phone) " · " (care.weekly.join("; ")) }
                }
                div.card {
                    h2 { "The bot" }
                    p class=(if view.state == "ok" { "big open" } else { "big closed" }) {
                        (if view.state == "ok" { "Answering" } else { view.state.as_str() })
                    }
                    p { (view.faq.topics) " topics · " (view.faq.examples) " examples · " (view.faq.learned) " taught" }
                    @match &view.faq.learned_file {
                        Some(file) => p.muted { "Teaching appends to " code { (file) } "; faq.toml is never edited." },
                        None => p.muted { "faq.toml names no learned file: add " code { "learned = \"learned.tsv\"" } " to teach from here." },
                    }
                }
            }
            section id="try" {
                h2 { "Try a question" }
                form method="get" action="/#try" class="row" {
                    input type="text" name="q" maxlength="300" placeholder="What would /ask answer to…"
                        value=[view.tried.as_ref().map(|t| t.question.as_str())];
                    button type="submit" { "Ask" }
                }
                @if let Some(tried) = &view.tried {
                    div.tried {
                        p {
                            span class=(format!("badge {}", tried.outcome)) { (tried.outcome) }
                            " score " (format!("{:.2}", tried.score))
                        }
                        @if let Some((id, question)) = &tried.topic {
                            p { "/" (id) " — " (question) }
                        }
                        @if !tried.others.is_empty() {
                            p.muted { (if tried.topic.is_some() { "Runners-up: " } else { "Closest: " })
                                @for (i, (id, _)) in tried.others.iter().enumerate() {
                                    @if i > 0 { ", " } "/" (id)
                                }
                            }
                        }
                    }
                }
            }
            section id="inbox" {
                h2 { "Inbox " span.muted { "— what faqbot did not answer well, last 30 days" } }
                @if view.inbox.is_empty() {
                    p.muted { "Nothing to teach: no question was refused, left unsure or marked not helpful." }
                } @else {
                    div.scroll {
                        table.inbox {
                            thead { tr { th { "Asked" } th { "Question" } th { "What happened" } th { "Teach or dismiss" } } }
                            tbody {
                                @for entry in &view.inbox {
                                    (inbox_row(entry, view))
                                }
                            }
                        }
                    }
                }
            }
            @match report {
                Ok(report) => {
                    section {
                        h2 { "Questions per day " span.muted { "— last 30 days, by outcome" } }
                        div.scroll { (chart::daily(&report.daily, &view.days)) }
                        p.legend { span.key.answered {} "answered " span.key.unsure {} "unsure " span.key.refused {} "refused" }
                    }
                    section id="week" {
                        h2 { "When people ask " span.muted { "— against when the line is open (" (care.zone_name) ")" } }
                        div.scroll { (chart::week(&report.week, &care.hours, &care.zone_name)) }
                        @let (closed, all) = chart::contact_while_closed(&report.week);
                        p {
                            @if all == 0 {
                                "No question about reaching customer care yet."
                            } @else {
                                strong { (closed * 100 / all) "%" } " of the " (all)
                                " questions about reaching customer care came while the line was closed."
                            }
                        }
                        p.legend { span.key.open-key {} "opening hours" }
                    }
                    section id="topics" {
                        h2 { "Topics " span.muted { "— shown, and whether they helped" } }
                        div.scroll {
                            table {
                                thead { tr { th { "Topic" } th.n { "Shown" } th.n { "Helpful" } th.n { "Not helpful" } } }
                                tbody {
                                    @for topic in &report.topics {
                                        @let votes = report.helpfulness.iter().find(|h| h.topic == topic.topic);
                                        tr {
                                            td { "/" (topic.topic) }
                                            td.n { (topic.answers) }
                                            td.n { (votes.map_or(0, |v| v.helpful)) }
                                            td.n { (votes.map_or(0, |v| v.unhelpful)) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                Err(why) => {
                    section { p.notice.error { "Insight cannot be read: " (why) } }
                }
            }
        },
    )
}

fn inbox_row(entry: &Entry, view: &View) -> Markup {
    // The helpers' most frequent pick, then the topic given that got 👎, is the menu's choice.
    let suggested = entry.picked.first().map(|p| p.topic.as_str());
    html! {
        tr {
            td.n { (entry.count) "×" }
            td {
                q { (entry.question) }
                @if entry.wordings > 1 { " " span.muted { "(" (entry.wordings) " wordings)" } }
            }
            td {
                @if entry.refused > 0 { span.badge.refused { "refused " (entry.refused) } " " }
                @if entry.unsure > 0 { span.badge.unsure { "unsure " (entry.unsure) } " " }
                @for u in &entry.unhelpful { span.badge.down { "not helpful " (u.count) "× on /" (u.topic) } " " }
                @for p in &entry.picked { span.badge.picked { "helper picked /" (p.topic) " " (p.count) } " " }
            }
            td {
                form method="post" action="/teach" class="row" {
                    input type="hidden" name="csrf" value=(view.csrf);
                    input type="hidden" name="question" value=(entry.question);
                    select name="topic" aria-label="Topic that answers it" {
                        option value="none" { "none (refuse)" }
                        @for (id, question) in &view.topics {
                            option value=(id) selected[suggested == Some(id.as_str())] title=(question) { "/" (id) }
                        }
                    }
                    button type="submit" { "Teach" }
                }
                form method="post" action="/dismiss" class="row" {
                    input type="hidden" name="csrf" value=(view.csrf);
                    input type="hidden" name="question" value=(entry.question);
                    button type="submit" class="quiet" { "Dismiss" }
                }
            }
        }
    }
}

/// The sign-in page of a desk with a password.
pub fn login(csrf: &str, notice: Option<&str>) -> Markup {
    layout(
        "faqbot — sign in",
        html! {
            main.login {
                h1 { "faqbot " span.muted { "keeper's desk" } }
                @if let Some(notice) = notice { p.notice.error role="alert" { (notice) } }
                form method="post" action="/login" {
                    input type="hidden" name="csrf" value=(csrf);
                    label for="password" { "Password" }
                    input type="password" id="password" name="password" autocomplete="current-password" required;
                    button type="submit" { "Sign in" }
                }
            }
        },
    )
}

/// The page of a desk that is shut: on an address other than loopback, with no password.
pub fn shut() -> Markup {
    layout(
        "faqbot — desk shut",
        html! {
            main.login {
                h1 { "The desk is shut" }
                p { "This listener is reachable from other machines, and no password is set." }
                p { "Write a password hash with " code { "faqbot password > /etc/faqbot/desk-password" }
                    " and name it with " code { "admin_password_file" } " in the config, or listen on "
                    code { "127.0.0.1" } " and reach the desk through an SSH tunnel." }
            }
        },
    )
}
