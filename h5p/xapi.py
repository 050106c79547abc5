"""Reading the xAPI statements an H5P player sends: pure functions, no database.

The browser sends them, so nothing in a statement is trusted: only a top-level `answered` or
`completed` statement carrying a numeric score with a positive maximum counts, and the scaled
score is computed here from raw and max (the statement's own `scaled` is ignored), clamped to
[0, 1].
"""

import math
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

VERB_ANSWERED = "http://adlnet.gov/expapi/verbs/answered"
VERB_COMPLETED = "http://adlnet.gov/expapi/verbs/completed"
SCORED_VERBS = frozenset({VERB_ANSWERED, VERB_COMPLETED})
SUB_CONTENT_EXTENSION = "http://h5p.org/x-api/h5p-subContentId"

NOT_AN_OBJECT = _("The statement must be a JSON object.")
NOT_SCORED_VERB = _("Only answered and completed statements are recorded.")
NOT_TOP_LEVEL = _("Only the activity's own statement is recorded, not one of its questions.")
NO_SCORE = _("The statement carries no usable score.")


class StatementRefused(ValueError):
    def __init__(self, message) -> None:
        super().__init__(str(message))
        self.message = message


@dataclass(frozen=True)
class Score:
    raw: float
    max: float
    scaled: float
    completed: bool


def _number(value) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    value = float(value)
    return value if math.isfinite(value) else None


def scaled_score(raw: float, maximum: float) -> float:
    """raw/max, clamped to [0, 1]: 99 out of 1 is 1, a negative score is 0."""
    return min(1.0, max(0.0, raw / maximum))


def _is_sub_content(statement: dict) -> bool:
    context = statement.get("context")
    if isinstance(context, dict):
        activities = context.get("contextActivities")
        if isinstance(activities, dict) and activities.get("parent"):
            return True
    target = statement.get("object")
    if isinstance(target, dict):
        if "subContentId=" in str(target.get("id", "")):
            return True
        definition = target.get("definition")
        if isinstance(definition, dict):
            extensions = definition.get("extensions")
            if isinstance(extensions, dict) and SUB_CONTENT_EXTENSION in extensions:
                return True
    return False


def statement_score(statement) -> Score:
    """The score a statement records, or StatementRefused with the reason."""
    if not isinstance(statement, dict):
        raise StatementRefused(NOT_AN_OBJECT)
    verb = statement.get("verb")
    verb_id = verb.get("id") if isinstance(verb, dict) else None
    if verb_id not in SCORED_VERBS:
        raise StatementRefused(NOT_SCORED_VERB)
    if _is_sub_content(statement):
        raise StatementRefused(NOT_TOP_LEVEL)
    result = statement.get("result")
    score = result.get("score") if isinstance(result, dict) else None
    if not isinstance(score, dict):
        raise StatementRefused(NO_SCORE)
    raw, maximum = _number(score.get("raw")), _number(score.get("max"))
    if raw is None or maximum is None or maximum <= 0:
        raise StatementRefused(NO_SCORE)
    completed = verb_id == VERB_COMPLETED or result.get("completion") is True
    return Score(raw=raw, max=maximum, scaled=scaled_score(raw, maximum), completed=completed)
