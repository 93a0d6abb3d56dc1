//! Colours as the guest sends them: `"#rrggbbaa"` (or `"#rrggbb"`).

use serde::{Deserialize, Deserializer};

/// An sRGB colour with straight (not premultiplied) alpha.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgba {
    pub r: u8,
    pub g: u8,
    pub b: u8,
    pub a: u8,
}

impl Rgba {
    pub const BLACK: Rgba = Rgba::opaque(0, 0, 0);
    pub const WHITE: Rgba = Rgba::opaque(255, 255, 255);
    pub const TRANSPARENT: Rgba = Rgba {
        r: 0,
        g: 0,
        b: 0,
        a: 0,
    };

    pub const fn opaque(r: u8, g: u8, b: u8) -> Self {
        Self { r, g, b, a: 255 }
    }

    /// Parses `#rrggbb` or `#rrggbbaa`.
    pub fn parse(text: &str) -> Option<Self> {
        let hex = text.strip_prefix('#')?;
        if !(hex.len() == 6 || hex.len() == 8) || !hex.is_ascii() {
            return None;
        }
        let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        Some(Self {
            r: byte(0)?,
            g: byte(2)?,
            b: byte(4)?,
            a: if hex.len() == 8 { byte(6)? } else { 255 },
        })
    }

    /// Opacity in 0..=1.
    pub fn alpha(self) -> f64 {
        f64::from(self.a) / 255.0
    }

    pub fn is_transparent(self) -> bool {
        self.a == 0
    }

    /// `#rrggbb` (alpha dropped), as SVG and the chart description write it.
    pub fn hex_rgb(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }

    /// `#rrggbbaa`.
    pub fn hex(self) -> String {
        format!("{}{:02x}", self.hex_rgb(), self.a)
    }
}

impl<'de> Deserialize<'de> for Rgba {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Rgba::parse(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("bad colour {text:?}: want #rrggbbaa")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_hex_with_and_without_alpha() {
        assert_eq!(Rgba::parse("#ff8000"), Some(Rgba::opaque(255, 128, 0)));
        assert_eq!(
            Rgba::parse("#1f77b480"),
            Some(Rgba {
                r: 0x1f,
                g: 0x77,
                b: 0xb4,
                a: 0x80
            })
        );
        assert_eq!(Rgba::parse("red"), None);
        assert_eq!(Rgba::parse("#12345"), None);
        assert_eq!(Rgba::parse("#gg0000"), None);
    }
}
