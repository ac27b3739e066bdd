"""Ordering's business errors, each rendered as problem+json."""

from libs.errors import Conflict, NotFound, Unprocessable


class SkuNotFound(NotFound):
    code, title = "sku-not-found", "No such SKU"


class SkuAlreadyExists(Conflict):
    code, title = "sku-already-exists", "A SKU with this code exists already"


class ProductNotFound(NotFound):
    code, title = "product-not-found", "No such product"


class ProductAlreadyExists(Conflict):
    code, title = "product-already-exists", "A product with this code exists already"


class OrderNotFound(NotFound):
    code, title = "order-not-found", "No such order"


class UnknownSku(Unprocessable):
    code, title = "unknown-sku", "An order line names a SKU that is not in the catalog"


class PriceNotAvailable(Unprocessable):
    code, title = "price-not-available", "The SKU has no price in this currency"


class PaymentMethodNotAllowed(Unprocessable):
    code, title = "payment-method-not-allowed", "R-OR-4: reseller orders are paid by bank transfer only"


class ResellerCannotOrder(Unprocessable):
    code, title = "reseller-cannot-order", "This reseller cannot place orders now"


class PolicyNotAccepted(Unprocessable):
    code, title = "policy-not-accepted", "The current reseller policy must be accepted before ordering"


class UnknownCustomer(Unprocessable):
    code, title = "unknown-customer", "The order's customer is not one of this reseller's customers"


class OrderStateConflict(Conflict):
    code, title = "order-state-conflict", "The order is not in a state that allows this"


class TaxNotDeterminable(Unprocessable):
    code, title = "tax-not-determinable", "The reseller's tax location is not known"


class ProductNotForTeamCustomers(Unprocessable):
    code, title = (
        "product-not-for-team-customers",
        "R-CU-4: a team customer can only buy products that allow team customers",
    )


class SubscriptionNotFound(NotFound):
    code, title = "subscription-not-found", "No such subscription"


class SkuNotSeatBased(Unprocessable):
    code, title = "sku-not-seat-based", "Subscriptions are for seat-based SKUs only"


class TermDoesNotMatchPlan(Unprocessable):
    code, title = (
        "term-does-not-match-plan",
        "The term must match the SKU's billing plan (monthly 1, yearly 12)",
    )


class CustomerEditionNotEligible(Unprocessable):
    code = "customer-edition-not-eligible"
    title = "R-CU-1: a customer on a non-profit or legacy free edition cannot be sold to"


class SeatDateNotAllowed(Unprocessable):
    code = "seat-date-not-allowed"
    title = "R-OR-7: seats are bought today; another date is a staff correction"


class SeatDateOutsidePeriod(Unprocessable):
    code, title = "seat-date-outside-period", "as_of must fall within the subscription's current period"


class SubscriptionStateConflict(Conflict):
    code, title = "subscription-state-conflict", "The subscription is not in a state that allows this"
