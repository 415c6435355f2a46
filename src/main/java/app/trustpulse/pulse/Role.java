package app.trustpulse.pulse;

/** A person's place in a team. Leaders answer the self-check; members answer the check-ins. */
public enum Role {
    MEMBER,
    LEADER
}
