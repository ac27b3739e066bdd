"""Onboarding's business errors, each rendered as problem+json."""

from libs.errors import Conflict, Forbidden, NotFound, Unprocessable


class ApplicationNotFound(NotFound):
    code, title = "application-not-found", "No such reseller application"


class ApplicationAlreadyReviewed(Conflict):
    code, title = "application-already-reviewed", "The application was reviewed already"


class EligibilityOverrideRequired(Unprocessable):
    code = "eligibility-override-required"
    title = "R-ON-1: a consultancy is approved only with an explicit staff override and its reason"


class TaxProfileChangeNotFound(NotFound):
    code, title = "tax-profile-change-not-found", "No such tax profile change request"


class TaxProfileChangeDecided(Conflict):
    code, title = "tax-profile-change-decided", "The tax profile change was decided already"


class TaxProfileChangeNeedsReview(Forbidden):
    code = "tax-profile-change-needs-review"
    title = "A reseller's tax profile changes only after staff review"


class ResellerSuspended(Forbidden):
    code, title = "reseller-suspended", "The reseller is suspended"


class ResellerNotFound(NotFound):
    code, title = "reseller-not-found", "No such reseller"


class PolicyVersionNotCurrent(Unprocessable):
    code, title = "policy-version-not-current", "Only the current policy version can be accepted"


class ApiKeyNotFound(NotFound):
    code, title = "api-key-not-found", "No such API key"


class CustomerNotFound(NotFound):
    code, title = "customer-not-found", "No such customer"


class CustomerDomainTaken(Conflict):
    code, title = "customer-domain-taken", "A customer with this domain exists already"


class CustomerAlreadyDomainCustomer(Conflict):
    code, title = "customer-already-domain-verified", "The customer is a domain customer already"


class CustomerUserExists(Conflict):
    code, title = "customer-user-exists", "The customer has a user with this e-mail already"


class AdminConfirmationRequired(Conflict):
    code, title = "admin-confirmation-required", "Making this user an administrator needs confirmation"


class CustomerAlreadyOwned(Conflict):
    code, title = "customer-already-owned", "The customer belongs to the importing reseller already"


class TransferTokenInvalid(Unprocessable):
    code, title = "transfer-token-invalid", "The transfer token is not valid"


class TransferTokenExpired(Unprocessable):
    code, title = "transfer-token-expired", "The transfer token has expired"


class TransferTokenUsed(Conflict):
    code, title = "transfer-token-used", "The transfer token has been used already"


class TransferTokenWrongFamily(Unprocessable):
    code, title = "transfer-token-wrong-family", "The transfer token is for another product family"


class InvalidField(Unprocessable):
    """A field failed a domain check (domain.validation); `errors` names it."""

    code, title = "validation-error", "The request is not valid"


class TaxProfileNotApplicable(Unprocessable):
    code, title = "exemption-certificate-not-applicable", "Exemption certificates are for US resellers only"


class ProgramNotFound(NotFound):
    code, title = "program-not-found", "No such reseller program"


class InvalidStatusChange(Conflict):
    code, title = "invalid-status-change", "The reseller cannot move to this status"


class EditionStaffOnly(Forbidden):
    code = "edition-staff-only"
    title = "R-CU-1: only vendor staff change the edition a customer runs (it decides who may be sold to)"
