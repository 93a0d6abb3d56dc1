//! Sessions: nothing crosses from one to another.

use tonic::Code;

use crate::case::Class::*;
use crate::case::*;

/// Counts the objects of class `NeighbourMarker` on the interpreter's heap
/// (the name is built at run time, so the cell's own constants do not count).
const HEAP_SCAN: &str = "import gc\nname = ''.join(['Neighbour', 'Marker'])\nsum(1 for o in gc.get_objects() if type(o).__name__ == name)";

/// The cases of this class.
pub fn cases() -> Vec<Case> {
    vec![
        case(
            Sessions,
            "another_sessions_files",
            "import os\nos.listdir('/mnt/data')",
        )
        .result("[]")
        .then("open('/mnt/data/secret.txt').read()")
        .raises("FileNotFoundError")
        .neighbour(
            "open('/mnt/data/secret.txt', 'w').write('neighbour secret')",
            "open('/mnt/data/secret.txt').read()",
            "'neighbour secret'",
        ),
        case(Sessions, "another_sessions_variables", "secret")
            .raises("NameError")
            .neighbour(
                "secret = 'neighbour secret'",
                "secret",
                "'neighbour secret'",
            ),
        case(Sessions, "another_sessions_objects_on_the_heap", HEAP_SCAN)
            .result("0")
            .neighbour(
                "class NeighbourMarker:\n    pass\nheld = NeighbourMarker()",
                HEAP_SCAN,
                "1",
            ),
        case(
            Sessions,
            "patched_modules_stay_in_their_session",
            "import math, builtins\nmath.pi = 3\nbuiltins.abs = None\nmath.pi",
        )
        .result("3")
        .neighbour(
            "import math",
            "import math\n(math.pi, abs(-2))",
            "(3.141592653589793, 2)",
        ),
        case(
            Sessions,
            "list_the_scratch_parent",
            "import os\nos.listdir('/mnt')",
        )
        .raises("PermissionError"),
        case(
            Sessions,
            "one_off_leaves_nothing_behind",
            "open('/mnt/data/left.txt', 'w').write('x')\nleft = 1",
        )
        .one_off()
        .then("import os\n(os.listdir('/mnt/data'), 'left' in globals())")
        .result("([], False)"),
        case(Sessions, "unknown_session_id", "1")
            .unknown_session()
            .refused(Code::NotFound),
    ]
}
