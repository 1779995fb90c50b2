"""What runs inside a sandbox: the bundle check (ruff + pytest) and the relay that serves an app."""
