//! File requests never follow the links a cell makes.

use tonic::Code;

use crate::case::Class::*;
use crate::case::*;

/// The cases of this class.
pub fn cases() -> Vec<Case> {
    vec![
        case(
            Transfers,
            "download_through_a_link_to_etc_passwd",
            "import os\nos.symlink('../../../../../../../../etc/passwd', 'passwd')",
        )
        .download("passwd", Err(Code::InvalidArgument))
        .listed(&[]),
        case(
            Transfers,
            "download_through_a_link_to_the_scratch_root",
            "import os\nos.symlink('..', 'up')",
        )
        .download("up", Err(Code::InvalidArgument))
        .download("up/x", Err(Code::InvalidArgument)),
        case(
            Transfers,
            "upload_through_a_link_to_the_scratch_root",
            "import os\nos.symlink('..', 'up')",
        )
        .upload(
            "up/ci-adversarial-upload.txt",
            16,
            Some(Code::InvalidArgument),
        )
        .absent_on_host("ci-adversarial-upload.txt"),
        case(Transfers, "download_with_dotdot", "'nothing to do'")
            .download("../../../etc/passwd", Err(Code::InvalidArgument))
            .download("/etc/passwd", Err(Code::InvalidArgument)),
        case(
            Transfers,
            "links_are_left_out_of_listings",
            "import os\nopen('real.txt', 'w').write('real')\nos.symlink('real.txt', 'link.txt')",
        )
        .listed(&["real.txt"])
        .download("real.txt", Result::Ok(b"real"))
        .download("link.txt", Err(Code::InvalidArgument)),
        case(
            Transfers,
            "upload_quota_counts_the_cells_own_files",
            "with open('big.bin', 'wb') as f:\n    f.write(b'x' * (60 << 20))",
        )
        .upload("more.bin", 8 << 20, Some(Code::ResourceExhausted))
        .listed(&["big.bin"]),
    ]
}
