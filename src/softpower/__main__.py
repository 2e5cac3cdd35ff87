from softpower.cli import main

main()
