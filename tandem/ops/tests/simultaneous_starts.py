"""Two people press "Prepare the pack" at the same moment, many times over, against the
database that DATABASE_URL names (a SQLite file, from test_start_job). Prints one line
of JSON: the errors raised and how many jobs each round made.

Run as `python -m tandem.ops.tests.simultaneous_starts ROUNDS`.
"""

import json
import sys
import threading

import django


def main(rounds: int) -> None:
    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from tandem.compliance.jobs import EVIDENCE_PACK
    from tandem.ops import jobs
    from tandem.ops.models import Job
    from tandem.schools.permissions import resolve_access
    from tandem.testing import make_world

    call_command("migrate", verbosity=0)
    world = make_world()
    people = [world.user("clerk"), world.user("senco")]
    together = threading.Barrier(len(people))  # lets both go at once, every round
    errors: list[str] = []

    def start(user) -> None:  # noqa: ANN001
        try:
            access = resolve_access(user, world.school.urn)
            together.wait()
            jobs.start_job(access, EVIDENCE_PACK)
        except Exception as error:  # reported to the test, which names it
            errors.append(repr(error))
        finally:
            connection.close()

    jobs_made = []
    for _round in range(rounds):
        threads = [threading.Thread(target=start, args=(user,)) for user in people]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        jobs_made.append(Job.objects.count())
        Job.objects.all().delete()

    print(json.dumps({"errors": errors, "jobs_made": jobs_made}))


if __name__ == "__main__":
    main(int(sys.argv[1]))
