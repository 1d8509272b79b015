"""The one error type the CLI turns into a one-line message and a non-zero exit code."""


class DiplographError(Exception):
    """A user-facing error: bad input, unknown name, malformed data. Never a bug."""
