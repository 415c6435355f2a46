-- What was said in a feedback thread, as the team channel shows it under the quoted feedback: the leaders' answers
-- (with their names, as posted) and the writer's replies (as "the writer", names removed). Kept so the leaders' page
-- shows the conversation. Sealed and padded like released comments; no person's id, no time, only the order.
CREATE TABLE feedback_thread_reply (
    thread_id   BIGINT        NOT NULL,
    position    INTEGER       NOT NULL,
    sealed      VARCHAR(8000) NOT NULL,
    CONSTRAINT feedback_thread_reply_pk PRIMARY KEY (thread_id, position),
    CONSTRAINT feedback_thread_reply_thread_fk FOREIGN KEY (thread_id) REFERENCES feedback_thread (id)
        ON DELETE CASCADE
);
