//! Network: no sockets.

use crate::case::Class::*;
use crate::case::*;

/// The cases of this class.
pub fn cases() -> Vec<Case> {
    vec![
        case(Network, "socket_connect_loopback", "import socket\nsocket.socket().connect(('127.0.0.1', 22))")
            .raises("OSError")
            .evalue_has("Not supported"),
        case(
            Network,
            "connect_to_the_servers_own_port",
            "import socket\nsocket.create_connection(('127.0.0.1', {port}), timeout=1)",
        )
        .raises("AttributeError")
        .evalue_has("getaddrinfo"),
        case(
            Network,
            "raw_socket_to_the_servers_own_port",
            "import _socket\n_socket.socket(_socket.AF_INET, _socket.SOCK_STREAM).connect(('127.0.0.1', {port}))",
        )
        .raises("OSError"),
        case(
            Network,
            "urllib_to_the_server",
            "import urllib.request\nurllib.request.urlopen('http://127.0.0.1:{port}/').read()",
        )
        .raises("AttributeError"),
        case(
            Network,
            "asyncio_open_connection",
            "import asyncio\nasyncio.run(asyncio.open_connection('127.0.0.1', {port}))",
        )
        .raises("OSError"),
        case(
            Network,
            "socket_on_a_preopened_fd",
            "import socket\nsocket.socket(fileno=3).accept()",
        )
        .raises("OSError"),
    ]
}
