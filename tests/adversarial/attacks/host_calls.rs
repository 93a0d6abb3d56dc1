//! The host-call module: validated, capped, never trusted.

use code_interpreter::service::proto::Outcome;

use crate::case::Class::*;
use crate::case::*;

/// The cases of this class.
pub fn cases() -> Vec<Case> {
    use Outcome::*;
    vec![
        case(HostCalls, "unknown_operation", "import _hostcall\n_hostcall.call('shell', b'id')")
            .raises("HostError")
            .evalue_has("unknown host operation"),
        case(HostCalls, "oversized_operation_name", "import _hostcall\n_hostcall.call('x' * 10**7, b'')")
            .raises("HostError")
            .evalue_has("longer than 64 bytes"),
        case(HostCalls, "nul_in_operation_name", "import _hostcall\n_hostcall.call('ev\\x00ent', b'')")
            .raises("HostError"),
        case(HostCalls, "payload_of_17_mib", "import _hostcall\n_hostcall.call('event', b'x' * (17 << 20))")
            .raises("HostError")
            .evalue_has("exceeds the 16777216-byte limit")
            .stderr_has("an output event of 17825792 bytes was dropped")
            .truncated(),
        case(HostCalls, "malformed_json_event", "import _hostcall\n_hostcall.call('event', b'{\"type\": \"stream\"')")
            .raises("HostError")
            .evalue_has("malformed event"),
        case(HostCalls, "invalid_utf8_event", "import _hostcall\n_hostcall.call('event', b'\\xff\\xfe')")
            .raises("HostError"),
        case(HostCalls, "empty_event", "import _hostcall\n_hostcall.call('event', b'')").raises("HostError"),
        case(
            HostCalls,
            "unknown_value_kind",
            "import _hostcall\n_hostcall.call('event', b'{\"type\":\"result\",\"value\":{\"kind\":\"shell\"},\"text_plain\":\"\",\"text_latex\":null}')",
        )
        .raises("HostError"),
        case(
            HostCalls,
            "forged_end_event",
            "import _hostcall\n_hostcall.call('event', b'{\"type\":\"end\",\"outcome\":\"ok\",\"usage\":{\"wall_time\":0,\"fuel_used\":null,\"peak_memory_bytes\":0,\"execution_count\":1},\"output_truncated\":false,\"message\":null}')",
        )
        .raises("HostError")
        .evalue_has("may not send end events"),
        case(
            HostCalls,
            "forged_memory_error_is_not_a_memory_limit",
            py(&[
                "import _hostcall, json",
                "_hostcall.call('event', json.dumps({'type': 'error', 'ename': 'MemoryError', 'evalue': 'forged', 'traceback': []}).encode())",
            ]),
        )
        .raises("MemoryError"),
        case(
            HostCalls,
            "forged_stream_counts_against_the_output_cap",
            py(&[
                "import _hostcall, json",
                "_hostcall.call('event', json.dumps({'type': 'stream', 'name': 'stdout', 'text': 'q' * (2 << 20)}).encode())",
            ]),
        )
        .output_cap(1000)
        .stdout_len(1000)
        .truncated()
        .result("b'0'"),
        case(
            HostCalls,
            "event_flood_past_64_mib",
            py(&[
                "import _hostcall, json",
                "big = json.dumps({'type': 'stream', 'name': 'stdout', 'text': 'x' * (15 << 20)}).encode()",
                "for _ in range(6):",
                "    _hostcall.call('event', big)",
            ]),
        )
        .ends(OutputLimit)
        .truncated()
        .message_has("more output than the per-cell cap"),
        case(
            HostCalls,
            "display_flood_past_64_mib",
            py(&[
                "class Page:",
                "    def _repr_html_(self):",
                "        return 'h' * (1 << 20)",
                "for _ in range(100):",
                "    display(Page())",
            ]),
        )
        .ends(OutputLimit)
        .truncated(),
        case(HostCalls, "garbage_chart_spec", "import _hostcall\n_hostcall.call('chart', b'x' * 1000)")
            .raises("HostError")
            .evalue_has("invalid figure"),
        case(
            HostCalls,
            "oversized_chart",
            "import matplotlib.pyplot as plt\nplt.figure(figsize=(1000, 1000), dpi=100)\nplt.plot([1, 2])\nplt.savefig('x.png')",
        )
        .raises("ValueError")
        .evalue_has("8192"),
        case(HostCalls, "payload_of_the_wrong_type", "import _hostcall\n_hostcall.call('event', '{}')")
            .raises("TypeError"),
        case(
            HostCalls,
            "forged_next_mid_cell_is_refused",
            "import _hostcall\nstolen = _hostcall.call('next', b'')\nprint('hijacked', stolen)",
        )
        .raises("HostError")
        .evalue_has("unknown host operation")
        .then("print('victim')\n'victim result'")
        .stdout("victim\n")
        .result("'victim result'"),
    ]
}
