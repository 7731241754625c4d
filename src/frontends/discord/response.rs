//! The core's decisions as Discord interaction responses: a reply becomes an embed with
//! follow-up buttons and no mentions, ever; choices become an autocomplete response. Button ids
//! (`custom_id`) are made and read here too, since only Discord sees them.

use serenity::all::{
    AutocompleteChoice, ButtonStyle, Colour, CreateActionRow, CreateAllowedMentions,
    CreateAutocompleteResponse, CreateButton, CreateEmbed, CreateInteractionResponse,
    CreateInteractionResponseMessage, CreateMessage, CreateSelectMenu, CreateSelectMenuKind,
    CreateSelectMenuOption, ReactionType,
};

use super::limits::{
    BUTTONS_PER_ROW, BUTTON_LABEL, CONTENT, EMBED, EMBED_DESCRIPTION as DESCRIPTION, FIELDS,
    FIELD_NAME, FIELD_VALUE, OPTIONS, OPTION_LABEL, PLACEHOLDER, ROWS, TITLE,
};
use super::markup::render;
use crate::core::ids::{ChannelId, MessageId, UserId};
use crate::core::pipeline::Press;
use crate::core::reply::{Choice, Pick, Reply, Target, VoteKey};

/// Follow-up buttons carry this before the topic id, so their clicks can be told apart.
const TOPIC_BUTTON: &str = "topic:";
/// A helper's choice of the topic that answers a member's message.
const PICK: &str = "pick:";
/// 👍/👎 under an answer.
const VOTE: &str = "vote:";

/// The `custom_id` of the button that shows `topic`.
pub fn topic_button(topic: &str) -> String {
    format!("{TOPIC_BUTTON}{topic}")
}

/// The topic a button's `custom_id` shows; `None` for an id faqbot did not make.
pub fn button_topic(custom_id: &str) -> Option<&str> {
    custom_id.strip_prefix(TOPIC_BUTTON)
}

/// What a button or menu of faqbot's asks for, as far as its `custom_id` (and the option chosen
/// in a menu) tell: picks still need the link the interaction's server gives them.
#[derive(Debug, PartialEq, Eq)]
pub enum Pressed {
    Pick { topic: String, target: Target },
    Other(Press),
}

/// Reads a `custom_id` faqbot made; anything else is [`Press::Unknown`].
pub fn press(custom_id: &str, chosen: Option<&str>) -> Pressed {
    if let Some(topic) = button_topic(custom_id) {
        return Pressed::Other(Press::Topic(topic.to_owned()));
    }
    if let Some(rest) = custom_id.strip_prefix(PICK) {
        let parts: Vec<&str> = rest.split(':').collect();
        // A button names its topic; a menu's topic is the option chosen (menus are numbered,
        // as a message's ids must differ).
        let (topic, ids) = match (parts.as_slice(), chosen) {
            ([topic, a, c, m], None) => (Some((*topic).to_owned()), [*a, *c, *m]),
            ([a, c, m, _menu], Some(topic)) => (Some(topic.to_owned()), [*a, *c, *m]),
            _ => (None, ["", "", ""]),
        };
        let ids: Vec<u64> = ids.iter().filter_map(|id| id.parse().ok()).collect();
        if let (Some(topic), [author, channel, message]) = (topic, ids.as_slice()) {
            return Pressed::Pick {
                topic,
                target: Target {
                    author: UserId::new(*author),
                    channel: ChannelId::new(*channel),
                    message: MessageId::new(*message),
                },
            };
        }
        return Pressed::Other(Press::Unknown);
    }
    if let Some(rest) = custom_id.strip_prefix(VOTE) {
        let parts: Vec<&str> = rest.split(':').collect();
        if let [way @ ("up" | "down"), topic, key] = parts.as_slice() {
            if let Ok(question) = u64::from_str_radix(key, 16) {
                return Pressed::Other(Press::Vote {
                    helpful: *way == "up",
                    key: VoteKey {
                        topic: (*topic).to_owned(),
                        question,
                    },
                });
            }
        }
    }
    Pressed::Other(Press::Unknown)
}

/// A pick's `custom_id`: the button's topic, or the menu's number. With a 32-character topic id
/// and 20-digit ids it is exactly 100 characters, Discord's limit.
fn pick_id(choice: PickBy<'_>, target: &Target) -> String {
    let ids = format!("{}:{}:{}", target.author, target.channel, target.message);
    match choice {
        PickBy::Button(topic) => format!("{PICK}{topic}:{ids}"),
        PickBy::Menu(number) => format!("{PICK}{ids}:{number}"),
    }
}

