from netjournal.cli import main

main()
