"""A hand-built Comparison over two small articles written here (no models): three conflicts
given out of rank order, an update, an agreement, a unique claim, two hidden conflicts."""

from __future__ import annotations

from rashomon.compare.result import ArticleRef, ClusterRef, Comparison, Finding, Position, StoryRef, Unique
from rashomon.model import Article

POLICE = ("Police report\n\nPolice in Minsk said 30 people were detained at the rally on Sunday. "
          "The detainees came from the UK. Earlier police said four people were injured; "
          "later they said five were injured. Officers said the march was peaceful.\n")
ACTIVISTS = ("Activists report\n\nActivists in Minsk said 200 people were detained at the rally on Monday. "
             "The detainees came from the US. Organisers said the march was peaceful. "
             "Volunteers handed out water.\n")
# Conflict ids in the order the engine might list them, and the order every view must show.
GIVEN = ["x1", "x2", "x3"]
RANKED = ["x2", "x3", "x1"]


def articles() -> list[Article]:
    """The two articles, as `rashomon compare` would hold them."""
    return [Article(id="aaaaaaaaaaa1", text=POLICE, source="police.txt", title="Police report", language="en"),
            Article(id="bbbbbbbbbbb2", text=ACTIVISTS, source="activists.txt", title="Activists report",
                    language="en")]


def _pos(art: Article, needle: str, source: str, entity: str | None, claim_from: str) -> Position:
    start = art.text.index(needle)
    c0 = art.text.index(claim_from)
    c1 = art.text.index(".", c0) + 1
    return Position(art.id, source, entity, needle, start, start + len(needle), "c1", art.text[c0:c1], "attributed")


def sample_comparison(arts: list[Article] | None = None, *, hidden: int = 2,
                      min_confidence: float = 0.5) -> Comparison:
    """The comparison; `arts` may be stored copies of `articles()` (same texts, other ids)."""
    police, activists = arts or articles()

    def finding(fid: str, kind: str, conf: float, a: str, b: str, claim_a: str, claim_b: str, frame: str,
                slot: str, arts2: tuple[Article, Article] = (police, activists)) -> Finding:
        pa = _pos(arts2[0], a, "Police", "E1", claim_a)
        pb = _pos(arts2[1], b, "Activists" if arts2[1] is activists else "Police", "E2" if arts2[1] is activists
                  else "E1", claim_b)
        return Finding(fid, kind, frame, f"{frame}: {a} vs {b} ({slot} differs)", conf, "s1", [pa, pb],
                       frame, slot, {"f": conf})

    conflicts = [
        finding("x1", "date", 0.61, "Sunday", "Monday", "Police in", "Activists in", "rally held", "date"),
        finding("x2", "quantity", 0.93, "30", "200", "Police in", "Activists in", "people detained", "quantity"),
        finding("x3", "origin", 0.77, "UK", "US", "The detainees", "The detainees", "detainees from", "origin"),
    ]
    update = finding("r1", "quantity", 0.9, "four", "five", "Earlier police", "later they", "people injured",
                     "quantity", (police, police))
    agree = finding("a1", "agreement", 0.8, "march was peaceful", "march was peaceful", "Officers said",
                    "Organisers said", "march peaceful", "")
    unique = Unique("u1", "s1", _pos(activists, "Volunteers handed out water.", "Activists", None, "Volunteers"))
    return Comparison(
        version="test",
        articles=[ArticleRef(a.id, a.title, a.source, a.outlet, a.published, a.language) for a in (police, activists)],
        entities=[ClusterRef("E1", "Police", "ORG", ["police"], [police.id]),
                  ClusterRef("E2", "Activists", "ORG", [], [activists.id])],
        stories=[StoryRef("s1", [police.id, activists.id], "Minsk rally")],
        conflicts=conflicts, agreements=[agree], updates=[update], unique=[unique],
        min_confidence=min_confidence, hidden=hidden)
