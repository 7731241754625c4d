//! Discord's ids, typed: a member, a channel, a message and a server are different things, and
//! a function that takes two of them cannot be handed them the wrong way round. The core knows
//! them as numbers only; what they point to is the front end's business.

use std::fmt;

macro_rules! id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(u64);

        impl $name {
            pub const fn new(id: u64) -> Self {
                Self(id)
            }

            pub const fn get(self) -> u64 {
                self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

id!(
    /// A Discord user: a member who asks, votes or is answered, or the bot itself.
    UserId
);
id!(
    /// A channel, thread or forum post (a forum post is a thread).
    ChannelId
);
id!(
    /// A message in a channel.
    MessageId
);
id!(
    /// A server.
    GuildId
);
id!(
    /// A server's role: the helpers a forum post faqbot cannot answer is handed to.
    RoleId
);
