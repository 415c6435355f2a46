package app.trustpulse.chat;

import java.time.ZoneId;
import java.util.Optional;

/** A person as the platform describes them. */
public record ChatUser(String userId, String displayName, Optional<ZoneId> timezone) {}
