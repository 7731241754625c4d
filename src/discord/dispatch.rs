//! An interaction, from the gateway or the HTTP endpoint alike, to the core and back.

use jiff::Timestamp;
use serenity::all::{CreateInteractionResponse, GuildId, Interaction};

use super::response;
use crate::answers::Answers;

/// The response to one interaction, with what the logs say about it.
#[derive(Debug)]
pub struct Prepared {
    /// `command`, `autocomplete`, `button` or `ping`.
    pub kind: &'static str,
    /// The command's name or the button's id.
    pub name: String,
    pub guild: Option<GuildId>,
    pub response: CreateInteractionResponse,
}

/// What the bot answers to `interaction` at `now`; `None` for kinds it does not handle.
pub fn prepare(answers: &Answers, interaction: &Interaction, now: Timestamp) -> Option<Prepared> {
    let prepared = match interaction {
        Interaction::Ping(_) => Prepared {
            kind: "ping",
            name: String::new(),
            guild: None,
            response: CreateInteractionResponse::Pong,
        },
        Interaction::Command(c) => {
            let option = c.data.options.iter().find_map(|o| o.value.as_str());
            Prepared {
                kind: "command",
                name: c.data.name.clone(),
                guild: c.guild_id,
                response: response::message(&answers.command(&c.data.name, option, now)),
            }
        }
        Interaction::Autocomplete(c) => {
            let typed = c.data.autocomplete().map_or("", |o| o.value);
            Prepared {
                kind: "autocomplete",
                name: c.data.name.clone(),
                guild: c.guild_id,
                response: response::autocomplete(answers.autocomplete(&c.data.name, typed)),
            }
        }
        Interaction::Component(c) => Prepared {
            kind: "button",
            name: c.data.custom_id.clone(),
            guild: c.guild_id,
            response: response::message(&answers.button(&c.data.custom_id, now)),
        },
        _ => return None,
    };
    Some(prepared)
}
