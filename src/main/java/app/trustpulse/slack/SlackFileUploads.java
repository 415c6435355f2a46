package app.trustpulse.slack;

import app.trustpulse.chat.ChatDeliveryException;
import app.trustpulse.chat.ImageUploads;
import app.trustpulse.pulse.Platform;
import com.slack.api.Slack;
import com.slack.api.methods.Methods;
import com.slack.api.methods.request.files.FilesCompleteUploadExternalRequest;
import com.slack.api.methods.response.files.FilesGetUploadURLExternalResponse;
import java.io.IOException;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Uploads an image as Slack's file upload does it: {@code files.getUploadURLExternal} for an upload address and a file
 * id, the bytes posted to that address, then {@code files.completeUploadExternal} without a channel, so the file stays
 * private to the app and only appears where a message's image block refers to it ({@code slack_file.id}). Needs the
 * {@code files:write} scope.
 */
final class SlackFileUploads implements ImageUploads {

    /** Slack's limit on a file's alt text. */
    private static final int ALT_TEXT = 1000;

    private static final MediaType PNG = MediaType.get("image/png");

    private final SlackCalls calls;
    private final Slack slack;

    SlackFileUploads(SlackCalls calls, Slack slack) {
        this.calls = calls;
        this.slack = slack;
    }

    @Override
    public Platform platform() {
        return Platform.SLACK;
    }

    @Override
    public String uploadPng(String workspaceId, String filename, byte[] png, String altText) {
        FilesGetUploadURLExternalResponse target = calls.call(
                workspaceId,
                Methods.FILES_GET_UPLOAD_URL_EXTERNAL,
                null,
                c -> c.filesGetUploadURLExternal(r -> r.filename(filename)
                        .length(png.length)
                        .altTxt(altText.length() > ALT_TEXT ? altText.substring(0, ALT_TEXT - 1) + "…" : altText)));
        if (target.getUploadUrl() == null || target.getFileId() == null) {
            throw new ChatDeliveryException("Slack gave no upload address for the file");
        }
        Request post = new Request.Builder()
                .url(target.getUploadUrl())
                .post(RequestBody.create(png, PNG))
                .build();
        try (Response answer =
                slack.getHttpClient().getOkHttpClient().newCall(post).execute()) {
            if (!answer.isSuccessful()) {
                throw new ChatDeliveryException("Slack's upload address answered HTTP " + answer.code());
            }
        } catch (IOException e) {
            throw new ChatDeliveryException("could not send the file to Slack's upload address: " + e.getMessage(), e);
        }
        calls.call(
                workspaceId,
                Methods.FILES_COMPLETE_UPLOAD_EXTERNAL,
                null,
                c -> c.filesCompleteUploadExternal(r -> r.files(
                        List.of(new FilesCompleteUploadExternalRequest.FileDetails(target.getFileId(), filename)))));
        return target.getFileId();
    }
}
