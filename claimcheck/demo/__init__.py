"""The bundled sample corpus and the loopback server that `claimcheck demo` (and the tests) serve it with."""
