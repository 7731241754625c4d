//! The catalogue as Discord's application-command payload.

use serenity::all::{
    CommandOptionType, CommandType, CreateCommand, CreateCommandOption, InstallationContext,
    InteractionContext,
};

use crate::core::catalogue::{Catalogue, CommandKind, OptionKind};

/// Discord's name for the French locale.
const FRENCH: &str = "fr";

/// The body of the one bulk-overwrite `PUT` that registers every command.
///
/// Every command can be installed by a server or by a user (who then has it everywhere), and
/// works in servers, in the bot's DMs and in private channels; French users see French names
/// where natural and French descriptions everywhere.
pub fn registration(catalogue: &Catalogue) -> Vec<CreateCommand> {
    catalogue
        .commands()
        .iter()
        .map(|command| {
            let mut create = CreateCommand::new(&command.name)
                .integration_types(vec![InstallationContext::Guild, InstallationContext::User])
                .contexts(vec![
                    InteractionContext::Guild,
                    InteractionContext::BotDm,
                    InteractionContext::PrivateChannel,
                ]);
            if let Some(name) = &command.name_fr {
                create = create.name_localized(FRENCH, name);
            }
            match command.kind {
                CommandKind::Message => create.kind(CommandType::Message),
                CommandKind::Chat => {
                    create = create
                        .kind(CommandType::ChatInput)
                        .description(&command.description.english);
                    if let Some(french) = &command.description.french {
                        create = create.description_localized(FRENCH, french);
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
                            option = option.max_length(max);
                        }
                        if let Some(french) = &o.description.french {
                            option = option.description_localized(FRENCH, french);
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
