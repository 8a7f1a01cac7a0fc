"""Typed readers for settings that come from the environment."""

import os
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}
_REDIS_SCHEMES = {"redis", "rediss", "unix"}


def env_str(name: str, default: str | None = None) -> str | None:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}.")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None:
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(
            f"{name} must be a whole number, not {raw!r}."
        ) from None


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_cache(name: str) -> dict[str, object]:
    """Django's default cache: Redis at the URL in `name`, shared by every process
    given that URL, or when unset a local-memory cache private to each process."""

    url = os.environ.get(name, "").strip()
    if not url:
        return {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "tandem",
        }
    if urlsplit(url).scheme not in _REDIS_SCHEMES:
        # Nothing of the value itself: a Redis URL may carry a password.
        raise ImproperlyConfigured(
            f"{name} must be a URL starting redis://, rediss:// or unix://."
        )

    return {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": url,
        "KEY_PREFIX": "tandem",
        # A cache that does not answer quickly is treated as down (charts are drawn).
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1.0},
    }
