//! Plain-text statements end to end: headings found in unmarked text keep
//! with what they head, and a web clipping's date and tag lines become one
//! tidy meta line, with every dropped character named on stderr.

mod support;

use std::path::PathBuf;
use std::process::Command;

use handbill::compose::{compose, pages::Page, ComposeOptions};
use handbill::layout;
use handbill::statement::document::BlockKind;
use handbill::statement::{parse, Format};
use handbill::units::Length;

/// Lines further apart than this across the page are in different columns:
/// less than any layout's column width, more than any indent.
const SAME_COLUMN: Length = Length::pt(30.0);

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn is_heading_text(text: &str) -> bool {
    text == "Preamble"
        || text
            .strip_prefix("Article ")
            .is_some_and(|n| n.parse::<u32>().is_ok())
}

/// The placed headings that end a column: no line below them in it.
fn headings_ending_a_column(pages: &[Page]) -> Vec<String> {
    let mut alone = Vec::new();
    for (n, page) in pages.iter().enumerate() {
        for h in page
            .lines
            .iter()
            .filter(|l| is_heading_text(&l.line.text()))
        {
            let below = page
                .lines
                .iter()
                .any(|l| (l.x - h.x).abs() < SAME_COLUMN && l.baseline > h.baseline);
            if !below {
                alone.push(format!("{} on page {}", h.line.text(), n + 1));
            }
        }
    }
    alone
}

#[test]
fn article_headings_never_end_a_column() {
    let text = std::fs::read_to_string(fixture("articles.txt")).unwrap();
    let doc = parse(&text, Format::Plain, "articles.txt")
        .unwrap()
        .document;
    let headings: Vec<String> = doc
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Heading(1))
        .map(|b| b.text())
        .collect();
    assert_eq!(headings.len(), 31, "{headings:?}");
    assert_eq!(headings[0], "Preamble");
    assert_eq!(headings[30], "Article 30");
    for name in ["a5-flyer", "a4-leaflet"] {
        let layout = layout::load(name).unwrap();
        let opts = ComposeOptions {
            layout: name.into(),
            lang: "en".into(),
            origin: "articles.txt".into(),
            ..Default::default()
        };
        let composed = compose(&doc, &layout.design, &opts).unwrap();
        assert!(
            composed.pages.len() > 1,
            "{name}: the test needs columns to end"
        );
        let placed = composed
            .pages
            .iter()
            .flat_map(|p| &p.lines)
            .filter(|l| is_heading_text(&l.line.text()))
            .count();
        assert_eq!(placed, 31, "{name}");
        let alone = headings_ending_a_column(&composed.pages);
        assert!(alone.is_empty(), "{name}: {alone:?}");
    }
}

