import ArgumentParser
import HoSoCLI

HoSoCommand.main()
