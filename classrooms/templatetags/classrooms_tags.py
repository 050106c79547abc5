from django import template

from classrooms.selectors import student_assignments

register = template.Library()


@register.inclusion_tag("classrooms/includes/my_assignments.html", takes_context=True)
def my_assignments(context):
    """A student's assignments on the home page (nothing for visitors)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    classes = student_assignments(user=user) if user is not None and user.is_authenticated else []
    return {"student_classes": [(c, items) for c, items in classes if items]}
