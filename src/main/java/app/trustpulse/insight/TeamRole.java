package app.trustpulse.insight;

/** What a viewer is to one team; each level sees what the chat shows that role, and no more. */
public enum TeamRole {
    MEMBER,
    LEADER,
    ADMIN;

    public boolean seesLeaderView() {
        return this != MEMBER;
    }
}
