//! The e-mail remnants left off a pasted statement, through [`tidy`].

use super::*;

use super::forward::is_divider;
use super::senders_note::thanks_and_name;

use super::super::plain::testing::{lines, paras};

#[test]
fn an_email_header_is_left_off_with_a_warning() {
    let text = "From: Maria <m@example.org>\nSent: Tuesday\nTo: list@example.org\n\
                Subject: RE: Leaflet\n\nDear neighbours,\n";
    let mut warnings = Vec::new();
    let out = tidy(paras(text), "e.txt", &mut warnings);
    assert_eq!(lines(&out), [["Dear neighbours,"]]);
    assert_eq!(warnings.len(), 1);
    assert_eq!(warnings[0].at.line, Some(1));
    assert!(
        warnings[0]
            .message
            .contains("lines 1–4 are an e-mail's header"),
        "{}",
        warnings[0].message
    );
}

#[test]
fn a_first_line_that_only_looks_like_a_field_stays() {
    // One "field", and not a sender: a headline with a colon.
    let text = "To: the council\n\nWe ask for repairs.\n";
    let mut warnings = Vec::new();
    let out = tidy(paras(text), "e.txt", &mut warnings);
    assert_eq!(out.len(), 2);
    assert!(warnings.is_empty());
    let text = "Date: Saturday\nPlace: Town Hall\n\nCome.\n";
    let out = tidy(paras(text), "e.txt", &mut warnings);
    assert_eq!(lines(&out)[0], ["Date: Saturday", "Place: Town Hall"]);
}

#[test]
fn typed_rules_and_the_signature_dash_go_section_breaks_stay() {
    let text = "==========\nRENT STRIKE\n==========\n\n* * *\n\n---\n\n--\nRiverside Tenants\nwww.example.org\n";
    let mut warnings = Vec::new();
    let out = tidy(paras(text), "e.txt", &mut warnings);
    assert_eq!(
        lines(&out),
        [
            vec!["RENT STRIKE"],
            vec!["* * *"],
            vec!["---"],
            vec!["Riverside Tenants"],
            vec!["www.example.org"]
        ]
    );
    assert_eq!(warnings.len(), 3);
    assert_eq!(warnings[2].at.line, Some(9));
    assert_eq!(out[3].kind, ParaKind::Fixed(BlockKind::SignOff));
}

#[test]
fn a_mail_apps_signature_is_left_off() {
    for signature in [
        "Sent from my iPhone",
        "Get Outlook for Android<https://aka.ms/AAb9ysg>",
        "Von meinem iPhone gesendet",
        "Envoyé de mon iPad",
        "Enviado desde mi móvil",
        "Sent from Mail for Windows",
        "Sent from my phone",
        "Envoyé de mon téléphone",
        "Inviato dal mio telefono",
    ] {
        let text = format!("We strike.\n\nIn solidarity,\nJo\n\n{signature}\n");
        let mut warnings = Vec::new();
        let out = tidy(paras(&text), "e.txt", &mut warnings);
        assert_eq!(
            lines(&out),
            [vec!["We strike."], vec!["In solidarity,", "Jo"]],
            "{signature}"
        );
        assert_eq!(warnings.len(), 1, "{signature}");
        assert_eq!(warnings[0].at.line, Some(6));
        assert_eq!(
            warnings[0].message,
            format!("“{signature}”, the signature a mail app adds, is left off")
        );
    }
    // A sentence that starts so but names no device or app stays, and so
    // does one that names a phone but not as the device it was sent from.
    for kept in [
        "Sent from the picket line with love",
        "Sent via the union's phone tree to every member",
    ] {
        let mut warnings = Vec::new();
        let out = tidy(paras(&format!("{kept}\n")), "e.txt", &mut warnings);
        assert_eq!(lines(&out), [[kept]]);
        assert!(warnings.is_empty());
    }
}

#[test]
fn quoted_lines_become_a_quote_without_their_marks() {
    let text = "> On Monday, John wrote:\n>> I think so\n\nWe agree.\n";
    let mut warnings = Vec::new();
    let out = tidy(paras(text), "e.txt", &mut warnings);
    assert_eq!(out[0].kind, ParaKind::Fixed(BlockKind::Quote));
    assert_eq!(lines(&out)[0], ["On Monday, John wrote:", "I think so"]);
    assert_eq!(out[1].kind, ParaKind::Body);
    assert_eq!(warnings.len(), 1);
    assert!(
        warnings[0].message.contains("(lines 1–2)"),
        "{}",
        warnings[0].message
    );
}

