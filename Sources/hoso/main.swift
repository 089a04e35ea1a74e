import HoSoCLI

HoSoMain.main()
