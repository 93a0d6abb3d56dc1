//! matplotlib's mathtext (`$...$` in a label) approximated with Unicode:
//! Greek letters and common symbols by name, `^`/`_` as superscript and
//! subscript characters where Unicode has them, `\frac{a}{b}` as `a/b`, font
//! commands (`\mathrm{...}`) by their contents. Text outside `$` pairs, and
//! `\$`, stay as written.

/// The text to draw for a matplotlib string.
pub fn to_unicode(text: &str) -> String {
    if !text.contains('$') {
        return text.to_owned();
    }
    // An odd number of unescaped dollars means no math (matplotlib's rule).
    let dollars = unescaped_dollars(text);
    if dollars.len() < 2 || dollars.len() % 2 == 1 {
        return text.replace("\\$", "$");
    }
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for pair in dollars.chunks_exact(2) {
        out.push_str(&text[last..pair[0]].replace("\\$", "$"));
        out.push_str(&math(&text[pair[0] + 1..pair[1]]));
        last = pair[1] + 1;
    }
    out.push_str(&text[last..].replace("\\$", "$"));
    out
}

fn unescaped_dollars(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    (0..bytes.len())
        .filter(|&i| bytes[i] == b'$' && (i == 0 || bytes[i - 1] != b'\\'))
        .collect()
}

/// Converts one math segment.
fn math(source: &str) -> String {
    let chars: Vec<char> = source.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '\\' => {
                let (name, next) = command(&chars, i + 1);
                i = next;
                match name.as_str() {
                    "frac" | "dfrac" | "tfrac" => {
                        let (numerator, after) = group(&chars, i);
                        let (denominator, after) = group(&chars, after);
                        i = after;
                        out.push_str(&fraction(&math(&numerator), &math(&denominator)));
                    }
                    "mathrm" | "mathbf" | "mathit" | "mathsf" | "mathtt" | "text" | "textbf"
                    | "textit" | "operatorname" | "mathdefault" | "boldsymbol" => {
                        let (body, after) = group(&chars, i);
                        i = after;
                        out.push_str(&math(&body));
                    }
                    "overline" => {
                        // Each character with a combining overline (U+0305).
                        let (body, after) = group(&chars, i);
                        i = after;
                        for c in math(&body).chars() {
                            out.push(c);
                            out.push('\u{0305}');
                        }
                    }
                    "sqrt" => {
                        let (body, after) = group(&chars, i);
                        i = after;
                        let body = math(&body);
                        out.push('√');
                        if body.chars().count() > 1 {
                            out.push_str(&format!("({body})"));
                        } else {
                            out.push_str(&body);
                        }
                    }
                    _ => out.push_str(symbol(&name).unwrap_or(&format!("\\{name}"))),
                }
            }
            marker @ ('^' | '_') => {
                let (body, after) = group(&chars, i + 1);
                i = after;
                let body = math(&body);
                let mapped: Option<String> = body
                    .chars()
                    .map(|c| {
                        if marker == '^' {
                            superscript(c)
                        } else {
                            subscript(c)
                        }
                    })
                    .collect();
                match mapped {
                    Some(script) => out.push_str(&script),
                    None if body.chars().count() == 1 => {
                        out.push(marker);
                        out.push_str(&body);
                    }
                    None => out.push_str(&format!("{marker}({body})")),
                }
            }
            '{' | '}' => i += 1,
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

/// A command name after a backslash (letters, or one other character).
fn command(chars: &[char], start: usize) -> (String, usize) {
    let end = chars[start..]
        .iter()
        .position(|c| !c.is_ascii_alphabetic())
        .map_or(chars.len(), |n| start + n);
    if end > start {
        (chars[start..end].iter().collect(), end)
    } else if start < chars.len() {
        (chars[start].to_string(), start + 1)
    } else {
        (String::new(), start)
    }
}

/// A `{...}` group (nested braces kept) or a single character.
fn group(chars: &[char], start: usize) -> (String, usize) {
    let mut i = start;
    while i < chars.len() && chars[i] == ' ' {
        i += 1;
    }
    match chars.get(i) {
        Some('{') => {
            let mut depth = 0;
            for (j, &c) in chars.iter().enumerate().skip(i) {
                match c {
                    '{' => depth += 1,
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            return (chars[i + 1..j].iter().collect(), j + 1);
                        }
                    }
                    _ => {}
                }
            }
            (chars[i + 1..].iter().collect(), chars.len())
        }
        Some('\\') => {
            let (name, next) = command(chars, i + 1);
            (format!("\\{name}"), next)
        }
        Some(&c) => (c.to_string(), i + 1),
        None => (String::new(), i),
    }
}

fn fraction(numerator: &str, denominator: &str) -> String {
    let wrap = |s: &str| {
        if s.chars().count() > 1 {
            format!("({s})")
        } else {
            s.to_owned()
        }
    };
    format!("{}/{}", wrap(numerator), wrap(denominator))
}

fn superscript(c: char) -> Option<char> {
    Some(match c {
        '0' => '⁰',
        '1' => '¹',
        '2' => '²',
        '3' => '³',
        '4' => '⁴',
        '5' => '⁵',
        '6' => '⁶',
        '7' => '⁷',
        '8' => '⁸',
        '9' => '⁹',
        '+' => '⁺',
        '-' | '−' => '⁻',
        '=' => '⁼',
        '(' => '⁽',
        ')' => '⁾',
        'n' => 'ⁿ',
        'i' => 'ⁱ',
        'T' => 'ᵀ',
        '°' | '∘' => '°',
        _ => return None,
    })
}