#[test]
fn a_forwarded_email_loses_the_forwarders_note_divider_and_header() {
    let text = "Hi all, please print this for Saturday. Thanks, Jo\n\n\
                ---------- Forwarded message ---------\n\
                From: Maria Lopez <maria@example.org>\nDate: Tue, 3 Mar 2026\n\
                Subject: Statement\nTo: Riverside <list@example.org>\n\n\
                Hands off the estate\n\nWe ask the council to stop the sale.\n";
    let mut warnings = Vec::new();
    let out = tidy(paras(text), "e.txt", &mut warnings);
    assert_eq!(
        lines(&out),
        [
            ["Hands off the estate"],
            ["We ask the council to stop the sale."]
        ]
    );
    let said: Vec<(Option<usize>, &str)> = warnings
        .iter()
        .map(|w| (w.at.line, w.message.as_str()))
        .collect();
    assert_eq!(said.len(), 3, "{said:?}");
    assert!(
        said[0].1.starts_with(
            "line 1 (“Hi all, please print this for Saturday.…”), before a forwarded e-mail"
        ),
        "{said:?}"
    );
    assert_eq!(said[1].0, Some(3));
    assert!(said[1].1.contains("divider"), "{said:?}");
    assert!(
        said[2].1.contains("lines 4–7 are an e-mail's header"),
        "{said:?}"
    );
}

#[test]
fn other_clients_forwards_are_read_too() {
    // Outlook writes the header alone; Apple Mail its own line.
    for text in [
        "Please print 500.\n\nFrom: Maria <m@example.org>\nSent: Tuesday\nSubject: Leaflet\n\nRents down now.\n",
        "Please print 500.\nBegin forwarded message:\n\nFrom: Maria <m@example.org>\nDate: Tuesday\n\nRents down now.\n",
        "-----Original Message-----\nVon: Maria <m@example.org>\nGesendet: Dienstag\n\nRents down now.\n",
    ] {
        let mut warnings = Vec::new();
        let out = tidy(paras(text), "e.txt", &mut warnings);
        assert_eq!(lines(&out), [["Rents down now."]], "{text}");
        assert!(warnings.len() >= 2, "{warnings:?}");
    }
}

/// A forwarded message's header, for the sender's note tests.
const FORWARDED: &str = "---------- Forwarded message ---------\n\
                         From: Maria Lopez <maria@example.org>\n\
                         Date: Mon, 11 Jan 2027\nSubject: Leaflet\n\n";

#[test]
fn the_senders_note_over_a_forwarded_statements_headline_is_left_off() {
    // Before: the note was the leaflet's first paragraph, and the
    // headline a heading under it.
    for (note, lines_said) in [
        (
            "Hi all, here is the final text. Can someone print 500? Thanks! Maria\n\n",
            "line 6",
        ),
        (
            "Hello,\n\nhere is the text for Saturday.\n\nThanks,\nMaria\n\n",
            "lines 6–11",
        ),
        (
            "The final text, for 500 copies by Friday.\nMany thanks, Jo Bloggs\n\n",
            "lines 6–7",
        ),
        ("Hallo zusammen, anbei der Text. Danke, Lea\n\n", "line 6"),
    ] {
        let text = format!("{FORWARDED}{note}SAVE THE LIBRARY\n\nThe council plans to close it.\n");
        let mut warnings = Vec::new();
        let out = tidy(paras(&text), "e.txt", &mut warnings);
        assert_eq!(
            lines(&out),
            [["SAVE THE LIBRARY"], ["The council plans to close it."]],
            "{note}"
        );
        let said = warnings.last().map(|w| w.message.as_str()).unwrap_or("");
        assert!(
            said.starts_with(lines_said) && said.contains("its sender's note"),
            "{said}"
        );
    }
}

#[test]
fn a_forwarded_mails_signature_is_printed_and_said() {
    let text = format!("{FORWARDED}Rents down\n\nWe ask.\n\n--\nMaria Lopez\n07700 900123\n");
    let mut warnings = Vec::new();
    let out = tidy(paras(&text), "e.txt", &mut warnings);
    assert_eq!(lines(&out)[2..], [["Maria Lopez"], ["07700 900123"]]);
    let said = warnings.last().map(|w| (w.at.line, w.message.as_str()));
    assert_eq!(
        said,
        Some((
            Some(11),
            "the forwarded e-mail's signature under the “--” (lines 11–12) is printed as \
             the sign-off; delete it if it is not the statement's"
        ))
    );
    // A statement's own "--" over its signature is the writer's.
    let mut warnings = Vec::new();
    tidy(
        paras("Rents down\n\nWe ask.\n\n--\nRiverside Tenants\n"),
        "e.txt",
        &mut warnings,
    );
    assert!(
        warnings
            .iter()
            .all(|w| !w.message.contains("signature under")),
        "{warnings:?}"
    );
}

