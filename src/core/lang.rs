//! The languages faqbot speaks, and which one a Discord user gets.
//!
//! A [`Lang`] is the user's Discord locale (one of [`DISCORD_LOCALES`]): it picks the bot's own
//! words (a catalogue for each of `fr`, `de`, `es-ES`, `es-419`, `pt-BR`, `it`, `nl`, `ru`, `ja`,
//! `zh-CN` and `zh-TW`, English for every other locale) and the FAQ's translations, which
//! `faq.toml` may give for any locale.

/// A user's language: their Discord locale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lang {
    locale: &'static str,
}

impl Default for Lang {
    fn default() -> Self {
        Self::ENGLISH
    }
}

/// The languages the bot's own words are written in: one catalogue each, chosen by the
/// Discord locale (Spanish and Chinese as Discord splits them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Speaks {
    English,
    French,
    German,
    /// `es-ES`.
    Spanish,
    /// `es-419`: Latin American Spanish.
    LatinAmericanSpanish,
    /// `pt-BR`.
    Portuguese,
    Italian,
    Dutch,
    Russian,
    Japanese,
    /// `zh-CN`: simplified characters.
    SimplifiedChinese,
    /// `zh-TW`: traditional characters.
    TraditionalChinese,
}

impl Lang {
    /// US English: Discord's default locale, and what the bot falls back to.
    pub const ENGLISH: Self = Self { locale: "en-US" };
    pub const FRENCH: Self = Self { locale: "fr" };

    /// The language for a Discord locale (`fr`, `en-GB`, …), as the interaction gives it;
    /// English for one Discord does not know.
    pub fn of(locale: Option<&str>) -> Self {
        let Some(given) = locale else {
            return Self::ENGLISH;
        };
        // Discord writes `fr`; tolerate `fr-FR` or `fr_CA` from elsewhere.
        let known = |l: &str| DISCORD_LOCALES.iter().find(|k| k.eq_ignore_ascii_case(l));
        let base = given.split(['-', '_']).next().unwrap_or_default();
        match known(given).or_else(|| known(base)) {
            Some(locale) => Self { locale },
            None => Self::ENGLISH,
        }
    }

    /// The Discord locale, under which `faq.toml` files a translation.
    pub fn locale(self) -> &'static str {
        self.locale
    }

    /// The language part of the locale: `pt` for `pt-BR`.
    pub fn language(self) -> &'static str {
        self.locale.split('-').next().unwrap_or(self.locale)
    }

    /// Which of its languages the bot speaks to this user.
    pub fn speaks(self) -> Speaks {
        match self.locale {
            "fr" => Speaks::French,
            "de" => Speaks::German,
            "es-ES" => Speaks::Spanish,
            "es-419" => Speaks::LatinAmericanSpanish,
            "pt-BR" => Speaks::Portuguese,
            "it" => Speaks::Italian,
            "nl" => Speaks::Dutch,
            "ru" => Speaks::Russian,
            "ja" => Speaks::Japanese,
            "zh-CN" => Speaks::SimplifiedChinese,
            "zh-TW" => Speaks::TraditionalChinese,
            _ => Speaks::English,
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
    fn each_locale_gets_its_catalogue_and_the_others_english() {
        for fr in ["fr", "fr-FR", "fr_CA", "FR"] {
            assert_eq!(Lang::of(Some(fr)), Lang::FRENCH, "{fr}");
            assert_eq!(Lang::of(Some(fr)).speaks(), Speaks::French, "{fr}");
        }
        for en in [
            None,
            Some("en-US"),
            Some("en-GB"),
            Some("da"),
            Some(""),
            Some("xx"),
        ] {
            assert_eq!(Lang::of(en).speaks(), Speaks::English, "{en:?}");
        }
    }

    #[test]
    fn every_discord_locale_is_kept_for_translations() {
        for locale in DISCORD_LOCALES {
            assert_eq!(Lang::of(Some(locale)).locale(), locale);
        }
        assert_eq!(Lang::of(Some("pt-BR")).language(), "pt");
        assert_eq!(Lang::of(Some("klingon")), Lang::ENGLISH);
    }
}
