package app.trustpulse.teams;

import com.microsoft.bot.connector.ConnectorClient;
import com.microsoft.bot.connector.rest.ErrorResponseException;
import com.microsoft.bot.connector.rest.RestConnectorClient;
import com.microsoft.bot.restclient.serializer.JacksonAdapter;
import com.microsoft.bot.schema.PagedMembersResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import okhttp3.ResponseBody;
import retrofit2.Response;
import retrofit2.http.GET;
import retrofit2.http.Path;
import retrofit2.http.Query;

/**
 * One page of a team's roster. The SDK's own paged-members call cannot fetch any page after the first (its
 * request template puts the continuation token in a path block, which Retrofit refuses), so the request is
 * declared here with a proper query parameter, on the SDK's own client, credentials and serializer.
 */
final class RosterPages {

    interface Service {
        @GET("v3/conversations/{conversationId}/pagedmembers")
        CompletableFuture<Response<ResponseBody>> page(
                @Path("conversationId") String conversationId,
                @Query("pageSize") Integer pageSize,
                @Query("continuationToken") String continuationToken);
    }

    static final int PAGE_SIZE = 200;
    private static final JacksonAdapter SERIALIZER = new JacksonAdapter();

    private RosterPages() {}

    static CompletableFuture<PagedMembersResult> page(
            ConnectorClient client, String conversationId, String continuationToken) {
        Service service =
                ((RestConnectorClient) client).getRestClient().retrofit().create(Service.class);
        return service.page(conversationId, PAGE_SIZE, continuationToken).thenApply(response -> {
            if (!response.isSuccessful()) {
                throw new ErrorResponseException("getConversationPagedMembers", response);
            }
            try (ResponseBody body = response.body()) {
                return SERIALIZER.deserialize(body == null ? "{}" : body.string(), PagedMembersResult.class);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
