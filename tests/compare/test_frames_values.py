"""Referent frames: which values can both be true, which quantities measure the same thing,
which dates differ. Hand-built quantities and dates: no models needed."""

from __future__ import annotations

import pytest

from rashomon.compare.frames import comparable, compatible, dates_differ, interval
from rashomon.model import DateRef, Quantity


def _q(text, value, relation="eq", high=None, approx=None, head="people", kind="count", unit=None):
    q = Quantity(0, len(text), text, value, high, head, approx, relation, head)
    q.kind, q.unit = kind, unit
    return q


@pytest.mark.parametrize(
    "a,b,ok",
    [
        (_q("30", 30), _q("33", 33), False),  # exact counts differ
        (_q("about 200", 200, "about"), _q("213", 213), True),  # a hedge covers it
        (_q("more than 30", 30, "gt"), _q("35", 35), True),
        (_q("200-300", 200, "range", 300), _q("250", 250), True),
        (_q("15,000", 15000, "le"), _q("100,000-200,000", 100000, "range", 200000), False),
        (_q("hundreds", 100, "about", approx="vague"), _q("300", 300), True),
        (_q("50,000", 50000), _q("55,000", 55000), False),  # a one-digit round figure is not ±5,000
        (_q("43,000", 43000), _q("43,350", 43350), True),  # a rounded price
        (_q("$141 million", 141e6, kind="money", unit="USD"), _q("$139 million", 139e6, kind="money", unit="USD"), False),
        (_q("$5,687.75", 5687.75), _q("$5,587.75", 5587.75), False),
        (_q("27-0", 27, "range", 0), _q("27-0", 27, "range", 0), True),  # equal values never conflict
    ],
)
def test_frames_compatible_values(a, b, ok):
    assert compatible(a, b) is ok
    assert compatible(b, a) is ok


def test_frames_interval_reads_written_precision():
    assert interval(_q("200", 200)) == pytest.approx((199.51, 200.49))
    assert interval(_q("400,000", 400000)) == pytest.approx((375500, 424500))
    assert interval(_q("five", 5)) == pytest.approx((4.51, 5.49))  # a number in words is exact


@pytest.mark.parametrize(
    "a,b,same",
    [
        (_q("30", 30), _q("200", 200), True),  # same kind, same noun
        (_q("30", 30), _q("200", 200, head="votes"), False),  # different measured things
        (_q("$5", 5, kind="money", unit="USD", head="fine"), _q("€5", 5, kind="money", unit="EUR", head="fine"), False),
        (_q("30%", 30, kind="percent", unit="%"), _q("30", 30), False),  # a percent is not a count
        (_q("article 161", 161, kind="reference"), _q("article 162", 162, kind="reference"), False),
        (_q("27-0", 27, "score", 0, kind="score"), _q("21-7", 21, "score", 7, kind="score"), False),
        (_q("third", 3, kind="ordinal"), _q("fifth", 5, kind="ordinal"), False),
    ],
)
def test_frames_comparable_only_like_quantities(a, b, same):
    assert (comparable(a, b, 0.7, cross_language=False) is not None) is same


def test_frames_headless_amounts_need_alike_claims():
    a = _q("$3.5 billion", 3.5e9, head=None, kind="money", unit="USD")
    b = _q("$3.6 billion", 3.6e9, head=None, kind="money", unit="USD")
    assert comparable(a, b, 0.7, cross_language=False) is not None
    assert comparable(a, b, 0.3, cross_language=False) is None


def _d(text, iso, granularity="day"):
    return DateRef(0, len(text), text, iso, granularity)


@pytest.mark.parametrize(
    "a,b,differ",
    [
        (_d("Tuesday", "2012-10-09"), _d("Thursday", "2012-10-11"), True),
        (_d("Tuesday", "2012-10-09"), _d("on Tuesday", "2012-10-02"), False),  # same weekday, other base week
        (_d("5 April", "2020-04-05"), _d("5 May", "2020-05-05"), True),
        (_d("16 November", "--11-16"), _d("16 November 2019", "2019-11-16"), False),  # with and without year
        (_d("Thursday", "2014-06-19"), _d("June 19", "2014-06-19"), False),  # weekday vs date: not compared
        (_d("2019", "2019", "year"), _d("2020", "2020", "year"), True),  # two written years (detect asks the claims to read alike)
        (_d("2019", "2019", "year"), _d("in 2019", "2019", "year"), False),
        (_d("September 2019", "2019-09", "month"), _d("October 2019", "2019-10", "month"), True),
        (_d("2019", "2019", "year"), _d("October 2019", "2019-10", "month"), False),  # a year holds its months
        (_d("8.30 pm", "T20:30", "time"), _d("9 pm", "T21:00", "time"), False),  # clock times are not compared
        # A month named alone keeps no year: the same month of any year, other months differ.
        (_d("in mid May", "--05", "month"), _d("May 2013", "2013-05", "month"), False),
        (_d("in mid May", "--05", "month"), _d("in June", "--06", "month"), True),
        (_d("in mid May", "--05", "month"), _d("April 30", "2013-04-30"), True),  # a month against a day
        (_d("до конца мая", "--05", "month"), _d("25 мая", "--05-25"), False),
        (_d("May 2012", "2012-05", "month"), _d("May 30, 2013", "2013-05-30"), True),  # two written years
        (_d("May 2012", "2012-05", "month"), _d("May 30", "2013-05-30"), False),  # a year the base supplied
        (_d("in May", "--05", "month"), _d("2013", "2013", "year"), False),
    ],
)
def test_frames_dates_differ(a, b, differ):
    assert dates_differ(a, b) is differ
