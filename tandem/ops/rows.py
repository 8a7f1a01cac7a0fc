"""Which rows a backup holds: the whole installation, or one school and what belongs to it.

Nothing here names another app's models. A row belongs to a school when one of its foreign
keys points at the school or at a row that belongs to it, whatever its `on_delete`, so models
that apps add later are found without a change here. Rows that the school's data points at
but that belong to nobody in particular (users, their groups, content types) travel with it
as shared rows.
"""

from collections import defaultdict
from collections.abc import Iterable, Iterator

from django.apps import apps
from django.core.serializers import sort_dependencies
from django.db import models

from tandem.schools.models import School

Rows = dict[type[models.Model], set]  # model -> primary keys
CHUNK = 500

# Sessions are left out: restoring them would sign people back in, and a session names a
# user by id, which a restore may give to someone else. A whole restore clears them.
# Jobs and the worker's queue are left out too: a prepared pack is made again from the
# data, and restoring work "in progress" would leave it waiting for a worker that never
# comes.
NOT_BACKED_UP = {"sessions.session", "ops.job", "django_tasks_db.dbtaskresult"}


def backed_up_models() -> list[type[models.Model]]:
    """Every stored model of every app, in an order that loads (natural keys first)."""

    app_list = [
        (config, [model for model in config.get_models() if _is_backed_up(model)])
        for config in apps.get_app_configs()
    ]

    return sort_dependencies(app_list, allow_cycles=True)


def cleared_models() -> list[type[models.Model]]:
    """The models a whole restore empties first, sessions included."""

    return [
        model
        for model in apps.get_models()
        if model._meta.managed and not model._meta.proxy
    ]


def school_rows(
    school: School, models_: list[type[models.Model]] | None = None
) -> tuple[Rows, Rows]:
    """The rows that belong to `school`, and the rows they point at from outside it."""

    models_ = models_ if models_ is not None else backed_up_models()
    owned = _owned_rows(school, models_)

    return owned, referenced_rows(owned)


def has_natural_key(model: type[models.Model]) -> bool:
    return hasattr(model, "natural_key") and hasattr(
        model._default_manager, "get_by_natural_key"
    )


def foreign_keys(model: type[models.Model]) -> list[models.Field]:
    return [
        field
        for field in model._meta.concrete_fields
        if field.is_relation and (field.many_to_one or field.one_to_one)
    ]


def auto_many_to_many(model: type[models.Model]) -> list[models.ManyToManyField]:
    """Many-to-many fields whose join table Django made (the serialiser writes those)."""

    return [
        field
        for field in model._meta.local_many_to_many
        if field.remote_field.through._meta.auto_created
    ]


def chunks(values: Iterable) -> Iterator[list]:
    values = sorted(values)
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]


def _is_backed_up(model: type[models.Model]) -> bool:
    meta = model._meta

    return meta.managed and not meta.proxy and meta.label_lower not in NOT_BACKED_UP


def _owned_rows(school: School, models_: list[type[models.Model]]) -> Rows:
    owned: Rows = defaultdict(set)
    owned[School].add(school.pk)
    frontier: Rows = {School: {school.pk}}
    while frontier:
        found: Rows = defaultdict(set)
        for model in models_:
            for field in foreign_keys(model):
                target = field.related_model._meta.concrete_model
                for chunk in chunks(frontier.get(target, ())):
                    rows = model._base_manager.filter(
                        **{f"{field.name}__pk__in": chunk}
                    )
                    found[model].update(rows.values_list("pk", flat=True))
        frontier = _add_new(owned, _with_parents(found))

    return dict(owned)


def referenced_rows(rows: Rows) -> Rows:
    """Every row that the given rows point at, directly or through others, but themselves."""

    shared: Rows = defaultdict(set)
    frontier: Rows = dict(rows)
    while frontier:
        found: Rows = defaultdict(set)
        for model, pks in frontier.items():
            for target, pairs in links(model, pks):
                found[target].update({pk for _, pk in pairs} - rows.get(target, set()))
        frontier = _add_new(shared, _with_parents(found))

    return dict(shared)


def links(
    model: type[models.Model], pks: set
) -> Iterator[tuple[type[models.Model], set[tuple]]]:
    """(model, {(row's key, its key)}) for each foreign key and join table of the rows."""

    for field in foreign_keys(model):
        target = field.related_model._meta.concrete_model
        for chunk in chunks(pks):
            rows = model._base_manager.filter(
                pk__in=chunk, **{f"{field.name}__isnull": False}
            )
            yield target, set(rows.values_list("pk", f"{field.name}__pk"))
    for field in auto_many_to_many(model):
        through = field.remote_field.through
        source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
        for chunk in chunks(pks):
            joins = through._base_manager.filter(**{f"{source}__in": chunk})
            yield (
                field.related_model._meta.concrete_model,
                set(joins.values_list(source, target)),
            )


def _with_parents(found: Rows) -> Rows:
    """Multi-table inheritance: a child row needs its parents' rows (same primary key)."""

    for model in list(found):
        for parent in model._meta.get_parent_list():
            found[parent] |= found[model]

    return found


def _add_new(collected: Rows, found: Rows) -> Rows:
    """Add what was found; return only the rows not seen before (the next frontier)."""

    frontier: Rows = {}
    for model, pks in found.items():
        new = pks - collected[model]
        if new:
            collected[model] |= new
            frontier[model] = new

    return frontier
