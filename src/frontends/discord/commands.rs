//! The catalogue as Discord's application-command payload.

use serenity::all::{
    CommandOptionType, CommandType, CreateCommand, CreateCommandOption, InstallationContext,
    InteractionContext,
};

use crate::core::catalogue::{Catalogue, CommandKind, OptionKind, FRENCH};

/// The bodies of the one bulk-overwrite `PUT` per scope that registers every command.
#[derive(Debug, Clone)]
pub struct Payload {
    global: Vec<CreateCommand>,
    guild: Vec<CreateCommand>,
}

impl Payload {
    /// The body for every server and DM at once.
    pub fn global(&self) -> &[CreateCommand] {
        &self.global
    }

    /// The body for one server.
    pub fn guild(&self) -> &[CreateCommand] {
        &self.guild
    }
}

/// The catalogue as registration bodies.
///
/// Globally, every command can be installed by a server or by a user (who then has it
/// everywhere), and works in servers, in the bot's DMs and in private channels. Discord takes
/// installation types and contexts from global commands only: a guild's commands are that
/// guild's, and say neither. French users see French names where natural and French
/// descriptions everywhere.
pub fn registration(catalogue: &Catalogue) -> Payload {
    Payload {
        global: bodies(catalogue, true),
        guild: bodies(catalogue, false),
    }
}

fn bodies(catalogue: &Catalogue, global: bool) -> Vec<CreateCommand> {
    catalogue
        .commands()
        .iter()
        .map(|command| {
            let mut create = CreateCommand::new(&command.name);
            if global {
                create = create
                    .integration_types(vec![InstallationContext::Guild, InstallationContext::User])
                    .contexts(vec![
                        InteractionContext::Guild,
                        InteractionContext::BotDm,
                        InteractionContext::PrivateChannel,
                    ]);
            }
            for (locale, name) in &command.names {
                create = create.name_localized(*locale, name);
            }
            match command.kind {
                CommandKind::Message => create.kind(CommandType::Message),
                CommandKind::Chat => {
                    create = create
                        .kind(CommandType::ChatInput)
                        .description(&command.description.english);
                    for (locale, description) in &command.description.translations {
                        create = create.description_localized(*locale, description);
                    }
                    let options = command.options.iter().map(|o| {
                        let kind = match o.kind {
                            OptionKind::Text => CommandOptionType::String,
                            OptionKind::User => CommandOptionType::User,
                        };
                        let mut option =
                            CreateCommandOption::new(kind, o.name, &o.description.english)
                                .required(o.required)
                                .set_autocomplete(o.autocomplete);
                        if let Some(max) = o.max_length {
                            // Discord's own limit on a string option is far below u16's.
                            option = option.max_length(u16::try_from(max).unwrap_or(u16::MAX));
                        }
                        for (locale, description) in &o.description.translations {
                            option = option.description_localized(*locale, description);
                        }
                        if let Some(name) = o.name_fr {
                            option = option.name_localized(FRENCH, name);
                        }
                        option
                    });
                    create.set_options(options.collect())
                }
            }
        })
        .collect()
}
