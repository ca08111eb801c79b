"""Python values written as TOML, for the scenario parser (one home for both callers)."""
import json


def value(v):
    """A TOML value: booleans, numbers, strings (quoted) and lists of them."""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, str):
        return json.dumps(v)  # a JSON string is a valid TOML basic string
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(value(x) for x in v) + "]"
    raise TypeError(f"a scenario value is a number, a boolean, a string or a list, not {v!r}")


def table(entries):
    """The keys of a TOML table, one line each."""
    return "".join(f"{json.dumps(str(k))} = {value(v)}\n" for k, v in entries.items())