/// Runs `handbill build` on `text` saved as `name` in a fresh directory:
/// whether it succeeded, the PDF's text and stderr.
fn build_cli(name: &str, text: &str) -> (bool, String, String) {
    let scratch = support::scratch_dir(&format!("handbill-plain-{name}-"));
    let dir = scratch.path();
    let input = dir.join(name);
    let pdf = dir.join("out.pdf");
    std::fs::write(&input, text).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_handbill"))
        .current_dir(dir)
        .args(["build", name, "-o", "out.pdf"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let (_, shown, _) = support::tool("pdftotext", &[pdf.to_str().unwrap(), "-"]);
    (out.status.success(), shown, stderr)
}

#[test]
fn every_dropped_piece_of_a_clipping_is_named_on_stderr() {
    let text = "+++\ndate = \"2 June 2023\"\n+++\nA call for solidarity\n\n\
                \u{2022} Europe\n6/1/23 12:04 PM\n\u{2022} Serbia, Communist and workers' parties\n\n\
                Dear comrades,\n\nWe call on you to act.\n";
    let (ok, shown, stderr) = build_cli("clip.txt", text);
    assert!(ok, "{stderr}");
    for expected in [
        "clip.txt:6:1: warning: dropped the \"•\" that opened the meta line",
        "clip.txt:7:8: warning: dropped the time of day \"12:04 PM\"",
        "clip.txt:7:1: warning: the date \"6/1/23\" gives way to the front matter's date = \"2 June 2023\" (line 2)",
    ] {
        assert!(stderr.contains(expected), "{expected}\n{stderr}");
    }
    let shown = shown.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        shown.contains("Europe 2 June 2023 • Serbia, Communist and workers’ parties"),
        "{shown}"
    );
    assert!(
        !shown.contains("12:04") && !shown.contains("6/1/23"),
        "{shown}"
    );
}

#[test]
fn an_unambiguous_clipped_date_is_written_as_the_language_writes_dates() {
    let body = "Liebe Kolleginnen und Kollegen,\n\nwir rufen alle Beschäftigten des Hauses \
                dazu auf, am Montag gemeinsam vor dem Rathaus für bessere Arbeitsbedingungen \
                und gerechte Löhne einzutreten.\n";
    let (ok, shown, stderr) = build_cli("de.txt", &format!("Aufruf\n\n13/6/2023 9:30\n\n{body}"));
    assert!(ok, "{stderr}");
    assert!(shown.contains("13. Juni 2023"), "{shown}");
    assert!(
        stderr.contains("de.txt:3:11: warning: dropped the time of day \"9:30\""),
        "{stderr}"
    );
    // 6/1/23 is 6 January or 1 June: it stays as written.
    let (ok, shown, stderr) = build_cli("amb.txt", &format!("Aufruf\n\n6/1/23\n\n{body}"));
    assert!(ok, "{stderr}");
    assert!(shown.contains("6/1/23"), "{shown}");
}

#[test]
fn a_toml_date_in_front_matter_is_written_as_the_language_writes_dates() {
    // A website's front matter dates a page with a TOML date, unquoted, to
    // the second it was saved: it was printed as "2026-12-12T10:00:00+01:00".
    let body = "Wir treffen uns am Samstag um zwölf Uhr vor dem Rathaus.\n";
    let (ok, shown, stderr) = build_cli(
        "typed.md",
        &format!("+++\ntitle = \"Aufruf\"\nlang = \"de\"\ndate = 2026-12-12T10:00:00+01:00\n+++\n\n{body}"),
    );
    assert!(ok, "{stderr}");
    assert!(shown.contains("12. Dezember 2026"), "{shown}");
    assert!(
        !shown.contains("2026-12-12") && !shown.contains("10:00"),
        "{shown}"
    );
    assert!(
        stderr.contains("typed.md:4: warning: front matter `date` gives a time of day, 10:00,"),
        "{stderr}"
    );
    // A date alone: no warning.
    let (ok, shown, stderr) = build_cli(
        "day.md",
        &format!("+++\ntitle = \"Aufruf\"\nlang = \"de\"\ndate = 2026-12-12\n+++\n\n{body}"),
    );
    assert!(ok, "{stderr}");
    assert!(shown.contains("12. Dezember 2026"), "{shown}");
    assert!(!stderr.contains("time of day"), "{stderr}");
    // A date in quotes is printed as its author wrote it.
    let (ok, shown, stderr) = build_cli(
        "quoted.md",
        &format!("+++\ntitle = \"Aufruf\"\nlang = \"de\"\ndate = \"2026-12-12\"\n+++\n\n{body}"),
    );
    assert!(ok, "{stderr}");
    assert!(shown.contains("2026-12-12"), "{shown}");
}

#[test]
fn a_wrapping_meta_line_leaves_no_word_alone() {
    let tags = [
        "Serbia",
        "Europe",
        "Communist and workers' parties",
        "Kosovo",
        "Solidarity",
        "Statements",
        "Balkans",
        "Peace",
        "Youth",
        "Labour",
    ];
    let mut wrapped = 0;
    for name in ["a5-flyer", "a6-handout"] {
        let layout = layout::load(name).unwrap();
        let opts = ComposeOptions {
            layout: name.into(),
            lang: "en".into(),
            origin: "tags.txt".into(),
            ..Default::default()
        };
        // Tag lists of every length a meta line may have, so that some
        // would end in a lone word at the full measure.
        for n in 2..=tags.len() {
            let text = format!(
                "A call\n\n6/1/23\n\u{2022} {}\n\nDear comrades,\n\nWe call on you to act.\n",
                tags[..n].join(", ")
            );
            let doc = parse(&text, Format::Plain, "tags.txt").unwrap().document;
            let kinds: Vec<&BlockKind> = doc.blocks.iter().map(|b| &b.kind).collect();
            assert_eq!(kinds[1], &BlockKind::Meta, "{n} tags");
            assert_ne!(kinds[2], &BlockKind::Meta, "{n} tags");
            let composed = compose(&doc, &layout.design, &opts).unwrap();
            let lines: Vec<String> = composed.pages[0]
                .lines
                .iter()
                .map(|l| l.line.text())
                .collect();
            let end = lines.iter().position(|t| t == "Dear comrades,").unwrap();
            let meta = &lines[1..end];
            if meta.len() > 1 {
                wrapped += 1;
                let last = meta.last().unwrap();
                assert!(
                    last.split_whitespace().count() > 1,
                    "{name}, {n} tags: {meta:?}"
                );
            }
        }
    }
    assert!(
        wrapped >= 4,
        "the tag lists must wrap for the test to mean anything"
    );
}

#[test]
fn a_statement_pasted_from_an_email_prints_without_its_envelope() {
    // Before: the header was the headline ("From: Maria Lopez
    // <maria@example.org> Sent: …"), two rows of "=" were printed across
    // the column, the quoted reply kept its ">" marks, and the "--" over
    // the signature became an en dash joined to it.
    let text = "From: Maria Lopez <maria@example.org>\nSent: Tuesday, 1 December 2026 18:04\n\
                To: tenants-list@example.org\nSubject: RE: Leaflet text\n\n\
                ==================================================\n\
                Rent strike from January\n\
                ==================================================\n\n\
                Dear neighbours,\n\n\
                For three winters the heating has failed for weeks at a time.\n\n\
                > On 30 Nov 2026, John wrote:\n> The lifts are broken too.\n\n\
                We will hold back our rent until the repairs are done.\n\n\
                --\nRiverside Tenants' Union\nwww.example.org\n";
    let (ok, shown, stderr) = build_cli("mail.txt", text);
    assert!(ok, "{stderr}");
    for expected in [
        "mail.txt:1: warning: lines 1–4 are an e-mail's header (From: Sent: To: Subject:)",
        "mail.txt:6: warning: a rule typed as a row of marks is left off",
        "mail.txt:8: warning: a rule typed as a row of marks is left off",
        "mail.txt:19: warning: the “--” that opens an e-mail signature is left off",
    ] {
        assert!(stderr.contains(expected), "{expected}\n{stderr}");
    }
    for gone in ["From:", "Subject:", "=====", ">", "– Riverside"] {
        assert!(!shown.contains(gone), "{gone}: {shown}");
    }
    let shown = shown.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(shown.starts_with("Rent strike from January"), "{shown}");
    assert!(
        shown.contains("On 30 Nov 2026, John wrote: The lifts are broken too."),
        "{shown}"
    );
    // The reply quoted is a quote; the signature's lines are its own.
    let doc = parse(text, Format::Plain, "mail.txt").unwrap().document;
    let kinds: Vec<&BlockKind> = doc.blocks.iter().map(|b| &b.kind).collect();
    assert!(kinds.contains(&&BlockKind::Quote), "{kinds:?}");
    let signed: Vec<String> = doc
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::SignOff)
        .map(|b| b.text())
        .collect();
    assert_eq!(signed, ["Riverside Tenants' Union", "www.example.org"]);
}

