//! Lengths with units.
//!
//! Every distance in handbill is a [`Length`]. Layout specs write lengths with
//! a unit (`"15mm"`, `"10.5pt"`, `"0.5in"`, `"1.2cm"`); inside the code they are
//! all one type, stored in PostScript points, so no bare float can be mistaken
//! for millimetres.

use std::fmt;
use std::iter::Sum;
use std::ops::{Add, AddAssign, Div, Mul, Neg, Sub, SubAssign};
use std::str::FromStr;

/// Points per inch (PostScript / PDF point).
const PT_PER_IN: f64 = 72.0;
/// Millimetres per inch.
const MM_PER_IN: f64 = 25.4;

/// A length, stored in PostScript points (1/72 in).
#[derive(Clone, Copy, Debug, Default, PartialEq, PartialOrd)]
pub struct Length(f64);

impl Length {
    /// Zero length.
    pub const ZERO: Length = Length(0.0);

    /// A length in points.
    pub const fn pt(v: f64) -> Length {
        Length(v)
    }
    /// A length in millimetres.
    pub fn mm(v: f64) -> Length {
        Length(v / MM_PER_IN * PT_PER_IN)
    }
    /// A length in centimetres.
    pub fn cm(v: f64) -> Length {
        Length::mm(v * 10.0)
    }
    /// A length in inches.
    pub fn inch(v: f64) -> Length {
        Length(v * PT_PER_IN)
    }
    /// The length in points.
    pub const fn to_pt(self) -> f64 {
        self.0
    }
    /// The length in millimetres.
    pub fn to_mm(self) -> f64 {
        self.0 / PT_PER_IN * MM_PER_IN
    }
    /// The length in inches.
    pub fn to_in(self) -> f64 {
        self.0 / PT_PER_IN
    }
    /// The larger of two lengths.
    pub fn max(self, other: Length) -> Length {
        Length(self.0.max(other.0))
    }
    /// The smaller of two lengths.
    pub fn min(self, other: Length) -> Length {
        Length(self.0.min(other.0))
    }
    /// The absolute value.
    pub fn abs(self) -> Length {
        Length(self.0.abs())
    }
    /// True when the value is finite (not NaN or infinite).
    pub fn is_finite(self) -> bool {
        self.0.is_finite()
    }
}

impl Add for Length {
    type Output = Length;
    fn add(self, o: Length) -> Length {
        Length(self.0 + o.0)
    }
}
impl AddAssign for Length {
    fn add_assign(&mut self, o: Length) {
        self.0 += o.0;
    }
}
impl Sub for Length {
    type Output = Length;
    fn sub(self, o: Length) -> Length {
        Length(self.0 - o.0)
    }
}
impl SubAssign for Length {
    fn sub_assign(&mut self, o: Length) {
        self.0 -= o.0;
    }
}
impl Neg for Length {
    type Output = Length;
    fn neg(self) -> Length {
        Length(-self.0)
    }
}
impl Mul<f64> for Length {
    type Output = Length;
    fn mul(self, k: f64) -> Length {
        Length(self.0 * k)
    }
}
impl Div<f64> for Length {
    type Output = Length;
    fn div(self, k: f64) -> Length {
        Length(self.0 / k)
    }
}
/// The ratio of two lengths is a plain number.
impl Div for Length {
    type Output = f64;
    fn div(self, o: Length) -> f64 {
        self.0 / o.0
    }
}
impl Sum for Length {
    fn sum<I: Iterator<Item = Length>>(iter: I) -> Length {
        Length(iter.map(|l| l.0).sum())
    }
}

impl fmt::Display for Length {
    /// Shown in points, the unit typographers think in.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let v = (self.0 * 100.0).round() / 100.0;
        write!(f, "{v}pt")
    }
}

/// Why a length could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LengthError(String);

impl fmt::Display for LengthError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
impl std::error::Error for LengthError {}

impl FromStr for Length {
    type Err = LengthError;

    /// Reads `"15mm"`, `"10.5pt"`, `"0.5in"`, `"1.2cm"` (spaces allowed before the
    /// unit). A bare `"0"` is accepted; any other number needs a unit, because a
    /// guessed unit is how posters end up printed at a quarter size.
    fn from_str(s: &str) -> Result<Length, LengthError> {
        let t = s.trim();
        let split = t
            .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-' || c == '+'))
            .unwrap_or(t.len());
        let (num, unit) = t.split_at(split);
        let v: f64 = num.parse().map_err(|_| {
            LengthError(format!(
                "`{s}` is not a length: expected a number with a unit, like \"15mm\", \"10.5pt\" or \"0.5in\""
            ))
        })?;
        if !v.is_finite() {
            return Err(LengthError(format!("`{s}` is not a finite length")));
        }
        match unit.trim() {
            "pt" => Ok(Length::pt(v)),
            "mm" => Ok(Length::mm(v)),
            "cm" => Ok(Length::cm(v)),
            "in" => Ok(Length::inch(v)),
            "" if v == 0.0 => Ok(Length::ZERO),
            "" => Err(LengthError(format!(
                "`{s}` has no unit: write \"{v}mm\", \"{v}pt\" or \"{v}in\""
            ))),
            other => Err(LengthError(format!(
                "`{s}` has the unknown unit `{other}`: use mm, cm, pt or in"
            ))),
        }
    }
}

impl<'de> serde::Deserialize<'de> for Length {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Length, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Length;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a length with a unit, like \"15mm\", \"10.5pt\" or \"0.5in\"")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Length, E> {
                s.parse().map_err(E::custom)
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Length, E> {
                if v == 0 {
                    Ok(Length::ZERO)
                } else {
                    Err(E::custom(format!(
                        "{v} has no unit: write \"{v}mm\", \"{v}pt\" or \"{v}in\" (in quotes)"
                    )))
                }
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Length, E> {
                self.visit_i64(v as i64)
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Length, E> {
                Err(E::custom(format!(
                    "{v} has no unit: write \"{v}mm\", \"{v}pt\" or \"{v}in\" (in quotes)"
                )))
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_units() {
        assert_eq!("72pt".parse::<Length>().unwrap(), Length::pt(72.0));
        assert!(("25.4mm".parse::<Length>().unwrap().to_pt() - 72.0).abs() < 1e-9);
        assert!(("1in".parse::<Length>().unwrap().to_pt() - 72.0).abs() < 1e-9);
        assert!(("2.54 cm".parse::<Length>().unwrap().to_pt() - 72.0).abs() < 1e-9);
        assert_eq!("0".parse::<Length>().unwrap(), Length::ZERO);
    }

    #[test]
    fn rejects_missing_or_unknown_units() {
        assert!("12"
            .parse::<Length>()
            .unwrap_err()
            .to_string()
            .contains("no unit"));
        assert!("12px"
            .parse::<Length>()
            .unwrap_err()
            .to_string()
            .contains("px"));
        assert!("mm".parse::<Length>().is_err());
        assert!("1e999mm".parse::<Length>().is_err());
    }

    #[test]
    fn converts_back() {
        let a4w = Length::mm(210.0);
        assert!((a4w.to_pt() - 595.2756).abs() < 1e-3);
        assert!((a4w.to_mm() - 210.0).abs() < 1e-9);
    }
}
