"""The enums the build state pickles come back as the same members, under every pickle protocol."""

from __future__ import annotations

import pickle

import pytest

from dateline.dates.value import Calendar, PartOfDay, Precision, Qualifier, Span
from dateline.enums import Named
from dateline.errors import Severity
from dateline.store import freeze, thaw

MEMBERS = [member for kind in (Calendar, PartOfDay, Precision, Qualifier, Span, Severity) for member in kind]


@pytest.mark.parametrize("member", MEMBERS, ids=str)
def test_a_member_thaws_as_itself(member: Named) -> None:
    assert thaw(freeze(member)) is member
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        assert pickle.loads(pickle.dumps(member, protocol=protocol)) is member


def test_a_member_is_pickled_by_its_name() -> None:
    assert pickle.dumps(Precision.DAY, protocol=pickle.HIGHEST_PROTOCOL).count(b"Precision.DAY") == 1
