//! The type sizes of a two-language leaflet's side written in Arabic
//! script: larger than the layout's, by how much smaller its letters are
//! drawn on their body (see [`crate::typeset::optical`]).
//!
//! A pair is set at one size so that neither language looks like the
//! poor relation. At one point size, though, Arabic looks about a sixth
//! smaller than the English beside it. So the size the two share is an
//! optical one. Each of the Arabic side's sizes (body, headline, meta
//! line, headings, band) is the layout's size times the scale of the font
//! that role is set in; only the body's `min-size` stays the layout's
//! (see [`Scales::apply`]). The pair is then fitted and set as before.

use super::tools::Tools;
use super::ComposeOptions;
use crate::error::Result;
use crate::layout::design::Design;
use crate::statement::document::Document;
use crate::style::{Align, FontRef};
use crate::typeset::fonts::FontBook;
use crate::typeset::optical::{arabic_scale, ARABIC_LETTER, LATIN_LETTER};
use crate::typeset::paragraph::TextStyle;
use unicode_script::{Script, UnicodeScript};

/// How much larger than the layout says each role's type is set.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Scales {
    body: f64,
    headline: f64,
    meta: f64,
    heading: f64,
    band: f64,
}

impl Scales {
    /// No role scaled.
    pub(super) const SAME: Scales = Scales {
        body: 1.0,
        headline: 1.0,
        meta: 1.0,
        heading: 1.0,
        band: 1.0,
    };

    /// The scales for `doc` set in `design`: measured on the fonts each
    /// role would set it in when most of its letters are Arabic script,
    /// else none. The fonts are lent and given back.
    pub(super) fn of(
        doc: &Document,
        design: &Design,
        opts: &ComposeOptions,
        fonts: FontBook,
    ) -> Result<(Scales, FontBook)> {
        // A layout that sets its body at one size has chosen that size:
        // both sides get it.
        if design.body.fit.is_none() || !mostly_arabic(doc) {
            return Ok((Scales::SAME, fonts));
        }
        let mut warnings = Vec::new();
        let mut tools = Tools::new(design, opts, &mut warnings, fonts, doc);
        let params = design.linebreak.params();
        // The regular face stands for its family: bold and regular of one
        // design share their proportions. A setter per font, as a setter
        // remembers its paragraph's faces.
        let mut scale = |font: &FontRef| -> Result<f64> {
            let mut setter = tools.setter(design, opts, &params, &mut warnings);
            let style = TextStyle::display(
                font.clone(),
                false,
                design.body.size,
                design.body.color,
                Align::Left,
            );
            let latin = setter.face_showing(&style, LATIN_LETTER)?;
            let arabic = setter.face_showing(&style, ARABIC_LETTER)?;
            Ok(match (latin, arabic) {
                (Some(l), Some(a)) => arabic_scale(setter.fonts.face(l), setter.fonts.face(a)),
                _ => 1.0,
            })
        };
        let scales = Scales {
            body: scale(&design.body.font)?,
            headline: scale(&design.headline.font)?,
            meta: scale(&design.meta.font)?,
            heading: scale(&design.heading.font)?,
            band: scale(&design.band.font)?,
        };
        Ok((scales, tools.fonts))
    }

    /// How much larger the body is set.
    pub(super) fn body(&self) -> f64 {
        self.body
    }

    /// How much larger the headline (and the subtitle with it) is set.
    pub(super) fn headline(&self) -> f64 {
        self.headline
    }

    /// `design` with each role's type sizes, and the spaces that go with
    /// them, times its scale. Margins, columns and rules stay: the page is
    /// the same paper.
    pub(super) fn apply(&self, design: &Design) -> Design {
        let mut d = design.clone();
        let k = self.body;
        let body = &mut d.body;
        body.size = body.size * k;
        body.leading = body.leading * k;
        body.paragraph_spacing = body.paragraph_spacing * k;
        body.indent = body.indent * k;
        // The smallest size stays the layout's: it is where text stops
        // being legible on this paper, and a side too long for its scaled
        // sizes may still fit there (see `pair`).
        if let Some(fit) = body.fit.as_mut() {
            fit.max_size = fit.max_size * k;
        }
        d.linebreak.emergency_stretch = d.linebreak.emergency_stretch * k;
        let k = self.headline;
        let headline = &mut d.headline;
        headline.size = headline.size * k;
        headline.leading = headline.leading * k;
        headline.space_after = headline.space_after * k;
        if let Some(fit) = headline.fit.as_mut() {
            fit.min_size = fit.min_size * k;
            fit.max_size = fit.max_size * k;
        }
        let k = self.meta;
        d.meta.size = d.meta.size * k;
        d.meta.space_after = d.meta.space_after * k;
        let k = self.heading;
        let heading = &mut d.heading;
        heading.size = heading.size * k;
        heading.space_before = heading.space_before * k;
        heading.space_after = heading.space_after * k;
        let k = self.band;
        d.band.size = d.band.size * k;
        d.band.leading = d.band.leading * k;
        d
    }
}

/// True when most of the letters of `doc` are Arabic script (Arabic,
/// Persian, Urdu and the other languages written in it).
fn mostly_arabic(doc: &Document) -> bool {
    let (mut arabic, mut letters) = (0usize, 0usize);
    for c in doc
        .blocks
        .iter()
        .flat_map(|b| &b.spans)
        .flat_map(|s| s.text.chars())
        .filter(|c| c.is_alphabetic())
    {
        letters += 1;
        arabic += usize::from(c.script() == Script::Arabic);
    }
    arabic * 2 > letters
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::units::Length;

    #[test]
    fn arabic_persian_and_urdu_are_arabic_script_latin_and_hebrew_not() {
        let mostly = |text: &str| {
            let doc = crate::statement::parse(text, crate::statement::Format::Plain, "t.txt")
                .unwrap()
                .document;
            mostly_arabic(&doc)
        };
        assert!(mostly("الماء حقّ لكل بيت"));
        assert!(mostly("حقوق سه ماه را پرداخت کنید"));
        assert!(mostly("ہر گھر کو صاف پانی"));
        // A few Latin words and digits in Arabic text change nothing.
        assert!(mostly("قدّمنا لشركة المياه عريضة وقّعها 412 ساكنًا Al-Nuzha"));
        assert!(!mostly("Water is a right for every home"));
        assert!(!mostly("לא נעזוב את שכונת הדר"));
    }

    #[test]
    fn type_grows_but_the_smallest_body_size_stays_the_layout_s() {
        let d = crate::layout::load("a5-flyer").unwrap().design;
        let scales = Scales {
            body: 1.2,
            headline: 1.1,
            ..Scales::SAME
        };
        let big = scales.apply(&d);
        let close = |a: Length, b: Length| (a - b).to_pt().abs() < 1e-9;
        assert!(close(big.body.size, d.body.size * 1.2));
        assert!(close(big.body.leading, d.body.leading * 1.2));
        assert!(close(big.headline.size, d.headline.size * 1.1));
        assert_eq!(big.meta, d.meta);
        let (fit, was) = (big.body.fit.unwrap(), d.body.fit.unwrap());
        assert_eq!(fit.min_size, was.min_size);
        assert!(close(fit.max_size, was.max_size * 1.2));
        assert_eq!(big.page, d.page);
    }
}
