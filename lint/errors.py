"""The one exception type for problems with the invocation or environment (exit 2)."""


class ToolError(Exception):
    """A problem with the invocation or the environment, not with the pages."""


class InternalError(Exception):
    """A bug in doclint met while checking one file; the message names the file (and rule)."""
