//! The core's decisions as Discord interaction responses: a reply becomes an embed with
//! follow-up buttons and no mentions, ever; choices become an autocomplete response. Button ids
//! (`custom_id`) are made and read here too, since only Discord sees them.

use serenity::all::{
    AutocompleteChoice, ButtonStyle, Colour, CreateActionRow, CreateAllowedMentions,
    CreateAutocompleteResponse, CreateButton, CreateEmbed, CreateInteractionResponse,
    CreateInteractionResponseMessage,
};

use super::markup::render;
use crate::core::reply::{Choice, Reply};

/// Follow-up buttons carry this before the topic id, so their clicks can be told apart.
const TOPIC_BUTTON: &str = "topic:";

/// The `custom_id` of the button that shows `topic`.
pub fn topic_button(topic: &str) -> String {
    format!("{TOPIC_BUTTON}{topic}")
}

/// The topic a button's `custom_id` shows; `None` for an id faqbot did not make.
pub fn button_topic(custom_id: &str) -> Option<&str> {
    custom_id.strip_prefix(TOPIC_BUTTON)
}

/// Discord's limits on embeds and buttons, in characters.
const TITLE: usize = 256;
const DESCRIPTION: usize = 4096;
const FIELD_NAME: usize = 256;
const FIELD_VALUE: usize = 1024;
const FIELDS: usize = 25;
const BUTTON_LABEL: usize = 80;
const BUTTONS_PER_ROW: usize = 5;
const ROWS: usize = 5;

/// ISO blue, so answers are recognisable at a glance; private notices are grey.
const ANSWER: Colour = Colour::new(0x00_5E_B8);
const NOTICE: Colour = Colour::new(0x80_84_8E);

/// A reply to a command or a button click, as a new message.
pub fn message(reply: &Reply) -> CreateInteractionResponse {
    let mut embed = CreateEmbed::new()
        .description(cut(&render(&reply.body), DESCRIPTION))
        .colour(if reply.ephemeral { NOTICE } else { ANSWER });
    if let Some(title) = &reply.title {
        embed = embed.title(cut(&render(title), TITLE));
    }
    for field in reply.fields.iter().take(FIELDS) {
        embed = embed.field(
            cut(&render(&field.name), FIELD_NAME),
            cut(&render(&field.value), FIELD_VALUE),
            field.inline,
        );
    }
    let buttons: Vec<CreateButton> = reply
        .suggestions
        .iter()
        .take(BUTTONS_PER_ROW * ROWS)
        .map(|s| {
            CreateButton::new(topic_button(&s.topic))
                .label(cut(&s.label, BUTTON_LABEL))
                .style(ButtonStyle::Secondary)
        })
        .collect();
    let rows: Vec<CreateActionRow> = buttons
        .chunks(BUTTONS_PER_ROW)
        .map(|row| CreateActionRow::Buttons(row.to_vec()))
        .collect();
    CreateInteractionResponse::Message(
        CreateInteractionResponseMessage::new()
            .embed(embed)
            .components(rows)
            .ephemeral(reply.ephemeral)
            // Nothing the bot says may ping anyone, whatever text ends up in it.
            .allowed_mentions(CreateAllowedMentions::new()),
    )
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
    use crate::core::reply::{Field, Suggestion};

    #[test]
    fn replies_become_embeds_with_buttons_and_no_mentions() {
        let reply = Reply {
            title: Some("Title".into()),
            body: "Body".into(),
            fields: vec![Field::new("Name", "x".repeat(2000), false)],
            suggestions: (0..7)
                .map(|n| Suggestion {
                    topic: format!("t{n}"),
                    label: "L".repeat(120),
                })
                .collect(),
            ephemeral: true,
            ..Reply::default()
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
