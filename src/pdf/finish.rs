//! What printpdf does not write, added to the lopdf document it builds:
//! page boxes (printpdf 0.12 writes MediaBox, CropBox and TrimBox all equal
//! and no BleedBox), the `Separation` colour spaces of spot inks, the
//! catalog's /Lang, the PDF/X output intent with its ICC profile (printpdf's
//! own writes the key as `/DestinationOutputProfile`, which no reader knows),
//! Info keys and XMP metadata, and a document ID derived from the content
//! (printpdf's is the same for every first document of a process).

use std::hash::{Hash, Hasher};

use lopdf::{Dictionary, Object, ObjectId, Stream, StringFormat};

use super::paint::Separation;
use super::{Painter, PdfMeta};
use crate::date::{pdf_date, xmp_date};
use crate::error::{Error, Result};
use crate::target::{PrintSetup, Standard};
use crate::units::Length;

/// Stands in for the document ID until the file's bytes are known; its
/// hexadecimal form is replaced in the finished file.
const ID_PLACEHOLDER: [u8; 16] = *b"\xfe\xedhandbill-id\x00\xc0\x01";

/// Adds the missing parts to `lo` and serialises it.
pub(super) fn finish(
    mut lo: lopdf::Document,
    trims: &[(Length, Length)],
    meta: &PdfMeta,
    setup: &PrintSetup,
    painter: &Painter,
) -> Result<Vec<u8>> {
    set_boxes(&mut lo, trims, setup);
    add_color_spaces(&mut lo, &painter.separations());
    if let Ok(catalog) = lo.catalog_mut() {
        if !meta.lang.is_empty() {
            catalog.set("Lang", Object::string_literal(meta.lang.as_str()));
        }
    }
    set_info(&mut lo, meta, setup.standard);
    if let Some(standard) = setup.standard {
        lo.version = standard.pdf_version().into();
        add_output_intent(&mut lo, setup);
    }
    compress(&mut lo);
    // After compress(): metadata stays readable to tools that look for it in
    // plain text, as XMP readers do.
    if setup.standard == Some(Standard::X4) {
        add_xmp(&mut lo, meta, Standard::X4);
    }
    let id = Object::String(ID_PLACEHOLDER.to_vec(), StringFormat::Hexadecimal);
    lo.trailer.set("ID", Object::Array(vec![id.clone(), id]));

    let mut bytes = Vec::new();
    lo.save_to(&mut bytes).map_err(|e| Error::Io {
        path: "PDF".into(),
        message: format!("could not serialise the PDF: {e}"),
    })?;
    set_id(&mut bytes);
    Ok(bytes)
}

/// Deflates every stream that is not yet compressed. lopdf's own
/// `compress` uses the slowest level and a new compressor per stream, which
/// took a third of a one-page build; the default level with one reused
/// compressor costs far less for the same size (within 0.3%).
fn compress(lo: &mut lopdf::Document) {
    let mut z = flate2::Compress::new(flate2::Compression::new(LEVEL), true);
    for obj in lo.objects.values_mut() {
        let Object::Stream(stream) = obj else {
            continue;
        };
        if !stream.allows_compression || stream.dict.get(b"Filter").is_ok() {
            continue;
        }
        z.reset();
        // Deflate never grows data by more than a few bytes per 16 KB block.
        let mut packed = Vec::with_capacity(stream.content.len() + stream.content.len() / 64 + 64);
        let done = z.compress_vec(&stream.content, &mut packed, flate2::FlushCompress::Finish);
        if matches!(done, Ok(flate2::Status::StreamEnd)) && packed.len() < stream.content.len() {
            stream
                .dict
                .set("Filter", Object::Name(b"FlateDecode".to_vec()));
            stream.set_content(packed);
        }
    }
}

const LEVEL: u32 = 6;

fn rect(x0: Length, y0: Length, x1: Length, y1: Length) -> Object {
    let n = |l: Length| Object::Real((l.to_pt() * 1000.0).round() as f32 / 1000.0);
    Object::Array(vec![n(x0), n(y0), n(x1), n(y1)])
}

/// MediaBox ⊇ BleedBox ⊇ TrimBox on every page; the CropBox is the media
/// box, so viewers show the marks too.
fn set_boxes(lo: &mut lopdf::Document, trims: &[(Length, Length)], setup: &PrintSetup) {
    let slug = setup.slug();
    let bleed = setup.bleed;
    let pages: Vec<ObjectId> = lo.get_pages().into_values().collect();
    for (id, &(w, h)) in pages.iter().zip(trims) {
        let Ok(page) = lo.get_object_mut(*id).and_then(Object::as_dict_mut) else {
            continue;
        };
        let media = rect(Length::ZERO, Length::ZERO, w + slug * 2.0, h + slug * 2.0);
        page.set("MediaBox", media.clone());
        page.set("CropBox", media);
        page.set(
            "BleedBox",
            rect(
                slug - bleed,
                slug - bleed,
                slug + w + bleed,
                slug + h + bleed,
            ),
        );
        page.set("TrimBox", rect(slug, slug, slug + w, slug + h));
    }
}

