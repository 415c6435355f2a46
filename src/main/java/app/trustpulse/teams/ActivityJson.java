package app.trustpulse.teams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.restclient.serializer.JacksonAdapter;

/**
 * How the Bot Connector client writes activities as JSON and reads its answers: the SDK's own mapper settings, without
 * its flattening step. That step serves Azure models whose property names are dotted paths to nested objects; no Bot
 * Framework schema class has one, yet it walked every object of every activity by reflection and matched each key
 * against regular expressions, which cost more than the rest of a send. The SDK builds the mapper without it
 * ({@code simpleMapper}) and uses it for the objects inside that step; this hands that mapper to the client itself.
 */
final class ActivityJson extends JacksonAdapter {

    @Override
    public ObjectMapper serializer() {
        return simpleMapper();
    }
}
