"""Serving apps: the runner that starts them in the sandbox, what an address serves, the proxy."""
