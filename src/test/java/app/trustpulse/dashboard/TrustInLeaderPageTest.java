package app.trustpulse.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import app.trustpulse.chat.LocalPeople;
import app.trustpulse.command.AdminList;
import app.trustpulse.insight.Cell;
import app.trustpulse.insight.Insights;
import app.trustpulse.insight.PublishedWeek;
import app.trustpulse.insight.TeamAccess;
import app.trustpulse.insight.TeamView;
import app.trustpulse.nudge.NudgeCatalog;
import app.trustpulse.promise.PromiseBlocks;
import app.trustpulse.promise.TrustAccount;
import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.Member;
import app.trustpulse.pulse.Platform;
import app.trustpulse.pulse.RatedLeaderRepository.Named;
import app.trustpulse.pulse.Role;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.TeamSchedule;
import app.trustpulse.pulse.Texts;
import app.trustpulse.pulse.TrustInLeaderPool;
import app.trustpulse.pulse.TrustInLeaderPool.Pooled;
import app.trustpulse.pulse.WeekId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The team page and the CSV export render trust in the rated leader as the insight module hands it over: the latest
 * complete block with its leader and mean, a withheld block as withheld and never as a number, one point per shown
 * block in the trend's data, and the blocks in rows of their own in the export. The web layer alone, the module
 * behind its facade replaced.
 */
