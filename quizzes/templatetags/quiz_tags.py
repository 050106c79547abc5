"""Small lookups for the quiz form, so saved answers come back into their inputs."""

from django import template

register = template.Library()


@register.filter
def answer_for(saved: dict, key: str):
    return saved.get(key) if isinstance(saved, dict) else None


@register.filter
def position_of(answer, key) -> str:
    if isinstance(answer, list) and str(key) in answer:
        return str(answer.index(str(key)) + 1)
    return ""


@register.filter
def matches(choices) -> list:
    return [choice for choice in choices if choice.match]


@register.filter
def match_for(answer, key) -> str:
    return answer.get(str(key), "") if isinstance(answer, dict) else ""
