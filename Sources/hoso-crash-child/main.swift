// Placeholder: the storage crash test's child process (saves in a loop until killed).