#[derive(Clone, Copy)]
enum PickBy<'a> {
    Button(&'a str),
    Menu(usize),
}

fn vote_id(helpful: bool, key: &VoteKey) -> String {
    let way = if helpful { "up" } else { "down" };
    format!("{VOTE}{way}:{}:{:016x}", key.topic, key.question)
}

/// ISO blue, so answers are recognisable at a glance; private notices are grey.
const ANSWER: Colour = Colour::new(0x00_5E_B8);
const NOTICE: Colour = Colour::new(0x80_84_8E);

/// The parts of a message, shared by interaction responses and posts in a channel.
struct Parts {
    content: Option<String>,
    embed: CreateEmbed,
    rows: Vec<CreateActionRow>,
    mentions: CreateAllowedMentions,
}

fn parts(reply: &Reply) -> Parts {
    let description = cut(&render(&reply.body), DESCRIPTION);
    let title = reply.title.as_ref().map(|t| cut(&render(t), TITLE));
    let length = |text: &str| text.chars().count();
    // Each part fits its own limit; together they must fit the embed's. The answer and its
    // title always fit: the last fields (follow-ups, notes) give way.
    let mut room = EMBED - length(&description) - title.as_deref().map_or(0, length);
    let mut embed = CreateEmbed::new()
        .description(description)
        .colour(if reply.ephemeral() { NOTICE } else { ANSWER });
    if let Some(title) = title {
        embed = embed.title(title);
    }
    for field in reply.fields.iter().take(FIELDS) {
        let (name, value) = (
            cut(&render(&field.name), FIELD_NAME),
            cut(&render(&field.value), FIELD_VALUE),
        );
        let Some(left) = room.checked_sub(length(&name) + length(&value)) else {
            break;
        };
        room = left;
        embed = embed.field(name, value, field.inline);
    }
    // A pick shows one row of the closest topics and menus of every topic below (four menus of
    // 25 reach the 97 topics a FAQ may have); other replies up to three rows of buttons and
    // the votes.
    let button_rows = if reply.pick().is_some() { 1 } else { ROWS - 2 };
    let buttons: Vec<CreateButton> = reply
        .suggestions()
        .iter()
        .take(BUTTONS_PER_ROW * button_rows)
        .map(|s| {
            let id = match reply.pick() {
                Some(pick) => pick_id(PickBy::Button(&s.topic), &pick.target),
                None => topic_button(&s.topic),
            };
            CreateButton::new(id)
                .label(cut(&s.label, BUTTON_LABEL))
                .style(ButtonStyle::Secondary)
        })
        .collect();
    let mut rows: Vec<CreateActionRow> = buttons
        .chunks(BUTTONS_PER_ROW)
        .map(|row| CreateActionRow::Buttons(row.to_vec()))
        .collect();
    if let Some(Pick {
        target, menu, hint, ..
    }) = reply.pick()
    {
        let menus = menu.chunks(OPTIONS).take(ROWS - rows.len());
        let several = menu.len() > OPTIONS;
        for (number, topics) in menus.enumerate() {
            let options = topics
                .iter()
                .map(|s| CreateSelectMenuOption::new(cut(&s.label, OPTION_LABEL), s.topic.clone()))
                .collect();
            let first = number * OPTIONS + 1;
            let placeholder = if several {
                format!("{hint} ({first}–{})", first + topics.len() - 1)
            } else {
                (*hint).to_owned()
            };
            rows.push(CreateActionRow::SelectMenu(
                CreateSelectMenu::new(
                    pick_id(PickBy::Menu(number), target),
                    CreateSelectMenuKind::String { options },
                )
                .placeholder(cut(&placeholder, PLACEHOLDER)),
            ));
        }
    }
    if let Some(votes) = reply.votes() {
        rows.push(CreateActionRow::Buttons(vec![
            CreateButton::new(vote_id(true, &votes.key))
                .emoji(ReactionType::Unicode("👍".to_owned()))
                .label(votes.helpful)
                .style(ButtonStyle::Secondary),
            CreateButton::new(vote_id(false, &votes.key))
                .emoji(ReactionType::Unicode("👎".to_owned()))
                .label(votes.not_helpful)
                .style(ButtonStyle::Secondary),
        ]));
    }
    rows.truncate(ROWS);
    // Nothing the bot says may ping anyone but the member an answer is for, or the helpers'
    // role a note calls.
    let (content, mentions) = match (reply.called(), reply.addressed()) {
        (Some(role), _) => (
            Some(format!("<@&{role}>")),
            CreateAllowedMentions::new().roles([serenity::all::RoleId::new(role.get().max(1))]),
        ),
        (None, Some(addressed)) => {
            let intro = render(&addressed.intro);
            let content = format!("<@{}> {intro}", addressed.user)
                .trim_end()
                .to_owned();
            (
                Some(cut(&content, CONTENT)),
                CreateAllowedMentions::new()
                    .users([serenity::all::UserId::new(addressed.user.get().max(1))]),
            )
        }
        (None, None) => (None, CreateAllowedMentions::new()),
    };
    Parts {
        content,
        embed,
        rows,
        mentions,
    }
}

