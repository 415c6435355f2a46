-- A leader's answer to released anonymous feedback opens a thread under the quoted feedback in the team's channel.
-- The thread names no one: its team, its feedback, where the quote was posted, and until when the writer may answer.
-- Its id is drawn at random, so it tells nothing of when it was opened beyond closes_at, which a leader's click set.
CREATE TABLE feedback_thread (
    id          BIGINT        NOT NULL,
    team_id     BIGINT        NOT NULL,
    feedback_id BIGINT        NOT NULL,
    post_ref    VARCHAR(1000),
    closes_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    closed      BOOLEAN       NOT NULL,
    CONSTRAINT feedback_thread_pk PRIMARY KEY (id),
    CONSTRAINT feedback_thread_once UNIQUE (team_id, feedback_id),
    CONSTRAINT feedback_thread_team_fk FOREIGN KEY (team_id) REFERENCES team (id) ON DELETE CASCADE,
    CONSTRAINT feedback_thread_feedback_fk FOREIGN KEY (feedback_id) REFERENCES feedback (id) ON DELETE CASCADE
);

CREATE INDEX feedback_thread_open_ix ON feedback_thread (closed, closes_at);

-- The way back to a thread's writer: their platform id, sealed under the service's secret and bound to the thread.
-- Always one row per thread (a writer no longer on the team is sealed as an empty id, padded alike), deleted when
-- the thread closes.
CREATE TABLE feedback_thread_writer (
    thread_id   BIGINT        NOT NULL,
    sealed      VARCHAR(400)  NOT NULL,
    CONSTRAINT feedback_thread_writer_pk PRIMARY KEY (thread_id),
    CONSTRAINT feedback_thread_writer_thread_fk FOREIGN KEY (thread_id) REFERENCES feedback_thread (id)
        ON DELETE CASCADE
);
