package app.trustpulse.dashboard;

/** Someone in the team, but no admin, asked for what only an admin may do: its settings. */
final class AdminsOnly extends RuntimeException {

    private final long teamId;
    private final String teamName;

    AdminsOnly(long teamId, String teamName) {
        super("admins only");
        this.teamId = teamId;
        this.teamName = teamName;
    }

    long teamId() {
        return teamId;
    }

    String teamName() {
        return teamName;
    }
}