/// A reply to a command, a menu or a button click, as a new message.
pub fn message(reply: &Reply) -> CreateInteractionResponse {
    let Parts {
        content,
        embed,
        rows,
        mentions,
    } = parts(reply);
    let mut message = CreateInteractionResponseMessage::new()
        .embed(embed)
        .components(rows)
        .ephemeral(reply.ephemeral())
        .allowed_mentions(mentions);
    if let Some(content) = content {
        message = message.content(content);
    }
    CreateInteractionResponse::Message(message)
}

/// A reply posted in a channel (a forum post's thread) rather than to an interaction.
pub fn channel_message(reply: &Reply) -> CreateMessage {
    let Parts {
        content,
        embed,
        rows,
        mentions,
    } = parts(reply);
    let mut message = CreateMessage::new()
        .embed(embed)
        .components(rows)
        .allowed_mentions(mentions);
    if let Some(content) = content {
        message = message.content(content);
    }
    message
}

/// Autocomplete choices as Discord's response.
pub fn autocomplete(choices: Vec<Choice>) -> CreateInteractionResponse {
    let choices = choices
        .into_iter()
        .map(|c| AutocompleteChoice::new(c.name, c.value))
        .collect();
    CreateInteractionResponse::Autocomplete(CreateAutocompleteResponse::new().set_choices(choices))
}

