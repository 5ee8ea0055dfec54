//! Markdown footnotes are endnotes: numbered where they are referred to,
//! set after the sign-off, smaller than the body and flush left, on every
//! built-in layout.

mod support;

use handbill::layout;
use handbill::statement::Format;
use handbill::units::Length;

const STATEMENT: &str = "# Hands off the Mill Road estate\n\n\
On Monday the council voted to sell the estate to a private developer.[^sale] Two hundred \
families live there, many of them for thirty years or more. The council's own survey found \
the buildings sound.[^survey]\n\n\
We ask every councillor to vote against the sale at the next meeting,[^sale] and to meet \
the residents first. Rents on the estate are set by the council; a developer would set them \
by the market.\n\n\
In solidarity,\nMill Road Residents' Association\n\n\
[^sale]: Council minutes, 3 March 2026, item 7.\n\
[^survey]: Housing condition survey 2025, page 14: \"no structural defects found\", with \
the tables of every block on pages 15 to 31.\n";

use support::largest_size as size;

#[test]
fn footnotes_are_set_smaller_after_the_sign_off_on_every_layout() {
    for name in layout::builtin_names() {
        let layout = layout::load(name).unwrap();
        let c = support::compose_text(STATEMENT, Format::Markdown, &layout, "en");
        // Reading order: page by page, the lines as composed.
        let lines: Vec<(String, Length)> = c
            .pages
            .iter()
            .flat_map(|p| &p.lines)
            .map(|l| (l.line.text(), size(l)))
            .collect();
        let find = |needle: &str| {
            lines
                .iter()
                .position(|(t, _)| t.contains(needle))
                .unwrap_or_else(|| panic!("{name}: no line with {needle:?}: {lines:?}"))
        };
        let (body, signed, note) = (
            find("On Monday"),
            find("Association"),
            find("Council minutes"),
        );
        assert!(signed < note, "{name}: the note comes before the sign-off");
        assert!(
            lines.iter().any(|(t, _)| t.contains("developer.¹")),
            "{name}: the reference is not a superscript number"
        );
        let body_size = lines[body].1;
        for (text, s) in &lines[note..] {
            if text.contains("¹") || text.contains("²") || text.contains("pages 15") {
                assert!(
                    *s < body_size,
                    "{name}: note line {text:?} at {s:?}, the body at {body_size:?}"
                );
            }
        }
    }
}
