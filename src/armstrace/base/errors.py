"""One error tree, written for the person running armstrace.

Every error carries a one-line message naming the file or endpoint involved, a hint that says
what to do, and the process exit status the command line uses for it. Library code raises
these; only the command line prints them.
"""

from __future__ import annotations


class ArmstraceError(Exception):
    """Base of every error armstrace reports to a user."""

    exit_code = 1
    default_hint = ""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = self.default_hint if hint is None else hint
        # Model requests made by the work that failed, failed attempts included, so that a
        # failed article's usage says what it cost.
        self.calls = 0

    def __str__(self) -> str:
        return self.message


class UsageError(ArmstraceError):
    """The command was asked for something it cannot do as given."""

    exit_code = 2


class InputError(ArmstraceError):
    """An article or input path cannot be read as an article."""

    exit_code = 3


class ConfigError(ArmstraceError):
    """A setting, prompt file or model file is missing or wrong."""

    exit_code = 4


class EndpointError(ArmstraceError):
    """The model endpoint failed in a way retrying does not fix."""

    exit_code = 5


class TransientEndpointError(EndpointError):
    """The endpoint failed in a way that may pass (timeout, 429, 5xx); retried before raised."""


class ExtractionError(ArmstraceError):
    """The model answered, but no valid extraction could be made from its answers."""

    exit_code = 6


class LocalServerError(ArmstraceError):
    """The embedded llama.cpp server could not be installed, started or reached."""

    exit_code = 7


class ServerDied(LocalServerError):
    """The embedded server ended during the run and could not be brought back."""


class Interrupted(ArmstraceError):
    """The run was stopped by Ctrl-C or SIGTERM; completed work is kept."""

    exit_code = 130
