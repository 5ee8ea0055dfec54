//! Vertical spacing keys of the layout take effect where they say.

use handbill::compose::pages::PlacedLine;
use handbill::compose::{compose, ComposeOptions};
use handbill::layout::{self, Layout};
use handbill::statement::{parse, Format};

const STATEMENT: &str = "# Rents down now\n\n\
We met on Tuesday and agreed on three demands for the landlord.\n\n\
## What we ask\n\n\
Repairs first, then talks about the rent, and no evictions while we talk.\n";

/// A4 leaflet with the body size fixed (no fitting, which would scale the
/// spacing), and `body` and `heading` keys added.
fn layout_with(body: &str, heading: &str) -> Layout {
    layout::parse(
        &format!(
            "extends = \"a4-leaflet\"\n[body]\nfit = \"none\"\n{body}\n[heading]\n{heading}\n"
        ),
        "spacing.toml",
        std::path::Path::new(""),
    )
    .unwrap()
}

fn lines(layout: &Layout) -> Vec<PlacedLine> {
    let doc = parse(STATEMENT, Format::Markdown, "s.md").unwrap().document;
    let composed = compose(
        &doc,
        &layout.design,
        &ComposeOptions {
            layout: layout.name.clone(),
            lang: "en".into(),
            origin: "s.md".into(),
            ..Default::default()
        },
    )
    .unwrap();
    composed.pages.into_iter().flat_map(|p| p.lines).collect()
}

/// Baseline distance from the heading to the line after it.
fn gap_after_heading(layout: &Layout) -> f64 {
    let lines = lines(layout);
    let k = lines
        .iter()
        .position(|l| l.line.text().starts_with("What we ask"))
        .expect("the heading is set");
    (lines[k + 1].baseline - lines[k].baseline).to_pt()
}

#[test]
fn heading_space_after_sets_the_space_below_a_heading() {
    let tight = gap_after_heading(&layout_with("", "space-after = \"2pt\""));
    let loose = gap_after_heading(&layout_with("", "space-after = \"20pt\""));
    assert!(
        (loose - tight - 18.0).abs() < 0.01,
        "space-after 2pt → {tight:.2}pt, 20pt → {loose:.2}pt"
    );
}

#[test]
fn paragraph_spacing_does_not_reach_below_a_heading() {
    let a = gap_after_heading(&layout_with("paragraph-spacing = \"2pt\"", ""));
    let b = gap_after_heading(&layout_with("paragraph-spacing = \"14pt\"", ""));
    assert!((a - b).abs() < 0.01, "{a:.2}pt against {b:.2}pt");
}