/// Puts each separation into every page's /ColorSpace resources.
fn add_color_spaces(lo: &mut lopdf::Document, seps: &[Separation]) {
    if seps.is_empty() {
        return;
    }
    let mut spaces = Dictionary::new();
    for s in seps {
        // The tint transform: tint t of the ink looks like t × its CMYK.
        let mut f = Dictionary::new();
        f.set("FunctionType", 2);
        f.set("Domain", vec![0.into(), 1.into()]);
        f.set("C0", vec![Object::Real(0.0); 4]);
        f.set(
            "C1",
            s.cmyk
                .iter()
                .map(|&x| Object::Real(x as f32))
                .collect::<Vec<_>>(),
        );
        f.set("N", 1);
        let f = lo.add_object(f);
        let space = lo.add_object(Object::Array(vec![
            Object::Name(b"Separation".to_vec()),
            Object::Name(s.ink.as_bytes().to_vec()),
            Object::Name(b"DeviceCMYK".to_vec()),
            Object::Reference(f),
        ]));
        spaces.set(s.resource.as_bytes().to_vec(), Object::Reference(space));
    }
    let pages: Vec<ObjectId> = lo.get_pages().into_values().collect();
    for id in pages {
        let resources = match lo.get_dictionary(id).and_then(|p| p.get(b"Resources")) {
            Ok(Object::Reference(r)) => *r,
            _ => continue,
        };
        if let Ok(res) = lo.get_object_mut(resources).and_then(Object::as_dict_mut) {
            res.set("ColorSpace", spaces.clone());
        }
    }
}

/// The Info dictionary: dates written by us (so that XMP can match them),
/// and the PDF/X keys only for PDF/X (printpdf writes an empty
/// `GTS_PDFXVersion` always, which makes some readers take any file for PDF/X).
fn set_info(lo: &mut lopdf::Document, meta: &PdfMeta, standard: Option<Standard>) {
    let Ok(Object::Reference(info_id)) = lo.trailer.get(b"Info").cloned() else {
        return;
    };
    let Ok(info) = lo.get_object_mut(info_id).and_then(Object::as_dict_mut) else {
        return;
    };
    let date = Object::string_literal(pdf_date(meta.created));
    info.set("CreationDate", date.clone());
    info.set("ModDate", date);
    info.set("Trapped", Object::Name(b"False".to_vec()));
    for key in [
        &b"GTS_PDFXVersion"[..],
        b"GTS_PDFXConformance",
        b"Identifier",
    ] {
        info.remove(key);
    }
    for key in [&b"Subject"[..], b"Keywords"] {
        if matches!(info.get(key), Ok(Object::String(s, _)) if s.is_empty() || s == &[0xfe, 0xff]) {
            info.remove(key);
        }
    }
    if let Some(std) = standard {
        info.set("GTS_PDFXVersion", Object::string_literal(std.version_key()));
        if let Some(c) = std.conformance_key() {
            info.set("GTS_PDFXConformance", Object::string_literal(c));
        }
    }
}

/// The output intent: the printing condition the colours are meant for.
fn add_output_intent(lo: &mut lopdf::Document, setup: &PrintSetup) {
    let Some(intent) = &setup.intent else { return };
    let mut d = Dictionary::new();
    d.set("Type", Object::Name(b"OutputIntent".to_vec()));
    d.set("S", Object::Name(b"GTS_PDFX".to_vec()));
    d.set(
        "OutputConditionIdentifier",
        Object::string_literal(intent.condition.identifier),
    );
    d.set(
        "OutputCondition",
        Object::string_literal(intent.condition.description),
    );
    d.set(
        "RegistryName",
        Object::string_literal("http://www.color.org"),
    );
    if let Some((profile, info)) = &intent.profile {
        d.set("Info", Object::string_literal(info.as_str()));
        let mut sd = Dictionary::new();
        sd.set("N", 4);
        let icc = lo.add_object(Stream::new(sd, profile.to_vec()));
        d.set("DestOutputProfile", Object::Reference(icc));
    } else {
        d.set("Info", Object::string_literal(intent.condition.description));
    }
    let d = lo.add_object(d);
    if let Ok(catalog) = lo.catalog_mut() {
        catalog.set("OutputIntents", Object::Array(vec![Object::Reference(d)]));
    }
}

