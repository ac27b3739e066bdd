from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.hardware_decision_decision import HardwareDecisionDecision
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.bundle_create import BundleCreate





T = TypeVar("T", bound="HardwareDecision")



@_attrs_define
class HardwareDecision:
    """ 
        Attributes:
            decision (HardwareDecisionDecision):
            reason (None | str | Unset):
            bundle (BundleCreate | None | Unset):
     """

    decision: HardwareDecisionDecision
    reason: None | str | Unset = UNSET
    bundle: BundleCreate | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.bundle_create import BundleCreate # noqa: PLC0415
        decision = self.decision.value

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        bundle: dict[str, Any] | None | Unset
        if isinstance(self.bundle, Unset):
            bundle = UNSET
        elif isinstance(self.bundle, BundleCreate):
            bundle = self.bundle.to_dict()
        else:
            bundle = self.bundle


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "decision": decision,
        })
        if reason is not UNSET:
            field_dict["reason"] = reason
        if bundle is not UNSET:
            field_dict["bundle"] = bundle

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.bundle_create import BundleCreate # noqa: PLC0415
        d = dict(src_dict)
        decision = HardwareDecisionDecision(d.pop("decision"))




        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))


        def _parse_bundle(data: object) -> BundleCreate | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                bundle_type_0 = BundleCreate.from_dict(data)



                return bundle_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BundleCreate | None | Unset, data)

        bundle = _parse_bundle(d.pop("bundle", UNSET))


        hardware_decision = cls(
            decision=decision,
            reason=reason,
            bundle=bundle,
        )

        return hardware_decision