#[test]
fn a_forwarded_statement_prints_without_the_forwarders_note() {
    // Before: "Hi all, please print…" was the headline, and the divider
    // and the forwarded header ran into one paragraph under it.
    let text = "Hi all, please print 500 of these for Saturday. Thanks, Jo\n\n\
                ---------- Forwarded message ---------\n\
                From: Maria Lopez <maria@example.org>\n\
                Date: Tue, 3 Mar 2026 at 10:14\n\
                Subject: Statement on the Mill Road sale\n\
                To: Riverside Tenants <list@example.org>\n\n\
                Hands off the Mill Road estate\n\n\
                On Monday the council voted to sell the estate to a private developer. \
                Two hundred families live there, many of them for thirty years or more.\n\n\
                We ask every councillor to vote against the sale at the next meeting.\n";
    let (ok, shown, stderr) = build_cli("forward.txt", text);
    assert!(ok, "{stderr}");
    for expected in [
        "forward.txt:1: warning: line 1 (“Hi all, please print 500 of these for…”), before a forwarded e-mail, left off the leaflet",
        "forward.txt:3: warning: “---------- Forwarded message ---------”, a mail client's divider, is left off",
        "forward.txt:4: warning: lines 4–7 are an e-mail's header (From: Date: Subject: To:)",
    ] {
        assert!(stderr.contains(expected), "{expected}\n{stderr}");
    }
    let shown = shown.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        shown.starts_with("Hands off the Mill Road estate On Monday"),
        "{shown}"
    );
    for gone in ["Hi all", "Forwarded", "From:", "maria@"] {
        assert!(!shown.contains(gone), "{gone}: {shown}");
    }
}

