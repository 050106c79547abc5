"""The permission walker: every URL pattern of the project, requested as every role.

Patterns come from the resolver itself, not from a hand-kept list, so a new view cannot escape:
a pattern that no rule of the expectation table classifies is a failure of its own.
"""

import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from fnmatch import fnmatchcase

from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.exceptions import NoReverseMatch
from django.urls.resolvers import LocalePrefixPattern

# Values tried, in order, for each parameter of a pattern when building a URL to request.
# They name objects that do not exist, so object views must answer 404 or ask for a login.
SAMPLE_VALUES = ("999999", "zz-none", "00000000-0000-0000-0000-000000000000", "zz/none", "a")


@dataclass(frozen=True)
class Pattern:
    route: str  # the full route, e.g. "admin/pages/<int:page_id>/edit/"
    name: str | None  # "namespace:name" when it can be reversed
    callback: Callable
    params: tuple[str, ...]


@dataclass(frozen=True)
class Expect:
    """What one role must get: a set of status codes, optionally a redirect target."""

    statuses: frozenset[int]
    redirect_contains: str | None = None
    label: str = ""

    def check(self, response) -> str | None:
        if response.status_code not in self.statuses:
            return f"got {response.status_code}, expected {self.label or sorted(self.statuses)}"
        if self.redirect_contains and self.redirect_contains not in response.get("Location", ""):
            return f"redirected to {response.get('Location')!r}, expected a URL containing {self.redirect_contains!r}"
        return None


@dataclass(frozen=True)
class Rule:
    """Classifies the patterns whose route matches `route` (an fnmatch glob)."""

    route: str
    expect: dict[str, Expect]  # role -> expectation; every role of the walk must be listed
    why: str = ""
    methods: tuple[str, ...] = ("GET",)
    sample_url: str | None = None  # for patterns that cannot be reversed
    extra: dict = field(default_factory=dict)

    def matches(self, pattern: Pattern) -> bool:
        return pattern.route == self.route or fnmatchcase(pattern.route, self.route)


def _route_str(pattern) -> str:
    if isinstance(pattern, LocalePrefixPattern):
        return ""  # the default language has no prefix; other languages are walked separately
    return str(pattern)


def iter_patterns(resolver: URLResolver | None = None, prefix: str = "", namespace: str = "") -> Iterator[Pattern]:
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        route = prefix + _route_str(entry.pattern)
        if isinstance(entry, URLResolver):
            ns = namespace
            if entry.namespace:
                ns = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            yield from iter_patterns(entry, route, ns)
        elif isinstance(entry, URLPattern):
            name = None
            if entry.name:
                name = f"{namespace}:{entry.name}" if namespace else entry.name
            params = tuple(re.compile(route.replace("^", "")).groupindex) if _is_regex(route) else ()
            params = params or tuple(re.findall(r"<(?:\w+:)?(\w+)>", route))
            yield Pattern(route=route, name=name, callback=entry.callback, params=params)


def _is_regex(route: str) -> bool:
    return route.startswith("^") or "(?P<" in route or "$" in route


def build_url(pattern: Pattern, sample_url: str | None = None) -> str | None:
    """A concrete URL for the pattern, with parameters naming objects that do not exist."""
    from django.urls import reverse

    if sample_url:
        return sample_url
    if pattern.name is None:
        if _is_regex(pattern.route):
            return None  # unnamed regex patterns need a sample_url in their rule
        return "/" + re.sub(r"<(?:\w+:)?\w+>", SAMPLE_VALUES[0], pattern.route)
    if not pattern.params:
        try:
            return reverse(pattern.name)
        except NoReverseMatch:
            return None
    for values in itertools.product(SAMPLE_VALUES, repeat=len(pattern.params)):
        try:
            return reverse(pattern.name, kwargs=dict(zip(pattern.params, values, strict=True)))
        except NoReverseMatch:
            continue
    return None


@dataclass
class WalkResult:
    unclassified: list[Pattern] = field(default_factory=list)
    unbuildable: list[Pattern] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    requests: int = 0


def classify(patterns: list[Pattern], rules: list[Rule]) -> tuple[dict[Pattern, Rule], list[Pattern]]:
    classified, unclassified = {}, []
    for pattern in patterns:
        rule = next((rule for rule in rules if rule.matches(pattern)), None)
        if rule is None:
            unclassified.append(pattern)
        else:
            classified[pattern] = rule
    return classified, unclassified


def walk(rules: list[Rule], clients: dict[str, Callable], patterns: list[Pattern] | None = None) -> WalkResult:
    """Request every classified pattern as every role and compare with the rule.

    `clients` maps a role to a factory returning a fresh logged-in (or anonymous) test client,
    so a view that logs the user out cannot spoil the next request.
    """
    patterns = list(iter_patterns()) if patterns is None else patterns
    result = WalkResult()
    classified, result.unclassified = classify(patterns, rules)
    for pattern, rule in classified.items():
        missing_roles = set(clients) - set(rule.expect)
        if missing_roles:
            result.failures.append(f"{pattern.route}: rule {rule.route!r} says nothing about {sorted(missing_roles)}")
            continue
        url = build_url(pattern, rule.sample_url)
        if url is None:
            result.unbuildable.append(pattern)
            continue
        for role, make_client in clients.items():
            client = make_client()
            for method in rule.methods:
                response = getattr(client, method.lower())(url)
                result.requests += 1
                problem = rule.expect[role].check(response)
                if problem:
                    result.failures.append(f"{method} {url} ({pattern.route}) as {role}: {problem}")
    return result
