"""One module per command, each exposing add_arguments(parser) and run(args); cli.COMMANDS lists them."""