#[test]
fn a_forwarded_statement_prints_without_its_senders_note() {
    // Before: the sender's note was the leaflet's first paragraph and
    // "SAVE THE NORTHSIDE LIBRARY" a heading under it, with no headline.
    let text = "---------- Forwarded message ---------\n\
                From: Maria Lopez <maria.lopez@example.org>\n\
                Date: Mon, 11 Jan 2027 at 21:14\n\
                Subject: Leaflet text for Saturday\n\
                To: Print Team <print@example.org>\n\n\
                Hi all, here is the final text for the leaflet. Can someone print 500 copies \
                by Friday? Thanks! Maria\n\n\
                SAVE THE NORTHSIDE LIBRARY\n\n\
                The council plans to close Northside Library in April to save money. For \
                thousands of families the library is the only place to print a job application.\n\n\
                Come to the public meeting on Saturday 16 January at 11am.\n";
    let (ok, shown, stderr) = build_cli("fwd.txt", text);
    assert!(ok, "{stderr}");
    let expected =
        "fwd.txt:7: warning: line 7 (“Hi all, here is the final text for the…”), over the forwarded statement's headline, left off the leaflet as its sender's note; if this is part of the statement, put it after the headline";
    assert!(stderr.contains(expected), "{stderr}");
    let shown = shown.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        shown.starts_with("SAVE THE NORTHSIDE LIBRARY The council plans"),
        "{shown}"
    );
    assert!(!shown.contains("Thanks! Maria"), "{shown}");
}

#[test]
fn a_reply_prints_its_statement_without_subject_note_or_quoted_trail() {
    // Before: "Subject: Re: …" was the headline, the sender's note the
    // first paragraphs, the statement's headline a heading under them,
    // and the earlier messages under the statement a quote, the line
    // naming their sender a paragraph.
    let text = "Subject: Re: Night shift petition - please print\n\n\
                Hi all,\n\n\
                Here is the final text for the leaflet. Please print 300 for Monday.\n\n\
                Maria\n\n\
                NIGHT SHIFT WORKERS DESERVE A FAIR ROTA\n\n\
                Since September management has changed the night rota four times with \
                less than a week's notice. Workers with children cannot plan their lives.\n\n\
                Sign the petition at the gate on Monday from 5:30 to 7:00.\n\n\
                On Thu, 4 Dec 2026 at 21:14, Tom Reilly <tom@example.org> wrote:\n\
                > Can you send the final version? I'll take it to the copy shop.\n\
                >\n\
                > On Wed, 3 Dec 2026 at 18:02, Maria <maria@example.org> wrote:\n\
                >> Draft attached.\n";
    let (ok, shown, stderr) = build_cli("reply.txt", text);
    assert!(ok, "{stderr}");
    // Said in the order of their lines.
    let mut at = 0;
    for expected in [
        "reply.txt:1: warning: line 1 is an e-mail's header (Subject:), left off the leaflet",
        "reply.txt:3: warning: lines 3–7 (“Hi all,…”), over the headline of the statement \
         in the reply, left off the leaflet as its sender's note",
        "reply.txt:15: warning: lines 15–19 (“On Thu, 4 Dec 2026 at 21:14, Tom Reilly…”) \
         are the earlier messages an e-mail reply quotes, left off the leaflet",
    ] {
        let found = stderr[at..].find(expected);
        assert!(found.is_some(), "{expected}\n{stderr}");
        at += found.unwrap_or(0) + expected.len();
    }
    let shown = shown.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        shown.starts_with("NIGHT SHIFT WORKERS DESERVE A FAIR ROTA Since September"),
        "{shown}"
    );
    assert!(shown.ends_with("from 5:30 to 7:00."), "{shown}");
}

