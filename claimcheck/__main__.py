from claimcheck.launch import main

main()
