package app.trustpulse.chat;

import app.trustpulse.pulse.Platform;

/**
 * A platform that keeps an image for the app, so that messages can show it without the service having a public
 * address (Slack's file upload). The file is private to the app; messages refer to it by its id
 * ({@link Block.Image#platformFile}).
 */
public interface ImageUploads {

    Platform platform();

    /**
     * Uploads a PNG into the workspace and returns the platform's id of the file.
     *
     * @throws ChatDeliveryException when the platform did not take it
     */
    String uploadPng(String workspaceId, String filename, byte[] png, String altText);
}