#[test]
fn a_reply_approving_the_statement_it_quotes_prints_the_statement() {
    // Before: the note and the line naming the sender were the leaflet's
    // first paragraph, the statement under them one paragraph with its
    // ">" marks printed.
    let text = "Looks good to me, print it.\n\n\
                On Thu, 4 Dec 2026 at 21:14, Tom Reilly <tom@example.org> wrote:\n\
                > NIGHT SHIFT WORKERS DESERVE A FAIR ROTA\n\
                >\n\
                > Since September management has changed the night rota four times.\n\
                >\n\
                > Sign the petition at the gate on Monday from 5:30 to 7:00.\n";
    let (ok, shown, stderr) = build_cli("ok.txt", text);
    assert!(ok, "{stderr}");
    let expected = "ok.txt:1: warning: lines 1–3 (“Looks good to me, print it.…”), a reply \
                    over the e-mail it quotes, left off the leaflet";
    assert!(stderr.contains(expected), "{stderr}");
    assert!(stderr.contains("(lines 4–8)"), "{stderr}");
    let shown = shown.split_whitespace().collect::<Vec<_>>().join(" ");
    assert_eq!(
        shown,
        "NIGHT SHIFT WORKERS DESERVE A FAIR ROTA Since September management has changed \
         the night rota four times. Sign the petition at the gate on Monday from 5:30 to 7:00."
    );
}

#[test]
fn a_press_release_prints_as_a_leaflet() {
    // Before: "FOR IMMEDIATE RELEASE" was the headline, the release's
    // headline a line of body text under its date (read as an Italian
    // greeting, "Care …"), and "ENDS" the last line.
    let text = "FOR IMMEDIATE RELEASE\n12 March 2026\n\n\
                Care workers vote to strike over unpaid travel time\n\n\
                Care workers employed by HomeCare Plus voted by 87% to strike after the \
                company refused to pay for the time they spend travelling between clients' homes.\n\n\
                The first strike day is Monday 23 March.\n\nENDS\n";
    let (ok, shown, stderr) = build_cli("release.txt", text);
    assert!(ok, "{stderr}");
    for expected in [
        "release.txt:1: warning: “FOR IMMEDIATE RELEASE” opens a press release, for editors: left off the leaflet",
        "release.txt:10: warning: “ENDS” closes a press release, for editors: left off the leaflet",
    ] {
        assert!(stderr.contains(expected), "{expected}\n{stderr}");
    }
    let shown = shown.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        shown.starts_with(
            "Care workers vote to strike over unpaid travel time 12 March 2026 Care workers employed"
        ),
        "{shown}"
    );
    assert!(shown.ends_with("Monday 23 March."), "{shown}");
}

#[test]
fn a_statement_quoted_whole_in_a_reply_prints_as_the_statement() {
    // Before: every line quoted, the blank lines between paragraphs were
    // lines of ">", and the whole message was one quote, set in the
    // quote's narrow measure with the mail's header in it and no headline.
    let text = "> Begin forwarded message:\n\
                > From: Maria <maria@example.org>\n\
                > Subject: text for leaflet\n\
                >\n\
                > NO TO THE INCINERATOR\n\
                >\n\
                > The county council will decide on 20 March whether to allow a waste \
                incinerator two hundred metres from Meadowside Primary School.\n\
                >\n\
                > Come to the public meeting on Thursday at 7 pm in the school hall.\n";
    let (ok, shown, stderr) = build_cli("reply.txt", text);
    assert!(ok, "{stderr}");
    assert!(
        stderr.contains(
            "reply.txt:1: warning: every line is quoted with “>”, as a reply quotes a message \
             (lines 1–9): the marks are left off and the message is read as the statement"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("an e-mail's header"), "{stderr}");
    let shown = shown.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        shown.starts_with("NO TO THE INCINERATOR The county council"),
        "{shown}"
    );
    assert!(!shown.contains('>') && !shown.contains("Maria"), "{shown}");
}

