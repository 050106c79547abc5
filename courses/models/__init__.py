from .pages import CourseIndexPage, CoursePage, LessonPage
from .progress import LessonProgress

__all__ = ["CourseIndexPage", "CoursePage", "LessonPage", "LessonProgress"]
