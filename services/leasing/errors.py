"""Leasing's business errors, each rendered as problem+json."""

from libs.errors import Conflict, NotFound, Unprocessable


class BundleNotFound(NotFound):
    code, title = "bundle-not-found", "No such WaaS bundle"


class BundleExists(Conflict):
    code, title = "bundle-exists", "A bundle with this code exists already"


class ContractNotFound(NotFound):
    code, title = "contract-not-found", "No such contract"


class HardwareRequestNotFound(NotFound):
    code, title = "hardware-request-not-found", "No such hardware request"


class UnknownCustomer(Unprocessable):
    code, title = "unknown-customer", "The end customer is not one of the reseller's customers"


class UnknownBundle(Unprocessable):
    code, title = "unknown-bundle", "The bundle is not in the WaaS price list"


class UnknownOption(Unprocessable):
    code, title = (
        "unknown-option",
        "R-WA-11: only the bundle's price-list options are leased; partners bill their own services",
    )


class ManufacturerNotPreselected(Unprocessable):
    code, title = (
        "manufacturer-not-preselected",
        "R-WA-1: WaaS hardware comes from the preselected manufacturers only",
    )


class ContractStateConflict(Conflict):
    code, title = "contract-state-conflict", "The contract is not in a state that allows this"


class ExtensionLimit(Conflict):
    code, title = "extension-limit", "R-WA-7: the extension passes the contract's limit"


class RequestAlreadyDecided(Conflict):
    code, title = "hardware-request-decided", "The hardware request was decided already"


class FourEyesRequired(Conflict):
    code = "four-eyes-required"
    title = "R-WA-3: the distributor signs with another staff key than the one that decided the credit check"


class ExtensionNotFound(NotFound):
    code, title = "extension-not-found", "No such extension of this contract"


class TerminationDateNotAllowed(Unprocessable):
    code, title = (
        "termination-date-not-allowed",
        "R-WA-6: a termination takes effect on the platform's date (staff may record another, never later)",
    )


class InvalidCustomerVatId(Unprocessable):
    code, title = "invalid-vat-id", "The end customer's VAT id is not a valid EU VAT id of its country"