fn subscript(c: char) -> Option<char> {
    Some(match c {
        '0' => '₀',
        '1' => '₁',
        '2' => '₂',
        '3' => '₃',
        '4' => '₄',
        '5' => '₅',
        '6' => '₆',
        '7' => '₇',
        '8' => '₈',
        '9' => '₉',
        '+' => '₊',
        '-' | '−' => '₋',
        '=' => '₌',
        '(' => '₍',
        ')' => '₎',
        'a' => 'ₐ',
        'e' => 'ₑ',
        'o' => 'ₒ',
        'x' => 'ₓ',
        'h' => 'ₕ',
        'k' => 'ₖ',
        'l' => 'ₗ',
        'm' => 'ₘ',
        'n' => 'ₙ',
        'p' => 'ₚ',
        's' => 'ₛ',
        't' => 'ₜ',
        'i' => 'ᵢ',
        'j' => 'ⱼ',
        'r' => 'ᵣ',
        'u' => 'ᵤ',
        'v' => 'ᵥ',
        _ => return None,
    })
}

/// The character(s) for a symbol command.
fn symbol(name: &str) -> Option<&'static str> {
    Some(match name {
        "alpha" => "α",
        "beta" => "β",
        "gamma" => "γ",
        "delta" => "δ",
        "epsilon" | "varepsilon" => "ε",
        "zeta" => "ζ",
        "eta" => "η",
        "theta" | "vartheta" => "θ",
        "iota" => "ι",
        "kappa" => "κ",
        "lambda" => "λ",
        "mu" => "μ",
        "nu" => "ν",
        "xi" => "ξ",
        "pi" => "π",
        "rho" => "ρ",
        "sigma" => "σ",
        "tau" => "τ",
        "upsilon" => "υ",
        "phi" | "varphi" => "φ",
        "chi" => "χ",
        "psi" => "ψ",
        "omega" => "ω",
        "Gamma" => "Γ",
        "Delta" => "Δ",
        "Theta" => "Θ",
        "Lambda" => "Λ",
        "Xi" => "Ξ",
        "Pi" => "Π",
        "Sigma" => "Σ",
        "Phi" => "Φ",
        "Psi" => "Ψ",
        "Omega" => "Ω",
        "times" => "×",
        "cdot" => "·",
        "div" => "÷",
        "pm" => "±",
        "mp" => "∓",
        "leq" | "le" => "≤",
        "geq" | "ge" => "≥",
        "neq" | "ne" => "≠",
        "approx" => "≈",
        "sim" => "∼",
        "equiv" => "≡",
        "propto" => "∝",
        "infty" => "∞",
        "sum" => "∑",
        "prod" => "∏",
        "int" => "∫",
        "partial" => "∂",
        "nabla" => "∇",
        "circ" => "∘",
        "degree" => "°",
        "rightarrow" | "to" => "→",
        "leftarrow" => "←",
        "Rightarrow" => "⇒",
        "leftrightarrow" => "↔",
        "in" => "∈",
        "forall" => "∀",
        "exists" => "∃",
        "cdots" | "ldots" | "dots" => "…",
        "log" => "log",
        "ln" => "ln",
        "exp" => "exp",
        "sin" => "sin",
        "cos" => "cos",
        "tan" => "tan",
        "max" => "max",
        "min" => "min",
        "%" => "%",
        "$" => "$",
        "_" => "_",
        "&" => "&",
        "#" => "#",
        "{" => "{",
        "}" => "}",
        "," | ";" | ":" | " " | "quad" | "qquad" => " ",
        "!" => "",
        "left" | "right" | "displaystyle" => "",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::to_unicode;

    #[test]
    fn common_labels() {
        assert_eq!(to_unicode("$y = x^2$"), "y = x²");
        assert_eq!(to_unicode("Temperature ($^\\circ$C)"), "Temperature (°C)");
        assert_eq!(to_unicode("$R^2$ score"), "R² score");
        assert_eq!(to_unicode("$\\alpha + \\beta_1$"), "α + β₁");
        assert_eq!(to_unicode("$\\frac{dy}{dx}$"), "(dy)/(dx)");
        assert_eq!(to_unicode("$\\overline{10}$"), "1\u{0305}0\u{0305}");
        assert_eq!(to_unicode("Size ($\\mu$m)"), "Size (μm)");
        assert_eq!(to_unicode("$e^{-x^2}$"), "e^(-x²)");
        assert_eq!(to_unicode("$\\sqrt{2}\\times 10^{-3}$"), "√2× 10⁻³");
        assert_eq!(to_unicode("$\\mathrm{CO}_2$"), "CO₂");
    }

    #[test]
    fn dollars_outside_math_stay() {
        assert_eq!(to_unicode("Price in $"), "Price in $");
        assert_eq!(to_unicode("costs \\$5 and \\$6"), "costs $5 and $6");
        assert_eq!(to_unicode("$5 to $6 to $7"), "$5 to $6 to $7");
        assert_eq!(to_unicode("no math"), "no math");
    }
}
