"""Request bodies checked against a provider SDK's own request types (pydantic TypeAdapters)."""
import inspect
from enum import Enum
from typing import Any, Iterator, Optional, Union, get_args, get_origin, get_type_hints

from pydantic import ConfigDict, TypeAdapter, ValidationError, create_model
from typing_extensions import is_typeddict


def _forbid_extra_keys(tp: Any, seen: set[int]) -> None:
    # The SDKs' TypedDicts leave pydantic's default (extra keys ignored); the real APIs refuse unknown
    # parameters, so every TypedDict reachable from the request type refuses them here too. A few
    # members are upload types (IO[bytes]): checked by isinstance, which no JSON value passes.
    if id(tp) in seen:
        return
    seen.add(id(tp))
    if is_typeddict(tp):
        tp.__pydantic_config__ = ConfigDict(extra="forbid", arbitrary_types_allowed=True)
        for hint in get_type_hints(tp).values():
            _forbid_extra_keys(hint, seen)
    for arg in get_args(tp):
        _forbid_extra_keys(arg, seen)


def strict_adapter(tp: Any) -> TypeAdapter:
    _forbid_extra_keys(tp, set())
    return TypeAdapter(tp)


def _loc(path: tuple, loc: tuple) -> str:
    return ".".join(str(part) for part in (*path, *loc)) or "<body>"


def _materialize(value: Any, path: tuple, found: list[str]) -> None:
    # `Iterable[...]` fields validate lazily, on iteration: walk everything so their errors surface.
    if isinstance(value, dict):
        for key, item in value.items():
            _materialize(item, (*path, key), found)
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            _materialize(item, (*path, index), found)
    elif isinstance(value, Iterator):
        try:
            for index, item in enumerate(value):
                _materialize(item, (*path, index), found)
        except ValidationError as error:
            found.extend(f"{_loc(path, e['loc'])}: {e['msg']}" for e in error.errors())


def errors(adapter: TypeAdapter, body: Any) -> list[str]:
    """pydantic's complaints about `body`, one `location: message` line each; empty when it fits.
    A union reports one line per member, naming the member."""
    try:
        validated = adapter.validate_python(body)
    except ValidationError as error:
        return [f"{_loc((), e['loc'])}: {e['msg']}" for e in error.errors()]
    found: list[str] = []
    _materialize(validated, (), found)
    return found


def _known_values(hint: Any) -> Any:
    # Azure's generated SDKs type enum parameters `Union[str, SomeEnum]` (any string, for forward
    # compatibility); the REST API takes the enum's values only.
    members = get_args(hint)
    enums = [member for member in members if isinstance(member, type) and issubclass(member, Enum)]
    if get_origin(hint) is Union and str in members and len(enums) == 1:
        return Optional[enums[0]] if type(None) in members else enums[0]
    return hint


def params_adapter(name: str, method: Any, skip: tuple[str, ...] = ()) -> TypeAdapter:
    """A request type from an SDK method whose keyword parameters are the JSON body, unknown keys refused."""
    hints = get_type_hints(method)
    fields = {}
    for param, spec in inspect.signature(method).parameters.items():
        if param in ("self", *skip) or spec.kind is inspect.Parameter.VAR_KEYWORD:
            continue
        required = spec.default is inspect.Parameter.empty
        fields[param] = (_known_values(hints[param]), ... if required else None)
    return strict_adapter(create_model(name, __config__=ConfigDict(extra="forbid"), **fields))
