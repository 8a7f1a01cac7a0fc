class Locked(Exception):
    """A record that must not change (a version, a completed sign-off) was changed."""
