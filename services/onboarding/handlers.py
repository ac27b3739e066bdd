"""Events onboarding consumes from other services (billing's payment facts arrive with billing)."""

from libs.consumer import HandlerMap

HANDLERS: HandlerMap = {}
