import typer

app = typer.Typer(
    name="allegiance",
    help="Conflict news to evidence-linked PLOVER events, actors and relations.",
    no_args_is_help=True,
    add_completion=False,
)
