//! Which face sets a character: the paragraph's own, else the first of the
//! fallback chain that has it, and the messages saying a fallback was used.

use crate::error::{Location, Note, Result, Warning};
use crate::script::is_ideographic;
use crate::statement::document::{Span, Style};
use crate::typeset::fonts::{sans_partner, Face, FaceId};
use unicode_script::{Script, UnicodeScript};

use super::chars::{is_mark, latin_greek_cyrillic};
use super::memo::{chain_slot, style_slot};
use super::types::TextStyle;
use super::Setter;

/// Whether `c` takes the face of the script around it (see
/// `Setter::face_with`): a figure, or punctuation a sentence in any
/// script may use and a writer types from the Latin keyboard row.
fn is_neutral(c: char) -> bool {
    c.is_ascii_digit() || ".,:;!?()%/".contains(c)
}

/// Whether `face` is of serif design, told by its name (see
/// [`Setter::sans_design`]).
fn is_serif(face: &Face) -> bool {
    face.name.contains("Serif")
}

impl Setter<'_> {
    /// The face for a style in the paragraph's family (`style` is the one
    /// [`Setter::prepare`] was given).
    pub fn face_for(&mut self, style: &TextStyle, span: Style) -> Result<FaceId> {
        let slot = style_slot(span);
        if let Some(id) = self.memo.own[slot] {
            return Ok(id);
        }
        let (id, _) = self.fonts.resolve(&style.font, span, self.layout_origin)?;
        self.memo.own[slot] = Some(id);
        Ok(id)
    }

    /// Whether the paragraph's own face (for `span`) is of sans design:
    /// told by its name, as fonts' own classification (OS/2 panose) is
    /// unreliable (Noto Naskh Arabic calls itself a sans there).
    pub(super) fn sans_design(&mut self, style: &TextStyle, span: Style) -> Result<bool> {
        let own = self.face_for(style, span)?;
        Ok(!is_serif(self.fonts.face(own)))
    }

    /// The face of the fallback chain's entry `k` for a style, in a
    /// paragraph of sans design or not (see [`sans_partner`]).
    pub(super) fn chain_face(&mut self, k: usize, span: Style, sans: bool) -> Result<FaceId> {
        let slot = chain_slot(span, sans);
        if let Some(&id) = self.memo.chain[slot].get(k) {
            return Ok(id);
        }
        // Entries are resolved in order (as `face_with` walks the chain),
        // so `k` is the next one.
        let entry = &self.fallback.fonts[k];
        let partner = if sans { sans_partner(entry) } else { None };
        let (id, _) = self.fonts.resolve_fallback(
            partner.as_ref().unwrap_or(entry),
            span,
            self.layout_origin,
        )?;
        self.memo.chain[slot].push(id);
        Ok(id)
    }

    /// The face a paragraph in `style` sets `c` in, its own or one of
    /// the fallback chain; `None` when no face has it.
    pub fn face_showing(&mut self, style: &TextStyle, c: char) -> Result<Option<FaceId>> {
        self.face_with(style, style.base, c)
    }

    /// A face able to show `c` in `span` style: the paragraph's own, else
    /// the first of the fallback chain that has it.
    pub(super) fn face_with(
        &mut self,
        style: &TextStyle,
        span: Style,
        c: char,
    ) -> Result<Option<FaceId>> {
        // Full-width punctuation (，。「」) that a Latin font also has is
        // drawn there to Latin proportions: it goes to a face made for the
        // Chinese or Japanese text around it, the first one's own if none is.
        if is_ideographic(c) {
            let found = self.first_face(style, span, c, |f| f.has_char('中'))?;
            if found.is_some() {
                return Ok(found);
            }
        }
        // Likewise a figure or a common mark in text mostly in a script
        // the own face lacks ("15" in a line of Tamil set in a Latin
        // serif stood out in the serif's figures beside the sans Tamil
        // letters): it goes to a face made for that script if one has it
        // (see [`Setter::main_letter`]). Noto Sans Thai, Khmer and Ethiopic have
        // no digits: theirs come from the first face of the same design
        // (Noto Sans beside Noto Sans Thai), not the body's serif.
        if let Some(letter) = self.main_letter.filter(|_| is_neutral(c)) {
            let found = self.first_face(style, span, c, |f| f.has_char(letter))?;
            if found.is_some() {
                return Ok(found);
            }
            if let Some(script_face) = self.first_face(style, span, letter, |_| true)? {
                let serif = is_serif(self.fonts.face(script_face));
                let found = self.first_face(style, span, c, |f| is_serif(f) == serif)?;
                if found.is_some() {
                    return Ok(found);
                }
            }
        }
        self.first_face(style, span, c, |_| true)
    }

    /// A letter of the script that most of the letters of `spans` are
    /// in, if the paragraph's own face in `style` lacks it: the text is
    /// then in a script the fallback chain sets (see
    /// `Setter::face_with`). `None` for text mostly in the own
    /// face's scripts, or in Chinese, Japanese, Korean, Arabic or Hebrew;
    /// for text without letters, the letter the setter already has.
    pub fn main_letter_of(&mut self, spans: &[Span], style: &TextStyle) -> Result<Option<char>> {
        let mut counts: Vec<(Script, usize, char)> = Vec::new();
        let mut letters = 0;
        for c in spans.iter().flat_map(|s| s.text.chars()) {
            if !c.is_alphabetic() || is_mark(c) {
                continue;
            }
            letters += 1;
            // An ASCII letter is Latin; the lookup is a binary search.
            let script = if c.is_ascii() {
                Script::Latin
            } else {
                c.script()
            };
            match counts.iter_mut().find(|e| e.0 == script) {
                Some(e) => e.1 += 1,
                None => counts.push((script, 1, c)),
            }
        }
        let Some(&(script, n, letter)) = counts.iter().max_by_key(|e| e.1) else {
            // Text without letters (a list's number, a paragraph of
            // figures) keeps the script of the text it goes with.
            return Ok(self.main_letter);
        };
        let own_scripts = [
            Script::Latin,
            Script::Greek,
            Script::Cyrillic,
            Script::Common,
            Script::Inherited,
        ];
        // Chinese, Japanese and Korean faces set their own punctuation
        // (see `face_with`). Arabic and Hebrew are left as they were: a
        // Naskh face's figures and full stop changed how the kashida
        // justifier and the line breaker weigh a line's end, and a
        // Persian list item ended on "ماه." alone.
        let apart = [
            Script::Han,
            Script::Hiragana,
            Script::Katakana,
            Script::Hangul,
            Script::Bopomofo,
            Script::Arabic,
            Script::Hebrew,
        ];
        if 2 * n <= letters || own_scripts.contains(&script) || apart.contains(&script) {
            return Ok(None);
        }
        let own = self.face_for(style, Style::default())?;
        Ok((!self.fonts.face(own).has_char(letter)).then_some(letter))
    }

    /// The first face, the paragraph's own then the chain's, that has `c`
    /// and `suits`.
    fn first_face(
        &mut self,
        style: &TextStyle,
        span: Style,
        c: char,
        suits: impl Fn(&Face) -> bool,
    ) -> Result<Option<FaceId>> {
        let own = self.face_for(style, span)?;
        let fits = |f: &Face| f.has_char(c) && suits(f);
        if fits(self.fonts.face(own)) {
            return Ok(Some(own));
        }
        let sans = self.sans_design(style, span)?;
        for k in 0..self.fallback.fonts.len() {
            let id = self.chain_face(k, span, sans)?;
            if fits(self.fonts.face(id)) {
                return Ok(Some(id));
            }
        }
        let system = self.system_face(style, span, c)?;
        Ok(system.filter(|&id| fits(self.fonts.face(id))))
    }

    /// A system face that has `c`, when the chain ends in `"system"`: one
    /// of serif design for a paragraph set in a serif face.
    pub(super) fn system_face(
        &mut self,
        style: &TextStyle,
        span: Style,
        c: char,
    ) -> Result<Option<FaceId>> {
        if !self.fallback.system {
            return Ok(None);
        }
        let serif = !self.sans_design(style, span)?;
        Ok(self.fonts.system_face(c, span, self.han, serif))
    }

    /// Says, once per pair of faces, that a character was set in a fallback
    /// face: a warning when the own font lacks a letter of the scripts it is
    /// made for (the letter then comes out in another design), else a note
    /// (another script, a symbol, an emoji: what the chain is for).
    pub(super) fn report_fallback(
        &mut self,
        style: &TextStyle,
        span: Style,
        used: FaceId,
        c: char,
        line: usize,
    ) -> Result<()> {
        let own = self.face_for(style, span)?;
        if own == used {
            return Ok(());
        }
        // A figure set in the face of the script around it is no fallback
        // when the own face has it (see `face_with`).
        if self.main_letter.is_some() && is_neutral(c) && self.fonts.face(own).has_char(c) {
            return Ok(());
        }
        let own_script = c.is_alphabetic() && latin_greek_cyrillic(c);
        if !own_script {
            // Said once per build for each fallback face, with a few of its
            // characters (see `fallback_note`).
            let seen = self
                .fallback_chars
                .entry(used)
                .or_insert((line, Vec::new()));
            if seen.1.len() < 4 && !seen.1.contains(&c) {
                seen.1.push(c);
            }
            return Ok(());
        }
        if !self.fallbacks_reported.insert((own, used)) {
            return Ok(());
        }
        let own_face = self.fonts.face(own);
        let at = Location::line(self.origin, line);
        let message = format!(
            "“{c}” (U+{:04X}) is not in {}; it and other such characters are set in {}",
            c as u32,
            own_face.name,
            self.fonts.face(used).name
        );
        self.warnings.push(Warning { at, message });
        Ok(())
    }

    /// One note naming the fallback fonts used and some characters each set.
    pub fn fallback_note(&self) -> Option<Note> {
        let (first, _) = self.fallback_chars.values().min_by_key(|(line, _)| *line)?;
        let mut used: Vec<_> = self.fallback_chars.iter().collect();
        used.sort_by_key(|(_, (line, _))| *line);
        let parts: Vec<String> = used
            .into_iter()
            .map(|(face, (_, chars))| {
                let shown: Vec<String> = chars.iter().map(char::to_string).collect();
                format!("{} in {}", shown.join(" "), self.fonts.face(*face).name)
            })
            .collect();
        Some(Note {
            at: Location::line(self.origin, *first),
            message: format!(
                "characters the text's fonts lack are set from the fallback chain: {}",
                parts.join("; ")
            ),
        })
    }
}
