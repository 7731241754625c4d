//! The bare serenity bot faqbot measures itself against (`benches/round_trip.rs`): it connects
//! as faqbot does (token from `DISCORD_TOKEN`, the API at `DISCORD_API_URL` with serenity's
//! rate limiter off, no intents) and answers every slash command with one fixed response, the
//! JSON in `BARE_BOT_RESPONSE` (the benchmark hands it the very bytes faqbot sent for the same
//! command). Whatever faqbot costs beyond it is the price of deciding what to say.
//!
//! Built only for the benchmark: `cargo bench --bench round_trip --features bare-bot`.

use serenity::all::{
    ClientBuilder, Context, EventHandler, GatewayIntents, HttpBuilder, Interaction,
};

struct Answer(serde_json::Value);

#[serenity::async_trait]
impl EventHandler for Answer {
    async fn interaction_create(&self, ctx: Context, interaction: Interaction) {
        let Interaction::Command(command) = interaction else {
            return;
        };
        let sent = ctx
            .http
            .create_interaction_response(command.id, &command.token, &self.0, Vec::new())
            .await;
        if let Err(e) = sent {
            eprintln!("answering failed: {e}");
        }
    }
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let token = std::env::var("DISCORD_TOKEN")?;
    let response = serde_json::from_str(&std::env::var("BARE_BOT_RESPONSE")?)?;
    let mut http = HttpBuilder::new(&token);
    if let Ok(url) = std::env::var("DISCORD_API_URL") {
        http = http.proxy(url).ratelimiter_disabled(true);
    }
    let mut client = ClientBuilder::new_with_http(http.build(), GatewayIntents::empty())
        .event_handler(Answer(response))
        .await?;
    client.start_autosharded().await?;
    Ok(())
}
