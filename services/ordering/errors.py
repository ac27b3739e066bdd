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
