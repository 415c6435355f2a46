package app.trustpulse.chat;

import app.trustpulse.pulse.Platform;

/** Where a sent message lives, so it can be updated in place. */
public record MessageRef(Platform platform, String workspaceId, String conversationId, String messageId) {

    private static final char SEP = '\u001f';

    /** A single string for storage. */
    public String encode() {
        return platform.name() + SEP + workspaceId + SEP + conversationId + SEP + messageId;
    }

    public static MessageRef decode(String text) {
        String[] parts = text.split(String.valueOf(SEP), -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("not a message reference");
        }
        return new MessageRef(Platform.valueOf(parts[0]), parts[1], parts[2], parts[3]);
    }
}