#[test]
fn an_event_copied_from_its_page_prints_its_name_date_and_place() {
    // Before: the name, the page's lines, the date and the place were one
    // seven-line headline.
    let text = "Community Picnic Against Racism\nEvent by Northside Unity Group\n\
                Public · Anyone on or off Facebook\nSunday 22 March 2026 from 12:00-17:00\n\
                Northside Park, bandstand\nDuration: 5 hr\n219 people responded\n\n\
                Join us for a family picnic in Northside Park to celebrate our neighbourhood.\n";
    let (ok, shown, stderr) = build_cli("fb.txt", text);
    assert!(ok, "{stderr}");
    let expected = "fb.txt:2: warning: “Event by Northside Unity Group”, a line of the events \
                    page the text was copied from, is left off";
    assert!(stderr.contains(expected), "{stderr}");
    let shown = shown.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        shown.starts_with(
            "Community Picnic Against Racism Sunday 22 March 2026 from 12:00-17:00 \
             Northside Park, bandstand Join us"
        ),
        "{shown}"
    );
    for gone in ["Event by", "Facebook", "Duration", "responded"] {
        assert!(!shown.contains(gone), "{gone}: {shown}");
    }
}

#[test]
fn a_word_broken_at_a_lines_end_as_a_pdf_has_it_prints_whole() {
    // Before: "organi- sation" and "assem- bly", a hyphen and a word space
    // in the middle of each word.
    let text = "Solidarity with the strikers\n\n\
                The workers of the district have been on strike for three weeks. The organi-\n\
                sation of the strike is democratic: every decision is taken by the assem-\n\
                bly of all workers. The well-\n\
                known company refuses to negotiate.\n";
    let (ok, shown, stderr) = build_cli("copied.txt", text);
    assert!(ok, "{stderr}");
    assert!(
        stderr.contains("copied.txt:3: warning: 2 words broken with a hyphen at a line's end (as text copied from a PDF has them) joined again: “organisation” (line 3), “assembly” (line 4); 1 kept the hyphen, as the word has it: “well-known” (line 5)"),
        "{stderr}"
    );
    let shown = shown.split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in ["The organisation of the strike", "by the assembly of all"] {
        assert!(shown.contains(expected), "{expected}: {shown}");
    }
    assert!(!shown.contains("- "), "{shown}");
}

#[test]
fn a_text_without_blank_lines_prints_in_its_paragraphs() {
    // As a word processor copies it: a paragraph a line, nothing between.
    let sample = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples/en-tenants.txt"),
    )
    .unwrap();
    let blank_lines = |text: &str| {
        text.lines()
            .filter(|l| !l.trim().is_empty())
            .collect::<Vec<_>>()
            .join("\n")
    };
    let roles = |text: &str| {
        let doc = parse(text, Format::Plain, "s.txt").unwrap().document;
        doc.blocks
            .iter()
            .map(|b| (b.kind.clone(), b.text()))
            .collect::<Vec<_>>()
    };
    // Without its blank lines (and its one wrapped paragraph unwrapped),
    // the sample has the blocks it has with them.
    let unwrapped = sample.replace("more\nthan", "more than");
    let unwrapped = unwrapped
        .split("\n\n")
        .map(|p| {
            if p.lines().any(|l| l.starts_with("- ")) {
                p.to_string()
            } else {
                p.replace('\n', " ")
            }
        })
        .collect::<Vec<_>>()
        .join("\n\n");
    let expected = roles(&sample);
    assert!(expected.len() > 10, "{expected:?}");
    assert_eq!(roles(&blank_lines(&unwrapped)), expected);

    // As a PDF's text export has it: wrapped lines, a form feed at each
    // page's end, no blank lines; through the command line.
    let text = "Buses for Everyone\n\
        Every morning, tens of thousands of people in Northbridge stand at a\n\
        bus stop and wonder whether the bus will come. Some of them are on\n\
        their way to a hospital shift.\n\
        \u{C}This booklet is about them, and about all of us. It was written by\n\
        members of the Northbridge Fair Transport Campaign, a group of\n\
        passengers, bus drivers, students and pensioners.\n\
        Where we are now\n\
        Ten years ago, Northbridge had a bus network that most people would\n\
        have called decent, if not perfect. Buses on the main routes came\n\
        every ten minutes during the day.\u{C}";
    let (ok, shown, stderr) = build_cli("export.txt", text);
    assert!(ok, "{stderr}");
    for expected in [
        "export.txt:5:1: warning: a form feed (a page break, as a PDF's text export writes \
         between pages) and 1 more page breaks read as a space",
        "export.txt:1: warning: lines 1–11 have no blank lines between paragraphs: a paragraph \
         is taken to end at each line that ends a sentence or a heading before the line is \
         full (lines 1, 4, 7, 8)",
    ] {
        assert!(stderr.contains(expected), "{expected}\n{stderr}");
    }
    // The headline and the heading are lines of their own (the headline,
    // grown with a short text's large print, perhaps two).
    let lines: Vec<&str> = shown.lines().map(str::trim).collect();
    for own in ["Buses for Everyone", "Where we are now"] {
        let alone = (1..=2).any(|n| lines.windows(n).any(|w| w.join(" ") == own));
        assert!(alone, "{own}: {shown}");
    }
}

