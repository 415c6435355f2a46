package app.trustpulse.command;

import java.util.List;
import java.util.Optional;

/**
 * Why a command could not be read: a message key with its arguments, and the subcommand whose
 * correct form should be shown with it.
 */
record CommandError(String key, List<String> args, Optional<Subcommand> usage) {

    public CommandError {
        args = List.copyOf(args);
    }

    static CommandError of(Subcommand usage, String key, String... args) {
        return new CommandError(key, List.of(args), Optional.of(usage));
    }
}
