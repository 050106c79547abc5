from .attempts import Attempt, Response
from .pages import QuizPage
from .questions import Choice, Question

__all__ = ["Attempt", "Choice", "Question", "QuizPage", "Response"]
