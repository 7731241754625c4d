//! The languages faqbot speaks, and which one a Discord user gets.

/// A language faqbot speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    English,
    French,
}

impl Lang {
    /// The language for a Discord locale (`fr`, `en-GB`, …): French for French, English for
    /// everything else.
    pub fn of(locale: Option<&str>) -> Self {
        match locale {
            Some(l) if l == "fr" || l.starts_with("fr-") || l.starts_with("fr_") => Self::French,
            _ => Self::English,
        }
    }

    /// The Discord locale a FAQ's translations are filed under for this language.
    pub fn locale(self) -> &'static str {
        match self {
            Self::English => "en-US",
            Self::French => "fr",
        }
    }
}

/// Every locale Discord knows, as it names them: what `faq.toml` may file translations under.
pub const DISCORD_LOCALES: [&str; 32] = [
    "id", "da", "de", "en-GB", "en-US", "es-ES", "es-419", "fr", "hr", "it", "lt", "hu", "nl",
    "no", "pl", "pt-BR", "ro", "fi", "sv-SE", "vi", "tr", "cs", "el", "bg", "ru", "uk", "hi", "th",
    "zh-CN", "ja", "zh-TW", "ko",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_locales_get_french_and_everything_else_english() {
        for fr in ["fr", "fr-FR", "fr-CA"] {
            assert_eq!(Lang::of(Some(fr)), Lang::French, "{fr}");
        }
        for en in [None, Some("en-US"), Some("en-GB"), Some("de"), Some("")] {
            assert_eq!(Lang::of(en), Lang::English, "{en:?}");
        }
    }
}
