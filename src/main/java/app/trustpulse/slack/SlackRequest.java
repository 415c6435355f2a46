package app.trustpulse.slack;

/**
 * What an acknowledged Slack request asks of the bot, as it is queued for a worker: only the fields the work needs.
 *
 * @param type        which listener took the request
 * @param workspaceId the workspace (or enterprise, for org-wide installs)
 * @param userId      who sent it
 * @param channelId   the channel of a command or a member event; the DM channel of a direct message
 * @param text        the command's text or the direct message; the text typed into a modal
 * @param responseUrl where a command's or click's answer goes
 * @param action      the action of a click or a modal
 * @param refChannel  the conversation of the message a click was on
 * @param refTs       that message's timestamp
 * @param onHome      whether a click was on the Home tab
 * @param inviter     who added the member of a member event to the channel, when it was someone else; else null
 */
record SlackRequest(
        Type type,
        String workspaceId,
        String userId,
        String channelId,
        String text,
        String responseUrl,
        String action,
        String refChannel,
        String refTs,
        boolean onHome,
        String inviter) {

    SlackRequest(
            Type type,
            String workspaceId,
            String userId,
            String channelId,
            String text,
            String responseUrl,
            String action,
            String refChannel,
            String refTs,
            boolean onHome) {
        this(type, workspaceId, userId, channelId, text, responseUrl, action, refChannel, refTs, onHome, null);
    }

    enum Type {
        COMMAND,
        CLICK,
        MODAL,
        DIRECT_MESSAGE,
        MEMBER_JOINED,
        MEMBER_LEFT,
        HOME_OPENED
    }
}
