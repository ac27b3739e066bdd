from enum import StrEnum

class LeasingJobsRunsName(StrEnum):
    END_CONTRACTS = "end-contracts"
    SELL_OUT_REPORTS = "sell-out-reports"

    def __str__(self) -> str:
        return str(self.value)
