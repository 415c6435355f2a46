package app.trustpulse.chat;

import app.trustpulse.pulse.Platform;

/** A message as one platform would get it (its own JSON), for the playground's platform preview. */
public interface MessagePreview {

    Platform platform();

    String json(ChatMessage message);
}
