//! The document-level parts of the file: spot colour spaces, the Info
//! dictionary, the PDF/X output intent with its ICC profile, XMP metadata,
//! and a document ID derived from the content.

use std::hash::{Hash, Hasher};

use pdf_writer::types::{OutputIntentSubtype, TrappingStatus};
use pdf_writer::writers::OutputIntent;
use pdf_writer::{Chunk, Filter, Finish, Name, Pdf, Ref, Str, TextStr};

use super::paint::Separation;
use super::PdfMeta;
use super::{deflate, Packing};
use crate::date::{pdf_date, xmp_date};
use crate::error::Result;
use crate::layout::print::Standard;
use crate::output::target::PrintSetup;

/// Stands in for the document ID until the file's bytes are known; its
/// hexadecimal form is replaced in the finished file.
pub(super) const ID_PLACEHOLDER: [u8; 16] = *b"\xfe\xedhandbill-id\x00\xc0\x01";

/// Writes each separation as a colour space object; returns their
/// resource names and references.
pub(super) fn color_spaces<'s>(
    chunk: &mut Chunk,
    seps: &'s [Separation],
    next: &mut impl FnMut() -> Ref,
) -> Vec<(&'s str, Ref)> {
    let mut out = Vec::new();
    for s in seps {
        let (space, function) = (next(), next());
        // The tint transform: tint t of the ink looks like t × its CMYK.
        chunk
            .exponential_function(function)
            .domain([0.0, 1.0])
            .c0([0.0; 4])
            .c1(s.cmyk.map(|x| x as f32))
            .n(1.0);
        let mut array = chunk.indirect(space).array();
        array.item(Name(b"Separation"));
        array.item(Name(s.ink.as_bytes()));
        array.item(Name(b"DeviceCMYK"));
        array.item(function);
        out.push((s.resource.as_str(), space));
    }
    out
}

/// The Info dictionary, with the PDF/X keys only for PDF/X.
pub(super) fn info(pdf: &mut Pdf, id: Ref, meta: &PdfMeta, standard: Option<Standard>) {
    let date = pdf_date(meta.created);
    let producer = format!("handbill {}", env!("CARGO_PKG_VERSION"));
    let mut info = pdf.document_info(id);
    info.title(TextStr(&meta.title));
    if !meta.author.is_empty() {
        info.author(TextStr(&meta.author));
    }
    info.creator(TextStr("handbill"))
        .producer(TextStr(&producer))
        .trapped(TrappingStatus::NotTrapped)
        .pair(Name(b"CreationDate"), Str(date.as_bytes()))
        .pair(Name(b"ModDate"), Str(date.as_bytes()));
    if let Some(std) = standard {
        info.pair(Name(b"GTS_PDFXVersion"), Str(std.version_key().as_bytes()));
        if let Some(c) = std.conformance_key() {
            info.pair(Name(b"GTS_PDFXConformance"), Str(c.as_bytes()));
        }
    }
}

/// The output intent (the printing condition the colours are meant for) as
/// an object of its own; `None` when the setup names none.
pub(super) fn output_intent(
    pdf: &mut Pdf,
    setup: &PrintSetup,
    next: &mut impl FnMut() -> Ref,
) -> Result<Option<Ref>> {
    let Some(intent) = setup.intent.as_ref() else {
        return Ok(None);
    };
    let id = next();
    let profile = intent
        .profile
        .as_ref()
        .map(|(bytes, info)| (next(), bytes, info));
    let mut d = pdf.indirect(id).start::<OutputIntent>();
    d.subtype(OutputIntentSubtype::PDFX)
        .output_condition_identifier(TextStr(intent.condition.identifier))
        .output_condition(TextStr(intent.condition.description))
        .registry_name(TextStr("http://www.color.org"));
    match &profile {
        Some((profile, _, info)) => {
            d.info(TextStr(info)).dest_output_profile(*profile);
        }
        None => {
            d.info(TextStr(intent.condition.description));
        }
    }
    d.finish();
    if let Some((profile, bytes, _)) = profile {
        let packed = deflate(bytes, Packing::General)?;
        pdf.icc_profile(profile, &packed)
            .n(4)
            .filter(Filter::FlateDecode);
    }
    Ok(Some(id))
}

/// XMP metadata: for PDF/X-4, which requires it to agree with the Info
/// dictionary, and for files read on screens, where PDF/UA looks for the
/// title and language in it (`standard` is `None` for those). Returns the
/// packet; it is written uncompressed, so that tools which look for it in
/// plain text (as XMP readers do) find it.
///
/// It does not claim PDF/UA (`pdfuaid:part`): see docs/accessibility.md
/// for what is not checked yet.
pub(super) fn xmp(meta: &PdfMeta, standard: Option<Standard>) -> String {
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
    // The languages the text is in: a two-language leaflet has two.
    let langs: String = [Some(meta.lang.as_str()), meta.second_lang.as_deref()]
        .into_iter()
        .flatten()
        .filter(|l| !l.is_empty())
        .map(|l| format!("<rdf:li>{}</rdf:li>", esc(l)))
        .collect();
    let language = if langs.is_empty() {
        String::new()
    } else {
        format!("   <dc:language><rdf:Bag>{langs}</rdf:Bag></dc:language>\n")
    };
    let pdfx = match standard {
        Some(standard) => format!(
            "   <pdfxid:GTS_PDFXVersion>{}</pdfxid:GTS_PDFXVersion>\n",
            standard.version_key()
        ),
        None => String::new(),
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
{language}\
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
{pdfx}\
  </rdf:Description>\n\
 </rdf:RDF>\n\
</x:xmpmeta>\n\
<?xpacket end=\"r\"?>",
        title = esc(&meta.title),
        version = env!("CARGO_PKG_VERSION"),
    );
    xml
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
pub(super) fn set_id(bytes: &mut [u8]) {
    let digest = digest(bytes);
    let patch = |bytes: &mut [u8], from: &[u8], to: &[u8]| {
        let at: Vec<usize> = memchr::memmem::find_iter(bytes, from).collect();
        for i in at {
            bytes[i..i + from.len()].copy_from_slice(to);
        }
    };
    let hex_upper = |b: &[u8]| b.iter().map(|x| format!("{x:02X}")).collect::<String>();
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
        half.copy_from_slice(&Hasher::finish(&h).to_be_bytes());
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
