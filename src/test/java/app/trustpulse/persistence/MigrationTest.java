package app.trustpulse.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.jdbc.core.simple.JdbcClient;

class MigrationTest {

    @BothDatabases
    void createsTheTablesOfEveryPortAndOfQuartz(TestDb db) {
        JdbcClient jdbc = JdbcClient.create(db.dataSource());

        var tables = jdbc.sql(
                        "SELECT LOWER(table_name) FROM information_schema.tables WHERE LOWER(table_schema) = 'public'")
                .query(String.class)
                .set();

        assertThat(tables)
                .contains(
                        "team",
                        "team_member",
                        "check_in",
                        "answer",
                        "weekly_pulse",
                        "weekly_pulse_dimension",
                        "nudge_sent",
                        "feedback",
                        "processed_event",
                        "app_secret",
                        "qrtz_job_details",
                        "qrtz_triggers",
                        "qrtz_cron_triggers",
                        "qrtz_locks",
                        "qrtz_fired_triggers");
    }

    @BothDatabases
    void answersHaveNoUserIdColumn(TestDb db) {
        JdbcClient jdbc = JdbcClient.create(db.dataSource());

        var columns = jdbc.sql(
                        "SELECT LOWER(column_name) FROM information_schema.columns WHERE LOWER(table_name) = 'answer'")
                .query(String.class)
                .set();

        assertThat(columns).containsExactlyInAnyOrder("team_id", "week", "token", "sealed");
    }
}