#[test]
fn a_forwarded_statements_own_opening_stays() {
    for (opening, rest) in [
        // It addresses its readers, and signs off only at its end.
        (
            "Dear neighbours,\n\nThe council plans to close the library.\n\n",
            "OUR DEMANDS\n\nKeep it open.\n",
        ),
        (
            "Friends! The council plans to close the library.\n\n",
            "OUR DEMANDS\n\nKeep it open.\n",
        ),
        // A greeting followed by a sentence, not by a headline.
        (
            "Hi neighbours, the council plans to close the library.\n\n",
            "It will save less than a manager's salary.\n\nKeep it open.\n",
        ),
    ] {
        let text = format!("{FORWARDED}{opening}{rest}");
        let mut warnings = Vec::new();
        let out = tidy(paras(&text), "e.txt", &mut warnings);
        assert_eq!(
            lines(&out)[0][0],
            opening.lines().next().unwrap(),
            "{opening}"
        );
        assert!(
            warnings
                .iter()
                .all(|w| !w.message.contains("sender's note")),
            "{warnings:?}"
        );
    }
    // No forwarded header: nothing says the greeting is a note.
    let text = "Hi all, please print this. Thanks, Jo\n\nSAVE THE LIBRARY\n\nKeep it.\n";
    let mut warnings = Vec::new();
    assert_eq!(tidy(paras(text), "e.txt", &mut warnings).len(), 3);
    // A name after the thanks, not a sentence.
    assert!(thanks_and_name("Thanks! Maria"));
    assert!(thanks_and_name("Many thanks, Ana María López."));
    assert!(!thanks_and_name("Thanks to the council for nothing"));
    assert!(!thanks_and_name("We thank you"));
    assert!(!thanks_and_name("We deserve the best NHS"));
    assert!(thanks_and_name("Print 500. Kind regards, Jo Bloggs"));
}

#[test]
fn a_press_releases_from_and_date_under_its_headline_stay() {
    let text = "Rents down\n\nFrom: Riverside Tenants\nDate: 3 March 2026\n\nWe ask.\n";
    let mut warnings = Vec::new();
    let out = tidy(paras(text), "e.txt", &mut warnings);
    assert_eq!(out.len(), 3);
    assert!(warnings.is_empty(), "{warnings:?}");
}

#[test]
fn text_before_a_divider_that_is_more_than_a_note_stays() {
    let long =
        "We, the tenants of Mill Road, ask the council to stop the sale of our homes. ".repeat(8);
    let text = format!(
        "{long}\n---------- Forwarded message ---------\nFrom: Maria <m@example.org>\n\
         Date: Tuesday\n\nThe council's answer.\n"
    );
    let mut warnings = Vec::new();
    let out = tidy(paras(&text), "e.txt", &mut warnings);
    assert_eq!(
        lines(&out),
        [
            vec![long.clone()],
            vec!["The council's answer.".to_string()]
        ]
    );
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    // A line of the text framed in dashes is no divider.
    for line in [
        "-- the official answer --",
        "---- Our demands ----",
        "-------- 2026 --------",
    ] {
        assert!(!is_divider(line), "{line}");
    }
}

#[test]
fn a_message_quoted_whole_loses_its_marks_and_keeps_its_columns() {
    let text = "> Begin forwarded message:\n>\n> NO TO THE INCINERATOR\n>\n>Come on Thursday.\n";
    let (out, levels) = unquote_whole(text).expect("quoted whole");
    assert_eq!(levels, 1);
    assert_eq!(
        out,
        "  Begin forwarded message:\n\n  NO TO THE INCINERATOR\n\n Come on Thursday.\n"
    );
    // A reply to a reply: both levels go.
    let (out, levels) = unquote_whole(">> Save the park\n>>\n>> Saturday, 2 pm\n").unwrap();
    assert_eq!(
        (out.as_str(), levels),
        ("   Save the park\n\n   Saturday, 2 pm\n", 2)
    );
    // A text with a quote in it, or none, keeps its marks.
    assert_eq!(unquote_whole("Our reply\n\n> You said no.\n"), None);
    assert_eq!(unquote_whole("\n\n"), None);
}

/// The statement of the reply tests, over its trail.
const STATEMENT: &str = "NO TO THE RENT RISE\n\n\
                         The landlord wants a third more from April for flats with broken lifts \
                         and damp walls. We will not pay it.\n\n\
                         Meet in the courtyard on Sunday at four.\n\n";

