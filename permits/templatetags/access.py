"""`{% may user "app.permission" obj as name %}`: the access rules (permits.rules.may) for links and buttons,
so that a template offers exactly what the view behind the link will give."""

from django import template

from ..rules import may as rule_allows

register = template.Library()


@register.simple_tag
def may(user, permission: str, obj=None) -> bool:
    return rule_allows(user, permission, obj)
