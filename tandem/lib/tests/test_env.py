import os
from unittest import mock

from django.core.exceptions import ImproperlyConfigured
from django.test import SimpleTestCase

from tandem.lib.env import env_cache

NAME = "TANDEM_TEST_CACHE_URL"


class EnvCacheTests(SimpleTestCase):
    def _cache(self, **environ: str) -> dict[str, object]:
        with mock.patch.dict(os.environ, environ, clear=True):
            return env_cache(NAME)

    def test_unset_is_local_memory_in_each_process(self) -> None:
        self.assertEqual(
            self._cache(),
            {
                "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                "LOCATION": "tandem",
            },
        )
        self.assertEqual(self._cache(**{NAME: " "}), self._cache())

    def test_redis_url_is_djangos_redis_cache(self) -> None:
        for url in (
            "redis://10.0.0.5:6379/1",
            "rediss://:secret@cache.internal:6380/0",
            "unix:///run/redis/redis.sock?db=2",
        ):
            self.assertEqual(
                self._cache(**{NAME: url}),
                {
                    "BACKEND": "django.core.cache.backends.redis.RedisCache",
                    "LOCATION": url,
                    "KEY_PREFIX": "tandem",
                    "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1.0},
                },
            )

    def test_other_url_is_refused_without_echoing_it(self) -> None:
        for url in ("memcached://:hunter2@cache:11211", "hunter2:6379", "hunter2"):
            with self.assertRaises(ImproperlyConfigured) as raised:
                self._cache(**{NAME: url})
            self.assertEqual(
                str(raised.exception),
                f"{NAME} must be a URL starting redis://, rediss:// or unix://.",
            )
