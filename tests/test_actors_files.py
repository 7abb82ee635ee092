"""User actor files layered over the bundled knowledge base, and clear errors for malformed ones."""

from __future__ import annotations

import pytest

from gaiko.errors import DataFileError
from gaiko.pipeline import get_state
from gaiko.pipeline.actors import ActorResolver

TEXT = "Foreign Minister Lena Brightwater met Zed Quorn. Quorn said the Freedonian navy would stay in port."


def resolve(coder, resolver: ActorResolver, text: str, published: str = "2025-11-01"):
    doc = coder.nlp(text)
    st = get_state(doc)
    st.published = published
    resolver(doc)
    return st.actors


def write(tmp_path, name: str, text: str) -> str:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return str(p)


YAML = """\
countries:
  - iso3: FRD
    name: Freedonia
    adjectives: [Freedonian]
    capital: Fredville
people:
  - id: zed-quorn
    name: Zed Quorn
    gender: m
    country: FRD
    roles:
      - {role: head_of_government, sector: GOV, start: 2024-01-01, end: 2025-06-01, source: "test fixture"}
      - {role: defense_minister, sector: GOV, start: 2025-06-01, source: "test fixture"}
"""


def test_yaml_file_adds_countries_and_people_with_dated_roles(coder, tmp_path):
    r = ActorResolver(actor_files=(write(tmp_path, "mine.yaml", YAML),))
    acts = resolve(coder, r, TEXT)
    quorn = [a for a in acts if a.text == "Quorn"]
    assert quorn and quorn[0].person_id == "zed-quorn" and quorn[0].role == "defense_minister"
    navy = [a for a in acts if a.text.endswith("navy")]
    assert navy and (navy[0].country, navy[0].sector) == ("FRD", "MIL")
    early = [a for a in resolve(coder, r, TEXT, "2024-05-01") if a.text == "Quorn"]
    assert early[0].role == "head_of_government"


def test_csv_people_file(coder, tmp_path):
    csv = ("person_id,name,gender,country,role,sector,start,end,source\n"
           "lena-brightwater,Lena Brightwater,f,NZL,foreign_minister,GOV,2025-01-01,,test fixture\n")
    r = ActorResolver(actor_files=(write(tmp_path, "people.csv", csv),))
    acts = resolve(coder, r, TEXT)
    lena = [a for a in acts if "Brightwater" in a.text][0]
    assert (lena.country, lena.role, lena.person_id) == ("NZL", "foreign_minister", "lena-brightwater")


def test_bundled_kb_is_unchanged_by_user_files(coder, tmp_path):
    ActorResolver(actor_files=(write(tmp_path, "mine.yaml", YAML),))
    plain = resolve(coder, ActorResolver(), TEXT)
    assert not [a for a in plain if a.person_id == "zed-quorn"]


@pytest.mark.parametrize("name, text, line, words", [
    ("bad.yaml", "people:\n  - id: x\n    name: X\n    country: [unclosed\n", 5, "invalid YAML"),
    ("bad.yaml", "people:\n  - id: x\n    country: USA\n", 2, "name"),
    ("bad.yaml", "persons:\n  - id: x\n", 1, "unknown section"),
    ("bad.yaml", "people:\n  - id: x\n    name: X\n    country: USA\n    roles:\n      - {role: head_of_state, start: 2020-13-45}\n", 6, "date"),
    ("bad.csv", "person_id,name,country,role,start\nx,X,USA,head_of_state,2020-01-01\ny,Y,USA\n", 3, "fields"),
    ("bad.csv", "iso3,name\nFREEDONIA,Freedonia\n", 2, "three letters"),
    ("bad.txt", "whatever", None, ".yaml"),
])
def test_malformed_files_name_file_and_line(tmp_path, name, text, line, words):
    path = write(tmp_path, name, text)
    with pytest.raises(DataFileError) as exc:
        ActorResolver(actor_files=(path,))
    msg = str(exc.value)
    assert path in msg and words in msg
    assert exc.value.line == line
    if line is not None:
        assert f"{path}:{line}:" in msg


def test_missing_file_is_a_data_file_error(tmp_path):
    with pytest.raises(DataFileError, match="cannot read"):
        ActorResolver(actor_files=(str(tmp_path / "nope.yaml"),))
