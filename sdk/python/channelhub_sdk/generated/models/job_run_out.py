from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.job_run_out_outcome import JobRunOutOutcome
from ..models.job_run_out_trigger import JobRunOutTrigger
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.job_run_out_counts_type_0 import JobRunOutCountsType0





T = TypeVar("T", bound="JobRunOut")



@_attrs_define
class JobRunOut:
    """ 
        Attributes:
            id (int):
            job (str):
            trigger (JobRunOutTrigger):
            period (str):
            as_of (datetime.date):
            started_at (datetime.datetime):
            finished_at (datetime.datetime | None):
            outcome (JobRunOutOutcome):
            counts (JobRunOutCountsType0 | None):
            error (None | str):
            affected (int):
     """

    id: int
    job: str
    trigger: JobRunOutTrigger
    period: str
    as_of: datetime.date
    started_at: datetime.datetime
    finished_at: datetime.datetime | None
    outcome: JobRunOutOutcome
    counts: JobRunOutCountsType0 | None
    error: None | str
    affected: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.job_run_out_counts_type_0 import JobRunOutCountsType0 # noqa: PLC0415
        id = self.id

        job = self.job

        trigger = self.trigger.value

        period = self.period

        as_of = self.as_of.isoformat()

        started_at = self.started_at.isoformat()

        finished_at: None | str
        if isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        outcome = self.outcome.value

        counts: dict[str, Any] | None
        if isinstance(self.counts, JobRunOutCountsType0):
            counts = self.counts.to_dict()
        else:
            counts = self.counts

        error: None | str
        error = self.error

        affected = self.affected


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "job": job,
            "trigger": trigger,
            "period": period,
            "as_of": as_of,
            "started_at": started_at,
            "finished_at": finished_at,
            "outcome": outcome,
            "counts": counts,
            "error": error,
            "affected": affected,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.job_run_out_counts_type_0 import JobRunOutCountsType0 # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        job = d.pop("job")

        trigger = JobRunOutTrigger(d.pop("trigger"))




        period = d.pop("period")

        as_of = datetime.date.fromisoformat(d.pop("as_of"))




        started_at = datetime.datetime.fromisoformat(d.pop("started_at"))




        def _parse_finished_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)



                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        finished_at = _parse_finished_at(d.pop("finished_at"))


        outcome = JobRunOutOutcome(d.pop("outcome"))




        def _parse_counts(data: object) -> JobRunOutCountsType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                counts_type_0 = JobRunOutCountsType0.from_dict(data)



                return counts_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(JobRunOutCountsType0 | None, data)

        counts = _parse_counts(d.pop("counts"))


        def _parse_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        error = _parse_error(d.pop("error"))


        affected = d.pop("affected")

        job_run_out = cls(
            id=id,
            job=job,
            trigger=trigger,
            period=period,
            as_of=as_of,
            started_at=started_at,
            finished_at=finished_at,
            outcome=outcome,
            counts=counts,
            error=error,
            affected=affected,
        )


        job_run_out.additional_properties = d
        return job_run_out

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
