//! Trials of display lines kept across the compositions of one build.
//!
//! Fitting sets the whole leaflet again at each body size it tries, and
//! the head with it. A fitted headline is tried at up to thirty sizes
//! each time (see `compose::headline`), and nearly always the same thirty,
//! as its width and style do not change with the body: on the reference
//! statement's A4 leaflet, 188 trials a build, of which 30 differ. Each
//! trial prepares the headline again (its words set at that size, its
//! breaks priced by sense), most of the head's cost. Here a trial once
//! made is looked up instead. Only the trial is kept: the setting chosen
//! is prepared again, so that what preparing it reports (a fallback
//! font, a missing character) is reported by the setter of the
//! composition that keeps it.

use rustc_hash::FxHashMap;

use crate::error::Result;
use crate::statement::document::Span;
use crate::style::Fallback;
use crate::typeset::bidi::Direction;
use crate::typeset::linebreak::Params;
use crate::typeset::system_fonts::HanRegion;
use crate::units::Length;

use super::trial::Trial;
use super::types::{Paragraph, TextStyle};
use super::Setter;

/// Most trials kept: a headline's search makes some thirty for each
/// width it is set at, and a build sets it at a few widths. Past this
/// (a headline of a hundred words at every width a poster's fitting
/// tries), trials are made afresh; a kept one, its text and style cost
/// a few hundred bytes.
const MOST_KEPT: usize = 4096;

/// Trials already made, by the text, style and width they were made for.
#[derive(Debug, Default)]
pub struct KnownTrials {
    /// The setter's settings the trials were made with: when they change
    /// (the columns, and so the measure, of another fitting trial), the
    /// trials are forgotten.
    settings: Option<Settings>,
    /// By size and width, as bits: what differs most between trials.
    by_size: FxHashMap<(u64, u64), Vec<Known>>,
    /// Trials kept, in all.
    count: usize,
}

/// One trial and what it was made for.
#[derive(Debug)]
struct Known {
    spans: Vec<Span>,
    style: TextStyle,
    /// What the caller's preparation depends on besides the setter, the
    /// text and the style (see [`Setter::known_trial`]).
    key: String,
    trial: Trial,
}

/// What of a setter changes how a paragraph is prepared and broken. (Its
/// fonts, shaper and hyphenation patterns are the build's own.)
#[derive(Clone, Debug, PartialEq)]
struct Settings {
    params: Params,
    hyphen_penalty: f64,
    measure: Length,
    letter_shrink: bool,
    font_expansion: f64,
    fallback: Fallback,
    han: HanRegion,
    direction: Direction,
    one_letter_words: &'static str,
}

impl Settings {
    fn of(setter: &Setter) -> Settings {
        Settings {
            params: *setter.params,
            hyphen_penalty: setter.hyphen_penalty,
            measure: setter.measure,
            letter_shrink: setter.letter_shrink,
            font_expansion: setter.font_expansion,
            fallback: setter.fallback.clone(),
            han: setter.han,
            direction: setter.direction,
            one_letter_words: setter.one_letter_words,
        }
    }
}

/// The bits a trial is filed under.
fn slot(style: &TextStyle, width: Length) -> (u64, u64) {
    (style.size.to_pt().to_bits(), width.to_pt().to_bits())
}

impl Setter<'_> {
    /// How `spans` in `style`, made into a paragraph by `prepare`, break
    /// at `width` (see [`Setter::trial`]): looked up if a trial of the
    /// same text, style, `key` and width was made before with the same
    /// settings, else made and kept. `prepare` must depend on nothing but
    /// the setter, `spans`, `style` and what `key` names (the language a
    /// headline's breaks are priced in).
    pub fn known_trial(
        &mut self,
        spans: &[Span],
        style: &TextStyle,
        width: Length,
        key: &str,
        prepare: impl FnOnce(&mut Self) -> Result<Paragraph>,
    ) -> Result<Trial> {
        let settings = Settings::of(self);
        if self.known.settings.as_ref() != Some(&settings) {
            self.known.by_size.clear();
            self.known.count = 0;
            self.known.settings = Some(settings);
        }
        let slot = slot(style, width);
        let found = self.known.by_size.get(&slot).and_then(|kept| {
            kept.iter()
                .find(|k| k.key == key && k.style == *style && k.spans == spans)
        });
        if let Some(k) = found {
            return Ok(k.trial);
        }

        let p = prepare(self)?;
        let trial = self.trial(&p, width);
        if self.known.count < MOST_KEPT {
            self.known.count += 1;
            self.known.by_size.entry(slot).or_default().push(Known {
                spans: spans.to_vec(),
                style: style.clone(),
                key: key.to_string(),
                trial,
            });
        }
        Ok(trial)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::statement::document::Span;
    use crate::style::{Align, Color, FontRef};
    use crate::typeset::paragraph::TestBench;

    fn style(size: f64) -> TextStyle {
        TextStyle::display(
            FontRef::Family("sans".into()),
            true,
            Length::pt(size),
            Color::Gray(0.0),
            Align::Left,
        )
    }

    /// A trial made once is looked up, and gives what making it again
    /// gives; another size, width, text or key is made afresh.
    #[test]
    fn a_trial_is_made_once_for_each_text_style_width_and_key() {
        let mut bench = TestBench::new();
        let mut setter = bench.setter(Length::pt(500.0));
        let spans = [Span::plain("Fair rents now, repairs this year")];
        let mut made = 0;
        let mut trial = |setter: &mut Setter, spans: &[Span], size: f64, width: f64, key: &str| {
            setter
                .known_trial(spans, &style(size), Length::pt(width), key, |s| {
                    made += 1;
                    s.prepare(spans, &style(size), 1)
                })
                .unwrap()
        };
        let first = trial(&mut setter, &spans, 30.0, 200.0, "en");
        assert_eq!(trial(&mut setter, &spans, 30.0, 200.0, "en"), first);
        let p = setter.prepare(&spans, &style(30.0), 1).unwrap();
        assert_eq!(setter.trial(&p, Length::pt(200.0)), first);
        trial(&mut setter, &spans, 20.0, 200.0, "en");
        trial(&mut setter, &spans, 30.0, 300.0, "en");
        trial(&mut setter, &spans, 30.0, 200.0, "de");
        trial(
            &mut setter,
            &[Span::plain("Fair rents now")],
            30.0,
            200.0,
            "en",
        );
        // The first, and each that differs in one thing.
        assert_eq!(made, 5);
    }

    /// Trials made with other settings are forgotten: a narrower measure
    /// gives a word too wide for it break points a wider one does not.
    #[test]
    fn trials_are_forgotten_when_the_settings_change() {
        let mut bench = TestBench::new();
        let spans = [Span::plain("Fair rents now")];
        let mut made = 0;
        for measure in [500.0, 500.0, 100.0] {
            let mut setter = bench.setter(Length::pt(measure));
            setter
                .known_trial(&spans, &style(30.0), Length::pt(200.0), "en", |s| {
                    made += 1;
                    s.prepare(&spans, &style(30.0), 1)
                })
                .unwrap();
        }
        assert_eq!(made, 2);
    }
}
