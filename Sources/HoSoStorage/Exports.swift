// HoSo's persistence speaks in the engine's terms (stores, records, errors, backups): whoever imports the
// persistence gets them too, as the engine's own clients (the crash test, the fuzzers) import the engine alone.
@_exported import HoSoJournal
