"""One module per command; each exposes NAME, HELP, add_arguments(parser) and run(args)."""
