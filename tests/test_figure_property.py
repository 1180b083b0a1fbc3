"""Any figure the format accepts is worded in both languages: no exception, no raw unit id, no NaN."""

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing import units
from briefing.figures import quantity
from briefing.i18n import localizer
from briefing.intervals import QUALIFIERS

NOUNS = {"ship": {"en": {"one": "ship", "other": "ships"},
                  "ru": {"one": "судно", "few": "судна", "many": "судов", "other": "судна"}}}
CLDR = sorted(units.cldr_units())
CURRENCIES = sorted(units.currencies())
UNITS = st.one_of(st.sampled_from(CLDR), st.sampled_from(CURRENCIES),
                  st.sampled_from(["percent", "percentage-point", "ship", "reactor", "country", "gigawatt"]))
#: Every number the format accepts: at most 100 integer digits and 30 decimals, any sign.
NUMBERS = st.one_of(
    st.integers(min_value=-(10**100) + 1, max_value=10**100 - 1),
    st.decimals(min_value=Decimal("-1e99"), max_value=Decimal("1e99"), allow_nan=False, allow_infinity=False,
                places=None).filter(lambda d: -d.as_tuple().exponent <= 30 and len(d.as_tuple().digits) <= 130),
)


@settings(max_examples=400, deadline=None)
@given(unit=UNITS, value=NUMBERS, qualifier=st.sampled_from(QUALIFIERS),
       scale=st.sampled_from([None, *units.SCALES]), per=st.one_of(st.none(), st.sampled_from(sorted(units.per_units()))),
       spread=st.sampled_from([None, "range", "margin"]), locale=st.sampled_from(["en", "ru"]))
def test_any_figure_formats_in_both_languages(unit, value, qualifier, scale, per, spread, locale):
    if unit in ("percent", "percentage-point"):
        scale = None
    high = margin = None
    if spread == "range":
        high, qualifier = value + 1, qualifier if qualifier in ("exact", "about") else "exact"
    elif spread == "margin":
        margin, qualifier = abs(value) / 10, "exact"
    text = quantity(localizer(locale), value, unit, qualifier, NOUNS, per=per, scale=scale, high=high, margin=margin)
    assert text.strip()
    assert "NaN" not in text and "∞" not in text
    if unit in CLDR:
        assert unit not in text  # the unit is named, never shown as its id
