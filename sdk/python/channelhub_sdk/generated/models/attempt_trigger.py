from enum import StrEnum

class AttemptTrigger(StrEnum):
    REPLAY = "replay"
    SCHEDULE = "schedule"

    def __str__(self) -> str:
        return str(self.value)
