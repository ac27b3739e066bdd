"""Licensing's business errors, each rendered as problem+json."""

from libs.errors import Conflict, DomainError, NotFound, Unprocessable


class LicenseNotFound(NotFound):
    code, title = "license-not-found", "No such license"


class OrderNotFound(NotFound):
    code, title = "order-not-found", "No such order"


class SubscriptionNotFound(NotFound):
    code, title = "subscription-not-found", "No such subscription"


class SeatAssignmentNotFound(NotFound):
    code, title = "seat-assignment-not-found", "No seat is assigned to this e-mail"


class InvitationNotFound(NotFound):
    code, title = "invitation-not-found", "No such invitation, or it was used or withdrawn"


class InvitationExpired(Conflict):
    code, title = "invitation-expired", "The invitation has expired; ask for a new one"


class NotAwaitingPrepayment(Conflict):
    code, title = (
        "order-not-awaiting-prepayment",
        "R-LI-3: only an order awaiting its prepayment gets a temporary license",
    )


class TemporaryLicenseExists(Conflict):
    code, title = (
        "temporary-license-exists",
        "R-LI-3: the order had its temporary license already (at most one per order)",
    )


class NoSeatsLeft(Conflict):
    code, title = "no-seats-left", "R-LI-4: every usable seat of the subscription is assigned"


class SeatAlreadyAssigned(Conflict):
    code, title = "seat-already-assigned", "A seat of this subscription is assigned to this e-mail already"


class SubscriptionNotUsable(Conflict):
    code, title = (
        "subscription-not-usable",
        "The subscription has no usable seats (unpaid, expired or cancelled)",
    )


class InvalidEmail(Unprocessable):
    code, title = "invalid-email", "Not a valid e-mail address"


class LicenseNotActive(DomainError):
    status, code, title = (
        410,
        "license-not-active",
        "R-LI-2: the license has ended (revoked or expired); no file is signed for it",
    )