/// `text` cut to `max` characters, marking the cut with an ellipsis.
fn cut(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut out: String = text.chars().take(max - 1).collect();
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::reply::{Doubt, Field, Shape, Suggestion};

    #[test]
    fn an_embed_never_holds_more_than_discord_accepts_in_all() {
        let reply = Reply {
            title: Some("t".repeat(300).into()),
            body: "b".repeat(5000).into(),
            fields: (0..4)
                .map(|n| Field::new(format!("Field {n}"), "v".repeat(1100), false))
                .collect(),
            shape: Shape::Notice,
        };
        let json = serde_json::to_value(message(&reply)).unwrap();
        let embed = &json["data"]["embeds"][0];
        let length = |v: &serde_json::Value| v.as_str().map_or(0, |s| s.chars().count());
        let fields = embed["fields"].as_array().unwrap();
        let total = length(&embed["title"])
            + length(&embed["description"])
            + fields
                .iter()
                .map(|f| length(&f["name"]) + length(&f["value"]))
                .sum::<usize>();
        assert!(total <= 6000, "{total} characters");
        assert_eq!(fields[0]["name"], "Field 0", "the first fields are kept");
        assert_eq!(length(&embed["description"]), 4096, "and the answer whole");
    }

    #[test]
    fn replies_become_embeds_with_buttons_and_no_mentions() {
        let reply = Reply {
            title: Some("Title".into()),
            body: "Body".into(),
            fields: vec![Field::new("Name", "x".repeat(2000), false)],
            shape: Shape::NoAnswer {
                doubt: Doubt::Unsure,
                closest: (0..7)
                    .map(|n| Suggestion {
                        topic: format!("t{n}"),
                        label: "L".repeat(120),
                    })
                    .collect(),
            },
        };
        let json = serde_json::to_value(message(&reply)).unwrap();
        assert_eq!(json["type"], 4);
        let data = &json["data"];
        assert_eq!(data["flags"], 64, "ephemeral");
        assert_eq!(data["allowed_mentions"]["parse"], serde_json::json!([]));
        assert_eq!(data["embeds"][0]["title"], "Title");
        assert_eq!(
            data["embeds"][0]["fields"][0]["value"]
                .as_str()
                .unwrap()
                .chars()
                .count(),
            1024
        );
        let rows = data["components"].as_array().unwrap();
        assert_eq!(rows.len(), 2, "five buttons a row");
        assert_eq!(rows[0]["components"][0]["custom_id"], "topic:t0");
        assert_eq!(
            rows[0]["components"][0]["label"]
                .as_str()
                .unwrap()
                .chars()
                .count(),
            80
        );
    }

    fn pick(topics: usize) -> Reply {
        let suggestion = |n: usize| Suggestion {
            topic: format!("topic-{n}"),
            label: format!("Question {n}?"),
        };
        Reply {
            title: Some("Which topic answers it?".into()),
            body: "Pick".into(),
            fields: Vec::new(),
            shape: Shape::Pick(Pick {
                doubt: Doubt::Refused,
                target: Target {
                    author: UserId::new(20),
                    channel: ChannelId::new(7),
                    message: MessageId::new(30),
                },
                closest: (0..3).map(suggestion).collect(),
                menu: (0..topics).map(suggestion).collect(),
                hint: "Or choose any topic…",
            }),
        }
    }

    #[test]
    fn every_topic_of_the_largest_faq_can_be_picked() {
        // 97 topics: the most a FAQ may have (100 chat commands less /ask, /faq, /hours).
        let json = serde_json::to_value(message(&pick(97))).unwrap();
        let rows = json["data"]["components"].as_array().unwrap();
        assert_eq!(rows.len(), 5, "one row of buttons, four menus");
        let mut offered = Vec::new();
        let mut ids = std::collections::HashSet::new();
        for row in rows {
            for component in row["components"].as_array().unwrap() {
                let id = component["custom_id"].as_str().unwrap();
                assert!(ids.insert(id.to_owned()), "unique ids: {id}");
                if component["type"] == 3 {
                    let options = component["options"].as_array().unwrap();
                    assert!((1..=25).contains(&options.len()));
                    for option in options {
                        let topic = option["value"].as_str().unwrap();
                        offered.push(topic.to_owned());
                        match press(id, Some(topic)) {
                            Pressed::Pick {
                                topic: chosen,
                                target,
                            } => {
                                assert_eq!(chosen, topic);
                                assert_eq!(
                                    (
                                        target.author.get(),
                                        target.channel.get(),
                                        target.message.get()
                                    ),
                                    (20, 7, 30)
                                );
                            }
                            other => panic!("{id}: {other:?}"),
                        }
                    }
                }
            }
        }
        assert_eq!(offered.len(), 97);
        assert_eq!(
            rows[1]["components"][0]["placeholder"],
            "Or choose any topic… (1–25)"
        );
        let single = serde_json::to_value(message(&pick(13))).unwrap();
        assert_eq!(
            single["data"]["components"][1]["components"][0]["placeholder"],
            "Or choose any topic…"
        );
    }

    #[test]
    fn pick_and_vote_ids_fit_discord() {
        let longest = "t".repeat(32);
        let target = Target {
            author: UserId::new(u64::MAX),
            channel: ChannelId::new(u64::MAX),
            message: MessageId::new(u64::MAX),
        };
        let button = pick_id(PickBy::Button(&longest), &target);
        assert_eq!(button.chars().count(), 100, "{button}");
        assert!(pick_id(PickBy::Menu(3), &target).chars().count() <= 100);
        let vote = vote_id(
            false,
            &VoteKey {
                topic: longest.clone(),
                question: u64::MAX,
            },
        );
        assert!(vote.chars().count() <= 100, "{vote}");
        match press(&button, None) {
            Pressed::Pick { topic, target } => {
                assert_eq!(topic, longest);
                assert_eq!(target.message.get(), u64::MAX);
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(
            press(&vote, None),
            Pressed::Other(Press::Vote {
                helpful: false,
                key: VoteKey {
                    topic: longest,
                    question: u64::MAX
                }
            })
        );
        assert_eq!(press("pick:oops", None), Pressed::Other(Press::Unknown));
        assert_eq!(
            press("vote:sideways:logo:1", None),
            Pressed::Other(Press::Unknown)
        );
    }

    #[test]
    fn button_ids_round_trip() {
        assert_eq!(button_topic(&topic_button("logo")), Some("logo"));
        assert_eq!(button_topic("something-else"), None);
    }

    #[test]
    fn choices_become_an_autocomplete_response() {
        let json = serde_json::to_value(autocomplete(vec![Choice {
            name: "Who runs ISO?".into(),
            value: "governance".into(),
        }]))
        .unwrap();
        assert_eq!(json["type"], 8);
        assert_eq!(json["data"]["choices"][0]["value"], "governance");
    }
}