@WebMvcTest(controllers = {DashboardController.class, ExportController.class})
@Import({DashboardWeb.class, TrustInLeaderPageTest.Beans.class})
class TrustInLeaderPageTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final Team TEAM = new Team(
            4,
            Platform.SLACK,
            "T9",
            "C1",
            "sales",
            ZoneId.of("Europe/Amsterdam"),
            Language.EN,
            5,
            TeamSchedule.defaults(),
            false);
    private static final Named ANN = new Named("UANN", "Ann");
    private static final WeekId CURRENT = WeekId.of(NOW, TEAM.timezone());
    private static final WeekId LATEST = TrustInLeaderPool.latestCompleteStart(CURRENT.minus(1));
    private static final WeekId EARLIER = LATEST.minus(TrustInLeaderPool.WEEKS);

    @TestConfiguration
    static class Beans {

        @Bean
        Texts texts() {
            return new Texts();
        }

        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }

        @Bean
        SignedIn signedIn(ObjectProvider<LocalPeople> people) {
            return new SignedIn(new Viewers(new AdminList(List.of()), (tenant, oid) -> Optional.empty(), people));
        }
    }

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Insights insights;

    @MockitoBean
    PromiseBlocks promises;

    @MockitoBean
    NudgeCatalog catalog;

    private final Texts texts = new Texts();

    @BeforeEach
    void aMemberOfATeamWithTwoCompleteBlocks() {
        TeamAccess access = new TeamAccess(
                TEAM,
                Optional.of(new Member(TEAM.id(), "UZOE", "Zoe", Role.MEMBER, Optional.empty(), false, false)),
                false);
        List<PublishedWeek> published = new ArrayList<>();
        List<WeekId> weeks = new ArrayList<>();
        for (WeekId w = EARLIER; w.compareTo(CURRENT) <= 0; w = w.plus(1)) {
            weeks.add(w);
            if (w.compareTo(CURRENT) < 0) {
                Map<Dimension, Cell> cells = new EnumMap<>(Dimension.class);
                Dimension.inModelOrder().forEach(d -> cells.put(d, new Cell(OptionalDouble.of(3.0), 6)));
                published.add(new PublishedWeek(w, 6, 6, false, cells));
            }
        }
        Pooled withheld = new Pooled(EARLIER, EARLIER.plus(3), Optional.of(ANN), OptionalDouble.empty(), 0);
        Pooled shown = new Pooled(LATEST, LATEST.plus(3), Optional.of(ANN), OptionalDouble.of(3.8125), 16);
        TeamView view = new TeamView(
                access,
                CURRENT,
                12,
                weeks,
                published,
                List.of(),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                new TeamView.TrustInLeader(Optional.of(shown), List.of(withheld, shown)));
        when(insights.access(any(), eq(TEAM.id()))).thenReturn(access);
        when(insights.team(any(), eq(TEAM.id()), anyInt())).thenReturn(view);
        when(insights.export(any(), eq(TEAM.id()), anyInt())).thenReturn(published);
        when(insights.exportTrustInLeader(any(), anyLong(), anyInt())).thenReturn(List.of(withheld, shown));
        when(promises.account(any(), any())).thenReturn(new TrustAccount(0, 0, 0, 0));
    }

    @Test
    void theLatestCompleteBlockStandsUnderTheLatestPulseWithItsLeaderWeeksAndMean() throws Exception {
        String page = page("/dashboard/teams/4");

        String latest = page.substring(page.indexOf("id=\"latest\""), page.indexOf("id=\"trend\""));
        assertThat(latest)
                .contains(">"
                        + texts.get(
                                Language.EN,
                                "dashboard.trustInLeader.shown",
                                "Ann",
                                LATEST.week(),
                                LATEST.plus(3).week(),
                                "3.8",
                                16)
                        + "</p>")
                .contains(texts.get(Language.EN, "dashboard.trustInLeader.explain"));
    }

    @Test
    void theTrendHasOnePointPerShownBlockAndTheTableSaysWithheldWithNoNumber() throws Exception {
        String page = page("/dashboard/teams/4");

        String trend = page.substring(page.indexOf("id=\"trend\""));
        assertThat(trend)
                .contains("&quot;pool&quot;:true")
                .contains("&quot;data&quot;:[{&quot;x&quot;:&quot;" + week(LATEST.plus(3))
                        + "&quot;,&quot;y&quot;:3.8125}]")
                .doesNotContain("&quot;x&quot;:&quot;" + week(EARLIER.plus(3)) + "&quot;");
        int table = trend.indexOf("id=\"trust-in-leader-blocks\"");
        String blocks = trend.substring(table, trend.indexOf("</table>", table));
        // Newest block first, like the page's other lists of weeks.
        assertThat(blocks.indexOf(week(LATEST) + " – ")).isLessThan(blocks.indexOf(week(EARLIER) + " – "));
        String withheldRow = blocks.substring(blocks.indexOf(week(EARLIER) + " – " + week(EARLIER.plus(3))));
        assertThat(withheldRow).contains("class=\"withheld\">withheld<").doesNotContainPattern(">\\d");
        assertThat(blocks).contains(">3.8<", ">16<", ">Ann<");
    }

    @Test
    void aWithheldLatestBlockSaysSoWithTheThresholdAndNoNumber() throws Exception {
        Pooled withheld = new Pooled(LATEST, LATEST.plus(3), Optional.of(ANN), OptionalDouble.empty(), 0);
        TeamView view = insights.team(null, TEAM.id(), 12);
        when(insights.team(any(), eq(TEAM.id()), anyInt()))
                .thenReturn(new TeamView(
                        view.access(),
                        view.currentWeek(),
                        view.range(),
                        view.weeks(),
                        view.published(),
                        List.of(),
                        Optional.empty(),
                        Optional.empty(),
                        List.of(),
                        new TeamView.TrustInLeader(Optional.of(withheld), List.of(withheld))));

        String page = page("/dashboard/teams/4");

        assertThat(page)
                .contains("class=\"withheld\">"
                        + texts.get(
                                Language.EN,
                                "dashboard.trustInLeader.withheld",
                                "Ann",
                                LATEST.week(),
                                LATEST.plus(3).week(),
                                5)
                        + "</p>")
                .doesNotContain("&quot;pool&quot;:true,&quot;data&quot;:[{");
    }

    @Test
    void theCsvCarriesEachBlockInRowsAndColumnsOfItsOwn() throws Exception {
        String csv = mvc.perform(get("/dashboard/teams/4/export.csv").with(authentication(slackSignIn())))
                .andReturn()
                .getResponse()
                .getContentAsString();

        List<String> lines = csv.substring(1).lines().toList();
        assertThat(lines.get(0))
                .endsWith(",members_asked,members_answered,pool_first_week,pool_last_week,rated_leader");
        assertThat(lines.stream().filter(l -> l.contains(",trust_in_leader,")))
                .containsExactly(
                        "sales," + EARLIER.plus(3) + ",trust_in_leader,,,true,,," + EARLIER + "," + EARLIER.plus(3)
                                + ",Ann",
                        "sales," + LATEST.plus(3) + ",trust_in_leader,3.81,16,false,,," + LATEST + "," + LATEST.plus(3)
                                + ",Ann");
        assertThat(lines.stream().filter(l -> l.contains(",vision,")))
                .allSatisfy(l -> assertThat(l).endsWith(",6,6,,,"));
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(authentication(slackSignIn())))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private String week(WeekId w) {
        return texts.get(Language.EN, "dashboard.week.short", w.week(), w.year());
    }

    private static OAuth2AuthenticationToken slackSignIn() {
        Map<String, Object> claims =
                Map.of("sub", "UZOE", Viewers.SLACK_USER, "UZOE", Viewers.SLACK_TEAM, "T9", "name", "Zoe");
        OidcIdToken id = new OidcIdToken("id-token", NOW, NOW.plusSeconds(60), claims);
        return new OAuth2AuthenticationToken(
                new DefaultOidcUser(AuthorityUtils.NO_AUTHORITIES, id, "sub"),
                AuthorityUtils.NO_AUTHORITIES,
                SignInProviders.SLACK);
    }
}