#[test]
fn a_replys_quoted_trail_under_the_statement_is_left_off() {
    let text = format!(
        "{STATEMENT}On Thu, 4 Dec 2026 at 21:14, Tom <tom@example.org> wrote:\n\
         > Is this the final text?\n>\n> On Wed, 3 Dec 2026 at 9:02, Jo wrote:\n>> Draft.\n"
    );
    let mut warnings = Vec::new();
    let out = tidy(paras(&text), "e.txt", &mut warnings);
    assert_eq!(out.len(), 3, "{:?}", lines(&out));
    assert_eq!(lines(&out)[2], ["Meet in the courtyard on Sunday at four."]);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!(warnings[0].at.line, Some(7));
    assert!(
        warnings[0].message.starts_with("lines 7–11 (“On Thu,"),
        "{warnings:?}"
    );
}

#[test]
fn a_trail_over_the_statement_goes_too_with_the_note_between() {
    // Written under the message it answers, as mailing lists do.
    let text = format!(
        "On 04/12/2026 21:14, Tom Reilly wrote:\n> Can you send the final text?\n\n\
         Hi Tom, here it is.\n\n{STATEMENT}"
    );
    let mut warnings = Vec::new();
    let out = tidy(paras(&text), "e.txt", &mut warnings);
    assert_eq!(lines(&out)[0], ["NO TO THE RENT RISE"]);
    assert_eq!(warnings.len(), 2, "{warnings:?}");
}

#[test]
fn a_trail_that_outweighs_the_rest_and_a_statements_own_quotation_stay() {
    // The quoted message is the longer: it may be the statement.
    let text = "Yes.\n\nOn Thu, 4 Dec 2026 at 21:14, Tom wrote:\n\
                > We will not pay the rent rise, not this year and not the next.\n";
    let mut warnings = Vec::new();
    let out = tidy(paras(text), "e.txt", &mut warnings);
    assert_eq!(out.len(), 2, "{:?}", lines(&out));
    // "The mayor wrote:" names no time or address: a quotation.
    let text = format!("{STATEMENT}In March the mayor wrote:\n> The library will stay open.\n");
    let mut warnings = Vec::new();
    let out = tidy(paras(&text), "e.txt", &mut warnings);
    assert_eq!(out.len(), 4, "{:?}", lines(&out));
    assert!(
        out[3].lines.iter().any(|l| raw_text(l).contains("library")),
        "{:?}",
        lines(&out)
    );
}

#[test]
fn a_subject_marked_as_a_reply_is_left_off_and_a_memos_stays() {
    let mut warnings = Vec::new();
    let out = tidy(
        paras(&format!("Subject: AW: Flugblatt\n\n{STATEMENT}")),
        "e.txt",
        &mut warnings,
    );
    assert_eq!(lines(&out)[0], ["NO TO THE RENT RISE"]);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    let memo = format!("To: All members\nSubject: Pay claim\n\n{STATEMENT}");
    let mut warnings = Vec::new();
    let out = tidy(paras(&memo), "e.txt", &mut warnings);
    assert_eq!(lines(&out)[0], ["To: All members", "Subject: Pay claim"]);
    assert!(warnings.is_empty(), "{warnings:?}");
}

#[test]
fn a_reply_over_the_statement_it_quotes_is_unwrapped() {
    let text =
        "Fine by me.\n\nOn Thu, 4 Dec 2026 at 21:14, Tom wrote:\n> SAVE THE PARK\n>\n> Sunday.\n";
    let (out, warning) = unwrap_approval(text, ("e.txt", 1)).expect("a reply's note");
    assert_eq!(out, "\n\n\n> SAVE THE PARK\n>\n> Sunday.\n");
    assert_eq!(warning.at.line, Some(1));
    assert!(
        warning.message.starts_with("lines 1–3 (“Fine by me.…”)"),
        "{}",
        warning.message
    );
    // Text after the quoted message, or a long reply, is no such note.
    assert!(unwrap_approval(&format!("{text}\nOne more thing.\n"), ("e.txt", 1)).is_none());
    let long = format!(
        "{}\n\nOn Thu, 4 Dec 2026 at 21:14, Tom wrote:\n> Ok.\n",
        "word ".repeat(90)
    );
    assert!(unwrap_approval(&long, ("e.txt", 1)).is_none());
}

#[test]
fn a_statement_over_a_short_quoted_message_is_no_approval() {
    // The statement over the message it answers: its words stay, however
    // short, when the quoted message is not the longer by far.
    let text = format!("{STATEMENT}On Thu, 4 Dec 2026 at 21:14, Tom wrote:\n> Can you send it?\n");
    assert!(unwrap_approval(&text, ("e.txt", 1)).is_none());
}
