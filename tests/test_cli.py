"""The `tandem` command's own help: Tandem's commands, hyphenated, with what each does."""

import pytest

from tandem.cli import main


def test_help_lists_tandems_commands_with_hyphens(capsys) -> None:  # noqa: ANN001
    main(["tandem", "help"])

    lines = capsys.readouterr().out.splitlines()
    assert lines[:3] == ["Usage: tandem COMMAND [options]", "", "Tandem's commands:"]
    assert (
        "  reset-two-factor   Remove every authenticator app linked to an account, so "
        "its owner can sign in with the password and set up a new app."
    ) in lines
    assert (
        "  qualification      Is this person eligible to be SENCO, and must they "
        "hold the SENCO qualification yet?" in lines
    )
    names = [line.split()[0] for line in lines if line.startswith("  ")]
    assert "check-sir" in names and "check_sir" not in names
    assert "startproject" not in names  # Django's own are behind --commands


def test_help_for_one_command_uses_its_hyphenated_name(capsys) -> None:  # noqa: ANN001
    main(["tandem", "help", "check-sir"])

    assert capsys.readouterr().out.startswith("usage: tandem check-sir [-h]")


def test_an_unknown_command_is_named(capsys) -> None:  # noqa: ANN001
    with pytest.raises(SystemExit) as exit_:
        main(["tandem", "chek-sir"])

    assert exit_.value.code == 1
    assert capsys.readouterr().err == (
        "Unknown command: 'chek-sir'. Did you mean check-sir?\n"
        "Type 'tandem help' for the list of commands.\n"
    )
