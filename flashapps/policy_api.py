"""What bundle code may touch, name by name: the allow-lists behind ``flashapps.policy``.

Each module a bundle may import offers only the functions, classes and constants listed here,
never a module: an attribute chain that starts from an imported module must start with one of
its entries (``st.components.v2.component``), and ``from m import n`` may only import an entry
without dots. Everything else a module holds (``random._os``, ``datetime.sys``, ``json.codecs``,
``string.Formatter``) is refused. tests/sandbox/test_policy_allowlist.py imports every entry and
walks what it holds, to show no entry is or leads to a module.

Model-written code is logic.py only (the logic stage's function bodies); every other file is
rendered from our templates, and its lists hold what the templates use plus close kin.
"""

from __future__ import annotations

import builtins
import keyword

__all__ = [
    "DENIED_ATTRIBUTE_PREFIXES",
    "DENIED_ATTRIBUTES",
    "DENIED_NAMES",
    "MODULE_API",
    "SAFE_BUILTINS",
    "UNKNOWN_BUILTINS",
]


def _names(text: str) -> frozenset[str]:
    return frozenset(text.split())


_ROUNDING = "ROUND_05UP ROUND_CEILING ROUND_DOWN ROUND_FLOOR ROUND_HALF_DOWN ROUND_HALF_EVEN ROUND_HALF_UP ROUND_UP"

_LOGIC_API: dict[str, frozenset[str]] = {
    "math": _names(
        "acos acosh asin asinh atan atan2 atanh cbrt ceil comb copysign cos cosh degrees dist e erf erfc exp exp2"
        " expm1 fabs factorial floor fmod frexp fsum gamma gcd hypot inf isclose isfinite isinf isnan isqrt lcm"
        " ldexp lgamma log log10 log1p log2 modf nan nextafter perm pi pow prod radians remainder sin sinh sqrt"
        " sumprod tan tanh tau trunc ulp"
    ),
    "statistics": _names(
        "NormalDist StatisticsError correlation covariance fmean geometric_mean harmonic_mean linear_regression"
        " mean median median_grouped median_high median_low mode multimode pstdev pvariance quantiles stdev"
        " variance"
    ),
    "re": _names(
        "compile search match fullmatch split findall finditer sub subn escape error Pattern Match"
        " A ASCII I IGNORECASE M MULTILINE S DOTALL X VERBOSE U UNICODE NOFLAG"
    ),
    "datetime": _names("date datetime time timedelta timezone MINYEAR MAXYEAR UTC"),
    "random": _names(
        "random randint randrange choice choices shuffle sample uniform gauss triangular normalvariate"
        " lognormvariate expovariate vonmisesvariate gammavariate betavariate paretovariate weibullvariate"
        " binomialvariate getrandbits randbytes seed Random"
    ),
    "secrets": _names("token_hex token_urlsafe randbelow choice"),
    # not Formatter or Template: their fields walk attributes and items of what they format
    "string": _names(
        "ascii_letters ascii_lowercase ascii_uppercase digits hexdigits octdigits punctuation printable"
        " whitespace capwords"
    ),
    "itertools": _names(
        "accumulate batched chain combinations combinations_with_replacement compress count cycle dropwhile"
        " filterfalse groupby islice pairwise permutations product repeat starmap takewhile tee zip_longest"
    ),
    "collections": _names("ChainMap Counter OrderedDict defaultdict deque namedtuple"),
    "json": _names("dumps loads JSONDecodeError"),
    "functools": _names("cache cmp_to_key lru_cache partial reduce total_ordering"),
    "decimal": _names(
        "Context Decimal DecimalException DivisionByZero InvalidOperation getcontext localcontext " + _ROUNDING
    ),
    "fractions": _names("Fraction"),
}

_STREAMLIT = _names(
    "altair_chart area_chart audio balloons bar_chart button caption chat_input chat_message checkbox code"
    " color_picker columns container context data_editor dataframe date_input dialog divider download_button"
    " empty error exception expander feedback file_uploader form form_submit_button fragment header iframe"
    " image info json latex line_chart link_button markdown metric multiselect number_input pills popover"
    " progress radio rerun scatter_chart segmented_control select_slider selectbox session_state"
    " set_page_config sidebar slider snow spinner status stop subheader success table tabs text text_area"
    " text_input time_input title toast toggle vega_lite_chart video warning write components.v2.component"
)

_TEMPLATE_API: dict[str, frozenset[str]] = {
    "streamlit": _STREAMLIT,
    "streamlit.testing.v1": _names("AppTest"),
    "pandas": _names("DataFrame Series Timedelta Timestamp NA concat isna notna to_datetime to_numeric"),
    "altair": _names("Axis Chart Color Legend Order Scale Size Text Theta Tooltip X Y condition value"),
    "csv": _names("DictReader DictWriter Error QUOTE_ALL QUOTE_MINIMAL reader writer"),
    "io": _names("BytesIO StringIO"),
    "html": _names("escape"),
    "time": _names("monotonic perf_counter time"),
    "os": _names("environ"),
    "sqlite3": _names("Connection Error IntegrityError OperationalError Row connect"),
    "contextlib": _names("closing contextmanager suppress"),
    "pathlib": _names("Path"),
    "collections.abc": _names("Callable Iterable Iterator Mapping Sequence"),
    "pytest": _names("MonkeyPatch approx fixture mark param raises"),
}

MODULE_API: dict[str, frozenset[str]] = {**_LOGIC_API, **_TEMPLATE_API}
"""What each importable module offers bundle code: entries, dotted where only a path deep inside is allowed."""

SAFE_BUILTINS = frozenset(
    _names(
        "abs all any ascii bin bool bytearray bytes callable chr complex dict divmod enumerate filter float format"
        " frozenset hash hex int isinstance issubclass iter len list map max min next object oct ord pow print"
        " property range repr reversed round set slice sorted str sum tuple zip Ellipsis NotImplemented"
    )
    | {
        name
        for name, value in vars(builtins).items()
        if isinstance(value, type) and issubclass(value, BaseException) and not name.startswith("_")
    }
)
"""Builtins bundle code may use: values and plain functions that hand back nothing they were not given.
``format(value, spec)`` is safe: a format spec never walks attributes (``str.format`` fields do)."""

DENIED_NAMES = _names(
    "exec eval compile open __import__ globals locals vars dir getattr setattr delattr hasattr breakpoint input"
    " memoryview exit quit help copyright credits license classmethod staticmethod type super id aiter anext"
)
"""Names refused wherever they appear (loaded, bound or as a parameter): each reaches objects by name or
runs code (``type`` builds classes and functions, ``super`` and ``dir`` walk classes, ``help`` runs pydoc)."""

UNKNOWN_BUILTINS = frozenset(
    n for n in dir(builtins) if n not in SAFE_BUILTINS and not n.startswith("__") and not keyword.iskeyword(n)
)
"""Every other builtin: refused unless the file binds the name itself."""

DENIED_ATTRIBUTES = _names(
    "format_map vformat get_field get_value convert_field format_field mro setattr delattr"
    " load_extension enable_load_extension eval query"
)
"""Attribute names refused on any object: formatter machinery that walks attribute and index fields,
``mro`` (the class tree), pytest's ``monkeypatch.setattr("pkg.mod.name")`` (imports by dotted name),
sqlite's native extensions and pandas' expression evaluators."""

DENIED_ATTRIBUTE_PREFIXES = ("f_", "gi_", "cr_", "ag_", "tb_", "co_")
"""Frames, generators, coroutines, tracebacks and code objects: ``gen.gi_frame.f_globals`` is a module's
namespace, builtins included, without a single underscore."""
