//! What to ask a copy shop for: the paper, the sides and the cuts that
//! turn the PDF's sheets into leaflets. A copy shop prints what it is told,
//! and the usual mistakes (fit-to-page shrinking the marks away, backs
//! upside down, the wrong paper) are each one word at the counter.

use crate::compose::pages::Page;
use crate::layout::print::PrintTarget;
use crate::output::target::{PageFormat, PrintSetup};
use crate::style::Paper;

/// One line for a copy-shop build saying what to order; `None` for other
/// targets or no sheets.
pub fn copy_shop_order(setup: &PrintSetup, sheets: &[Page], page: PageFormat) -> Option<String> {
    if setup.target != PrintTarget::CopyShop {
        return None;
    }
    let sheet = sheets.first()?;
    let landscape = sheet.width > sheet.height;
    let paper = match Paper::of_size(sheet.width, sheet.height) {
        Some(p) => p.name().to_ascii_uppercase(),
        None => format!("{:.0}×{:.0} mm", sheet.width.to_mm(), sheet.height.to_mm()),
    };
    let orientation = if landscape { "landscape" } else { "portrait" };
    // A sheet is turned like a book page: for a landscape sheet that is
    // its short edge. Turned the other way, every back is upside down.
    let sides = match sheets.len() {
        1 => "one-sided".to_string(),
        _ => format!(
            "two-sided, flipped on the {} edge",
            if landscape { "short" } else { "long" }
        ),
    };
    let cut = match setup.impose {
        Some(n) => {
            let leaflet = match Paper::of_size(page.width, page.height) {
                Some(p) => format!("{} ", p.name().to_ascii_uppercase()),
                None => String::new(),
            };
            format!(
                "; then cut along the marks: each sheet gives {} {leaflet}leaflets",
                n.copies()
            )
        }
        None => String::new(),
    };
    // Two PDF pages are the two sides of one sheet.
    let per_copy = sheets.len().div_ceil(2);
    let per_copy = if per_copy > 1 {
        format!(" ({per_copy} sheets a set)")
    } else {
        String::new()
    };
    Some(format!(
        "for the copy shop: print on {paper} paper ({orientation}) at 100% \
         (actual size, not fit to page), {sides}{per_copy}{cut}"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compose::impose::impose;
    use crate::layout::print::NUp;
    use crate::layout::print::PrintSpec;
    use crate::units::Length;

    fn a5() -> Page {
        Page {
            width: Length::mm(148.0),
            height: Length::mm(210.0),
            ..Page::default()
        }
    }

    fn shop() -> PrintSetup {
        let spec = PrintSpec {
            target: Some(PrintTarget::CopyShop),
            ..PrintSpec::default()
        };
        PrintSetup::resolve(&spec, None, None, PageFormat::of(Paper::A5)).unwrap()
    }

    #[test]
    fn two_sided_a5_two_up_turns_on_the_short_edge() {
        let sheets = impose(vec![a5(), a5()], NUp::Two);
        let line = copy_shop_order(&shop(), &sheets, PageFormat::of(Paper::A5)).unwrap();
        assert_eq!(
            line,
            "for the copy shop: print on A4 paper (landscape) at 100% \
             (actual size, not fit to page), two-sided, flipped on the short edge; \
             then cut along the marks: each sheet gives 2 A5 leaflets"
        );
    }

    #[test]
    fn one_page_unimposed_is_one_sided_and_uncut() {
        let spec = PrintSpec {
            target: Some(PrintTarget::CopyShop),
            ..PrintSpec::default()
        };
        let setup = PrintSetup::resolve(&spec, None, None, PageFormat::of(Paper::A4)).unwrap();
        let a4 = Page {
            width: Length::mm(210.0),
            height: Length::mm(297.0),
            ..Page::default()
        };
        let line =
            copy_shop_order(&setup, std::slice::from_ref(&a4), PageFormat::of(Paper::A4)).unwrap();
        assert!(line.contains("print on A4 paper (portrait)"), "{line}");
        assert!(line.ends_with("one-sided"), "{line}");
        // Four pages are two sheets, printed on both sides.
        let line = copy_shop_order(
            &setup,
            &[a4.clone(), a4.clone(), a4.clone(), a4],
            PageFormat::of(Paper::A4),
        )
        .unwrap();
        assert!(line.contains("long edge (2 sheets a set)"), "{line}");
        // Nothing to say to an office printer.
        let office =
            PrintSetup::resolve(&PrintSpec::default(), None, None, PageFormat::of(Paper::A4))
                .unwrap();
        assert_eq!(
            copy_shop_order(&office, &[a5()], PageFormat::of(Paper::A4)),
            None
        );
    }
}
