"""Database triggers that refuse to change what has been signed, whatever the code does.

The models already refuse; these make the same promise to anyone with a SQL prompt or a
careless `QuerySet.update()`. Deletion is guarded by the models and PROTECT foreign keys
(a DELETE trigger would also stop the test database being flushed).
"""

from django.db import migrations

LOCKS = {
    "compliance_documentversion": ("TRUE", "Document versions cannot be changed."),
    "compliance_signoff": (
        "OLD.status IN ('complete', 'withdrawn')",
        "A completed or withdrawn sign-off cannot be changed.",
    ),
    "compliance_signatory": (
        "OLD.confirmed_at IS NOT NULL",
        "A governor confirmation cannot be changed.",
    ),
}


def sqlite_sql(table: str, condition: str, message: str) -> list[str]:
    return [
        f"CREATE TRIGGER {table}_lock BEFORE UPDATE ON {table} "
        f"FOR EACH ROW WHEN {condition.replace('TRUE', '1')} "
        f"BEGIN SELECT RAISE(ABORT, '{message}'); END;"
    ]


def postgresql_sql(table: str, condition: str, message: str) -> list[str]:
    return [
        f"CREATE FUNCTION {table}_lock() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN IF {condition} THEN RAISE EXCEPTION '{message}' "
        "USING ERRCODE = 'integrity_constraint_violation'; END IF; RETURN NEW; END; $$;",
        f"CREATE TRIGGER {table}_lock BEFORE UPDATE ON {table} "
        f"FOR EACH ROW EXECUTE FUNCTION {table}_lock();",
    ]


def drop_sql(vendor: str, table: str) -> list[str]:
    if vendor == "postgresql":
        return [
            f"DROP TRIGGER IF EXISTS {table}_lock ON {table};",
            f"DROP FUNCTION IF EXISTS {table}_lock();",
        ]
    return [f"DROP TRIGGER IF EXISTS {table}_lock;"]


def add_locks(apps, schema_editor) -> None:  # noqa: ANN001
    vendor = schema_editor.connection.vendor
    build = {"sqlite": sqlite_sql, "postgresql": postgresql_sql}.get(vendor)
    if build is None:
        return  # other databases rely on the model-level guards
    for table, (condition, message) in LOCKS.items():
        for statement in build(table, condition, message):
            schema_editor.execute(statement)


def remove_locks(apps, schema_editor) -> None:  # noqa: ANN001
    vendor = schema_editor.connection.vendor
    for table in LOCKS:
        for statement in drop_sql(vendor, table):
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("compliance", "0001_initial")]

    operations = [migrations.RunPython(add_locks, remove_locks)]
