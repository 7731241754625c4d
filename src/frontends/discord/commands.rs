//! The catalogue as Discord's application-command payload.

use serenity::all::{
    CommandOptionType, CommandType, CreateCommand, CreateCommandOption, InstallationContext,
    InteractionContext,
};

use crate::core::catalogue::Catalogue;

/// The body of the one bulk-overwrite `PUT` that registers every command.
///
/// The commands work in servers and in the bot's DMs; they are installed with the bot, so a
/// server admin controls them through Discord's own Integrations settings.
pub fn registration(catalogue: &Catalogue) -> Vec<CreateCommand> {
    catalogue
        .commands()
        .iter()
        .map(|command| {
            let options = command.options.iter().map(|o| {
                CreateCommandOption::new(CommandOptionType::String, o.name, o.description)
                    .required(o.required)
                    .set_autocomplete(o.autocomplete)
                    .max_length(o.max_length)
            });
            CreateCommand::new(&command.name)
                .kind(CommandType::ChatInput)
                .description(&command.description)
                .integration_types(vec![InstallationContext::Guild])
                .contexts(vec![InteractionContext::Guild, InteractionContext::BotDm])
                .set_options(options.collect())
        })
        .collect()
}
