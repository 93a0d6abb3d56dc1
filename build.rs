//! Compiles the gRPC API in `proto/` with protox (pure Rust, no system protoc),
//! and finds the fonts embedded for chart text.

use std::path::PathBuf;

/// Fonts embedded in the binary: (env var for include_bytes!, file, Debian package).
const FONTS: [(&str, &str, &str); 13] = [
    (
        "CHART_FONT_REGULAR",
        "dejavu/DejaVuSans.ttf",
        "fonts-dejavu-core",
    ),
    (
        "CHART_FONT_BOLD",
        "dejavu/DejaVuSans-Bold.ttf",
        "fonts-dejavu-core",
    ),
    (
        "CHART_FONT_OBLIQUE",
        "dejavu/DejaVuSans-Oblique.ttf",
        "fonts-dejavu-extra",
    ),
    (
        "CHART_FONT_BOLD_OBLIQUE",
        "dejavu/DejaVuSans-BoldOblique.ttf",
        "fonts-dejavu-extra",
    ),
    (
        "CHART_FONT_SERIF",
        "dejavu/DejaVuSerif.ttf",
        "fonts-dejavu-core",
    ),
    (
        "CHART_FONT_SERIF_BOLD",
        "dejavu/DejaVuSerif-Bold.ttf",
        "fonts-dejavu-core",
    ),
    (
        "CHART_FONT_SERIF_ITALIC",
        "dejavu/DejaVuSerif-Italic.ttf",
        "fonts-dejavu-extra",
    ),
    (
        "CHART_FONT_SERIF_BOLD_ITALIC",
        "dejavu/DejaVuSerif-BoldItalic.ttf",
        "fonts-dejavu-extra",
    ),
    (
        "CHART_FONT_MONO",
        "dejavu/DejaVuSansMono.ttf",
        "fonts-dejavu-core",
    ),
    (
        "CHART_FONT_MONO_BOLD",
        "dejavu/DejaVuSansMono-Bold.ttf",
        "fonts-dejavu-core",
    ),
    (
        "CHART_FONT_MONO_OBLIQUE",
        "dejavu/DejaVuSansMono-Oblique.ttf",
        "fonts-dejavu-extra",
    ),
    (
        "CHART_FONT_MONO_BOLD_OBLIQUE",
        "dejavu/DejaVuSansMono-BoldOblique.ttf",
        "fonts-dejavu-extra",
    ),
    (
        "CHART_FONT_CJK",
        "wqy/wqy-microhei.ttc",
        "fonts-wqy-microhei",
    ),
];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    find_fonts()?;
    let proto = "proto/code_interpreter/v1/interpreter.proto";
    println!("cargo:rerun-if-changed=proto");
    let descriptors = protox::compile([proto], ["proto"])?;
    let out_dir = std::path::PathBuf::from(std::env::var("OUT_DIR")?);
    std::fs::write(
        out_dir.join("code_interpreter_descriptor.bin"),
        prost::Message::encode_to_vec(&descriptors),
    )?;
    tonic_prost_build::configure().compile_fds(descriptors)?;
    Ok(())
}

/// Points the CHART_FONT_* variables at the font files (under
/// `CODE_INTERPRETER_FONT_DIR`, default `/usr/share/fonts/truetype`).
fn find_fonts() -> Result<(), Box<dyn std::error::Error>> {
    println!("cargo:rerun-if-env-changed=CODE_INTERPRETER_FONT_DIR");
    let dir = std::env::var_os("CODE_INTERPRETER_FONT_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/share/fonts/truetype"));
    for (var, file, package) in FONTS {
        let path = dir.join(file);
        if !path.is_file() {
            return Err(format!(
                "font {} not found: install the Debian package {package} (scripts/host-deps.sh) \
                 or set CODE_INTERPRETER_FONT_DIR",
                path.display()
            )
            .into());
        }
        println!("cargo:rerun-if-changed={}", path.display());
        println!("cargo:rustc-env={var}={}", path.display());
    }
    Ok(())
}
