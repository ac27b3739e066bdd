"""Onboarding's business errors, each rendered as problem+json."""

from libs.errors import Conflict, NotFound, Unprocessable


class ApplicationNotFound(NotFound):
    code, title = "application-not-found", "No such reseller application"


class ApplicationAlreadyReviewed(Conflict):
    code, title = "application-already-reviewed", "The application was reviewed already"


class ResellerNotFound(NotFound):
    code, title = "reseller-not-found", "No such reseller"


class PolicyVersionNotCurrent(Unprocessable):
    code, title = "policy-version-not-current", "Only the current policy version can be accepted"


class ApiKeyNotFound(NotFound):
    code, title = "api-key-not-found", "No such API key"
