//! The whole pipeline (statement bytes → PDF bytes) and its stages, on the
//! reference statement and on the long sample, and the whole pipeline on
//! every built-in layout for the reference statement and a short sample:
//! `cargo bench --bench pipeline` (`-- layout/` for those alone).

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, Criterion};
use handbill::{compose, layout, output::pdf, statement, BuildRequest};

fn input(rel: &str) -> Option<(String, Vec<u8>)> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(rel);
    let bytes = std::fs::read(&p).ok()?;
    Some((p.display().to_string(), bytes))
}

fn inputs() -> Vec<(&'static str, String, Vec<u8>)> {
    let mut v = Vec::new();
    // The reference statement lives beside the project (shared/); the long
    // sample is the project's own.
    if let Some((n, b)) = input("../shared/seed/000_53f4cf6db800a616.txt") {
        v.push(("reference", n, b));
    }
    if let Some((n, b)) = input("samples/en-long-campaign.md") {
        v.push(("long", n, b));
    }
    v
}

fn whole_pipeline(c: &mut Criterion) {
    let fitted = layout::load("a4-leaflet").expect("built-in layout");
    // The same layout at its nominal size: what fitting costs on top.
    let mut plain = fitted.clone();
    plain.design.body.fit = None;
    for (label, name, bytes) in inputs() {
        for (variant, layout) in [("", &fitted), ("/no-fit", &plain)] {
            let label = format!("{label}{variant}");
            c.bench_function(&format!("build/{label}"), |b| {
                b.iter(|| {
                    let out = handbill::build(&BuildRequest::new(black_box(&bytes), &name, layout))
                        .expect("builds");
                    black_box(out.pdf.len())
                })
            });
        }
    }
}

fn stages(c: &mut Criterion) {
    let layout = layout::load("a4-leaflet").expect("built-in layout");
    c.bench_function("stage/layout-spec", |b| {
        b.iter(|| layout::load(black_box("a4-leaflet")).expect("loads"))
    });
    for (label, name, bytes) in inputs() {
        let format = statement::format_for_path(&name);
        c.bench_function(&format!("stage/statement/{label}"), |b| {
            b.iter(|| statement::read(black_box(&bytes), format, None, &name).expect("parses"))
        });
        let doc = statement::read(&bytes, format, None, &name)
            .expect("parses")
            .document;
        let opts = compose::ComposeOptions {
            lang: "en".into(),
            origin: name.clone(),
            ..Default::default()
        };
        c.bench_function(&format!("stage/compose/{label}"), |b| {
            b.iter(|| {
                compose::compose(black_box(&doc), &layout.design, &opts)
                    .expect("composes")
                    .pages
                    .len()
            })
        });
        let composed = compose::compose(&doc, &layout.design, &opts).expect("composes");
        let meta = pdf::PdfMeta {
            title: "bench".into(),
            author: String::new(),
            lang: "en".into(),
            second_lang: None,
            created: 0,
            labels: doc.labels.clone(),
        };
        c.bench_function(&format!("stage/pdf/{label}"), |b| {
            b.iter_batched(
                || composed.pages.clone(),
                |pages| {
                    pdf::write_plain(black_box(pages), &composed.fonts, &meta)
                        .expect("writes")
                        .len()
                },
                criterion::BatchSize::LargeInput,
            )
        });
    }
}

/// Every built-in layout, where the fitting differs (posters fit their
/// headline, the tri-fold sets a short text across its spread and fits its
/// cover's headline): the reference statement, and the short French
/// sample, which large print, the cover and the posters' fill all reach.
fn every_layout(c: &mut Criterion) {
    let mut texts: Vec<(&str, String, Vec<u8>)> = inputs()
        .into_iter()
        .filter(|(label, _, _)| *label == "reference")
        .collect();
    if let Some((n, b)) = input("samples/fr-greve.md") {
        texts.push(("short", n, b));
    }
    for name in layout::builtin_names() {
        let layout = layout::load(name).expect("built-in layout");
        for (label, path, bytes) in &texts {
            c.bench_function(&format!("layout/{name}/{label}"), |b| {
                b.iter(|| {
                    let out = handbill::build(&BuildRequest::new(black_box(bytes), path, &layout))
                        .expect("builds");
                    black_box(out.pdf.len())
                })
            });
        }
    }
}

criterion_group!(benches, whole_pipeline, stages, every_layout);
criterion_main!(benches);
