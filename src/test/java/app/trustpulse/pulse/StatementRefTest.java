package app.trustpulse.pulse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StatementRefTest {

    @Test
    void currentItemsRoundTripWithTheirAudienceAndVersion() {
        for (Dimension d : Dimension.values()) {
            for (int item = 1; item <= Instrument.items(d); item++) {
                for (Role who : Role.values()) {
                    StatementRef ref = StatementRef.current(d, who, item);
                    assertThat(StatementRef.decode(ref.encode())).isEqualTo(ref);
                }
            }
        }
        assertThat(StatementRef.current(Dimension.TRUST, Role.MEMBER, 4).encode())
                .isEqualTo("TRUST:M4:4");
        assertThat(StatementRef.current(Dimension.SAFETY, Role.LEADER, 1).itemId())
                .isEqualTo("SAFETY.L1.v4");
    }

    @Test
    void checkInsStoredWithVersionOneStillShowWhatTheyAsked() {
        StatementRef member = StatementRef.decode("FREEDOM:2");
        StatementRef leader = StatementRef.decode("SAFETY:0");

        assertThat(member).isEqualTo(new StatementRef(Dimension.FREEDOM, Role.MEMBER, 2, Instrument.LEGACY_VERSION));
        assertThat(member.messageKey()).isEqualTo("statement.v1.FREEDOM.member.2");
        assertThat(leader.messageKey()).isEqualTo("statement.v1.SAFETY.leader");
        assertThat(member.encode()).isEqualTo("FREEDOM:2");
        assertThat(leader.encode()).isEqualTo("SAFETY:0");
    }

    @Test
    void checkInsStoredWithVersionTwoStillShowTheVersionTwoWording() {
        StatementRef stored = StatementRef.decode("SAFETY:M3:2");

        assertThat(stored).isEqualTo(new StatementRef(Dimension.SAFETY, Role.MEMBER, 3, 2));
        assertThat(stored.messageKey()).isEqualTo("statement.v2.SAFETY.member.3");
        assertThat(stored.encode()).isEqualTo("SAFETY:M3:2");
        assertThat(StatementRef.current(Dimension.SAFETY, Role.MEMBER, 3).messageKey())
                .isEqualTo("statement.SAFETY.member.3");
    }

    @Test
    void checkInsStoredWithVersionThreeStillSayMyLeader() {
        StatementRef stored = StatementRef.decode("TRUST:M4:3");

        assertThat(stored.messageKey()).isEqualTo("statement.v3.TRUST.member.4");
        assertThat(new Texts().get(Language.EN, stored.messageKey()))
                .isEqualTo("My leader is capable of leading our team well.");
        assertThat(new Texts()
                        .get(
                                Language.EN,
                                StatementRef.current(Dimension.TRUST, Role.MEMBER, 4)
                                        .messageKey(),
                                "Ada"))
                .isEqualTo("Ada is capable of leading our team well.");
        assertThat(new Texts()
                        .get(
                                Language.NL,
                                StatementRef.current(Dimension.SAFETY, Role.MEMBER, 2)
                                        .messageKey(),
                                "Ada"))
                .isEqualTo("Ik durf het oneens te zijn met Ada.");
    }

    @Test
    void aLeaderItemIsTheMirrorOfTheMemberItemWithTheSameNumber() {
        StatementRef member = StatementRef.current(Dimension.TRUST, Role.MEMBER, 5);
        StatementRef leader = StatementRef.current(Dimension.TRUST, Role.LEADER, 5);
        assertThat(member.messageKey()).isEqualTo("statement.TRUST.member.5");
        assertThat(leader.messageKey()).isEqualTo("statement.TRUST.leader.5");
    }

    @Test
    void refusesWhatIsNoStatement() {
        assertThatThrownBy(() -> StatementRef.decode("TRUST:X1:2")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StatementRef.decode("TRUST:M1:9")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StatementRef.current(Dimension.TRUST, Role.MEMBER, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
