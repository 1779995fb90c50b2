"""The AppSpec contract (see ../shared/DESIGN.md): JSON in, JSON out, validated end to end."""

from flashapps.spec.app import (
    SPEC_VERSION,
    AppSpec,
    Brief,
    Example,
    Expect,
    KeyPath,
    LeftOut,
    LogicFunction,
    Param,
    Screen,
    Step,
    Theme,
)
from flashapps.spec.components import *  # noqa: F403
from flashapps.spec.components import __all__ as _components_all
from flashapps.spec.data import FIELD_WIDGETS, DataField, Entity, Metric, Scope, check_value

__all__ = [
    "FIELD_WIDGETS",
    "SPEC_VERSION",
    "AppSpec",
    "Brief",
    "DataField",
    "Entity",
    "Example",
    "Expect",
    "KeyPath",
    "LeftOut",
    "LogicFunction",
    "Metric",
    "Param",
    "Scope",
    "Screen",
    "Step",
    "Theme",
    "check_value",
    *_components_all,
]
