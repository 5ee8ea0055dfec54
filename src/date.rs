//! Dates from Unix timestamps, for the PDF's metadata and `{date}`: the
//! few conversions handbill needs do not warrant a date crate.

/// Civil date and time (UTC) of a Unix timestamp.
pub fn civil(t: i64) -> (i64, u32, u32, u32, u32, u32) {
    let days = t.div_euclid(86_400);
    let secs = t.rem_euclid(86_400) as u32;
    // Days since 1970-01-01 to a proleptic Gregorian date, counting in
    // 400-year eras that start on 1 March so leap days come last.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day, secs / 3600, secs / 60 % 60, secs % 60)
}

/// `D:YYYYMMDDHHmmSS+00'00'`, the PDF date format.
pub fn pdf_date(t: i64) -> String {
    let (y, mo, d, h, mi, s) = civil(t);
    format!("D:{y:04}{mo:02}{d:02}{h:02}{mi:02}{s:02}+00'00'")
}

/// ISO 8601, as XMP writes dates.
pub fn xmp_date(t: i64) -> String {
    let (y, mo, d, h, mi, s) = civil(t);
    format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}+00:00")
}

/// `YYYY-MM-DD`, for `{date}` in imprints.
pub fn ymd(t: i64) -> String {
    let (y, mo, d, ..) = civil(t);
    format!("{y:04}-{mo:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(ymd(0), "1970-01-01");
        assert_eq!(ymd(1_795_651_200), "2026-11-26");
        assert_eq!(ymd(951_782_400), "2000-02-29");
        assert_eq!(pdf_date(0), "D:19700101000000+00'00'");
        // 2024-02-29 12:34:56 UTC, a leap day.
        assert_eq!(xmp_date(1_709_210_096), "2024-02-29T12:34:56+00:00");
        assert_eq!(pdf_date(1_798_761_599), "D:20261231235959+00'00'");
        assert_eq!(ymd(-1), "1969-12-31");
    }
}