/// XMP metadata for PDF/X-4, which requires it to agree with the Info dictionary.
fn add_xmp(lo: &mut lopdf::Document, meta: &PdfMeta, standard: Standard) {
    let date = xmp_date(meta.created);
    let id = uuid_text(&ID_PLACEHOLDER);
    let esc = xml_escape;
    let creator = if meta.author.is_empty() {
        String::new()
    } else {
        format!(
            "   <dc:creator><rdf:Seq><rdf:li>{}</rdf:li></rdf:Seq></dc:creator>\n",
            esc(&meta.author)
        )
    };
    let xml = format!(
        "<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n\
<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n\
 <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n\
  <rdf:Description rdf:about=\"\"\n\
    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n\
    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n\
    xmlns:xmpMM=\"http://ns.adobe.com/xap/1.0/mm/\"\n\
    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n\
    xmlns:pdfxid=\"http://www.npes.org/pdfx/ns/id/\">\n\
   <dc:format>application/pdf</dc:format>\n\
   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">{title}</rdf:li></rdf:Alt></dc:title>\n\
{creator}\
   <xmp:CreateDate>{date}</xmp:CreateDate>\n\
   <xmp:ModifyDate>{date}</xmp:ModifyDate>\n\
   <xmp:MetadataDate>{date}</xmp:MetadataDate>\n\
   <xmp:CreatorTool>handbill</xmp:CreatorTool>\n\
   <pdf:Producer>handbill {version}</pdf:Producer>\n\
   <pdf:Trapped>False</pdf:Trapped>\n\
   <xmpMM:DocumentID>uuid:{id}</xmpMM:DocumentID>\n\
   <xmpMM:InstanceID>uuid:{id}</xmpMM:InstanceID>\n\
   <xmpMM:VersionID>1</xmpMM:VersionID>\n\
   <xmpMM:RenditionClass>default</xmpMM:RenditionClass>\n\
   <pdfxid:GTS_PDFXVersion>{pdfx}</pdfxid:GTS_PDFXVersion>\n\
  </rdf:Description>\n\
 </rdf:RDF>\n\
</x:xmpmeta>\n\
<?xpacket end=\"r\"?>",
        title = esc(&meta.title),
        version = env!("CARGO_PKG_VERSION"),
        pdfx = standard.version_key(),
    );
    let mut d = Dictionary::new();
    d.set("Type", Object::Name(b"Metadata".to_vec()));
    d.set("Subtype", Object::Name(b"XML".to_vec()));
    let mut stream = Stream::new(d, xml.into_bytes());
    stream.allows_compression = false;
    let id = lo.add_object(stream);
    if let Ok(catalog) = lo.catalog_mut() {
        catalog.set("Metadata", Object::Reference(id));
    }
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Replaces the ID placeholder (in the trailer, and in XMP as a UUID) with a
/// digest of the file, so that the same input gives the same file and
/// different files get different IDs.
fn set_id(bytes: &mut [u8]) {
    let digest = digest(bytes);
    let patch = |bytes: &mut [u8], from: &[u8], to: &[u8]| {
        let mut i = 0;
        while i + from.len() <= bytes.len() {
            if &bytes[i..i + from.len()] == from {
                bytes[i..i + from.len()].copy_from_slice(to);
                i += from.len();
            } else {
                i += 1;
            }
        }
    };
    let hex_upper = |b: &[u8]| b.iter().map(|x| format!("{x:02X}")).collect::<String>();
    // The trailer is at the end; search only the tail and the metadata,
    // which both are plain text.
    let from = hex_upper(&ID_PLACEHOLDER);
    let to = hex_upper(&digest);
    patch(bytes, from.as_bytes(), to.as_bytes());
    patch(
        bytes,
        uuid_text(&ID_PLACEHOLDER).as_bytes(),
        uuid_text(&digest).as_bytes(),
    );
}

/// 128 bits from two differently seeded SipHashes of the bytes. Not
/// cryptographic: an ID only has to differ between different files.
fn digest(bytes: &[u8]) -> [u8; 16] {
    let mut out = [0u8; 16];
    for (i, half) in out.chunks_mut(8).enumerate() {
        let mut h = std::hash::DefaultHasher::new();
        (i as u64).hash(&mut h);
        bytes.hash(&mut h);
        half.copy_from_slice(&h.finish().to_be_bytes());
    }
    out
}

fn uuid_text(b: &[u8; 16]) -> String {
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_id_follows_the_content() {
        let mut a = b"... /ID [<FEED68616E6462696C6C2D696400C001>] ...".to_vec();
        let mut b = b"... /ID [<FEED68616E6462696C6C2D696400C001>] ..!".to_vec();
        let mut a2 = a.clone();
        set_id(&mut a);
        set_id(&mut a2);
        set_id(&mut b);
        assert_eq!(a, a2);
        assert_ne!(a, b);
        assert!(!String::from_utf8_lossy(&a).contains("FEED6861"));
    }
}