#[test]
fn a_statement_from_a_group_chat_prints_its_emphasis_without_the_marks() {
    // Before: "*RENT STRIKE NOW*", "_Mill Lane_" and "~old~" as typed.
    let text = "*RENT STRIKE NOW*\n\nAll tenants of _Mill Lane_ meet on *Monday at 7 pm*. \
                Bring ~old~ new banners, and 2 * 3 friends.\n";
    let (ok, shown, stderr) = build_cli("chat.txt", text);
    assert!(ok, "{stderr}");
    assert!(
        stderr.contains(
            "chat.txt:1: warning: 4 phrases marked with *stars*, _underscores_ or ~tildes~, \
             as chat apps and plain-text mail mark emphasis, set bold, italic or struck \
             through without the marks: “RENT STRIKE NOW” (line 1), “Monday at 7 pm” \
             (line 3), “Mill Lane” (line 3) and 1 more"
        ),
        "{stderr}"
    );
    let shown = shown.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        shown.starts_with("RENT STRIKE NOW All tenants of Mill Lane meet on Monday at 7 pm. Bring old new banners, and 2 * 3 friends."),
        "{shown}"
    );
    let doc = parse(text, Format::Plain, "chat.txt").unwrap().document;
    let body = &doc.blocks[1];
    let styled: Vec<(&str, bool, bool, bool)> = body
        .spans
        .iter()
        .filter(|s| s.style != Default::default())
        .map(|s| {
            (
                s.text.as_str(),
                s.style.bold,
                s.style.italic,
                s.style.strike,
            )
        })
        .collect();
    assert_eq!(
        styled,
        [
            ("Mill Lane", false, true, false),
            ("Monday at 7 pm", true, false, false),
            ("old", false, false, true)
        ]
    );
}

#[test]
fn an_address_and_a_schedule_print_on_their_own_lines() {
    // Before: "10:00 March starts at the Town Hall 12:00 Speeches on
    // Market Square …" and "Write to us: Riverside Tenants 12 Mill Lane
    // Northbridge NB1 2AB", each run on as one paragraph.
    let text = "Day of action\n\n\
        Join us on Saturday for a day of action against the rent rises that the \
        management company announced last week. Here is the plan for the day, and \
        where to find us when you arrive.\n\n\
        10:00 March starts at the Town Hall\n12:00 Speeches on Market Square\n\
        13:30 Concert in the park\n\n\
        Write to us:\nRiverside Tenants\n12 Mill Lane\nNorthbridge NB1 2AB\n\n\
        Copied from Word:\u{B}Weavers Court\u{B}Community Room\n";
    let (ok, shown, stderr) = build_cli("day.txt", text);
    assert!(ok, "{stderr}");
    let lines: Vec<&str> = shown.lines().map(str::trim).collect();
    for line in [
        "10:00 March starts at the Town Hall",
        "12:00 Speeches on Market Square",
        "13:30 Concert in the park",
        "Write to us:",
        "Riverside Tenants",
        "12 Mill Lane",
        "Northbridge NB1 2AB",
        "Copied from Word:",
        "Weavers Court",
        "Community Room",
    ] {
        assert!(
            lines.contains(&line),
            "{line:?} is no line of its own:\n{shown}"
        );
    }
    // Lines ended short count as short, not as full lines of the measure
    // that caps the body size: the body is as large as with each line a
    // paragraph of its own (it was 15.44pt against 18pt).
    let body = |stderr: &str| {
        let wrote = stderr
            .lines()
            .find(|l| l.contains("wrote"))
            .unwrap_or_default();
        wrote.rsplit("body ").next().unwrap_or_default().to_string()
    };
    let apart = text.replace(['\n', '\u{B}'], "\n\n");
    let (ok, _, separate) = build_cli("apart.txt", &apart);
    assert!(ok, "{separate}");
    assert_eq!(body(&stderr), body(&separate), "{stderr}\n{separate}");
}
