//! Native code: no ctypes, no mmap.

use crate::case::Class::*;
use crate::case::*;

/// The cases of this class.
pub fn cases() -> Vec<Case> {
    vec![
        case(NativeCode, "import_ctypes", "import ctypes").raises("ModuleNotFoundError"),
        case(
            NativeCode,
            "ctypes_cdll_libc",
            "from ctypes import CDLL\nCDLL('libc.so.6').system(b'id')",
        )
        .raises("ModuleNotFoundError"),
        case(NativeCode, "import_mmap", "import mmap").raises("ModuleNotFoundError"),
    ]
}
