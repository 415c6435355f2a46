package app.trustpulse;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The domain and its use cases know nothing of Spring, Quartz, Slack or Teams. */
@AnalyzeClasses(packages = "app.trustpulse", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] CORE = {
        "app.trustpulse.pulse..", "app.trustpulse.nudge..", "app.trustpulse.checkin..", "app.trustpulse.command..",
        "app.trustpulse.summary..", "app.trustpulse.feedback..", "app.trustpulse.chat..", "app.trustpulse.inbound..", "app.trustpulse.demo..",
        "app.trustpulse.privacy..", "app.trustpulse.insight.."
    };

    @ArchTest
    static final ArchRule coreUsesNoFrameworks = noClasses().that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.quartz..", "com.slack..", "com.microsoft.bot..", "jakarta.servlet..",
                    "tools.jackson..", "com.fasterxml..");

    @ArchTest
    static final ArchRule coreKnowsNoAdapters = noClasses().that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "app.trustpulse.slack..", "app.trustpulse.teams..", "app.trustpulse.playground..",
                    "app.trustpulse.persistence..", "app.trustpulse.schedule..", "app.trustpulse.config..");

    @ArchTest
    static final ArchRule adaptersDoNotReachIntoEachOther = noClasses().that().resideInAnyPackage(
                    "app.trustpulse.slack..", "app.trustpulse.teams..", "app.trustpulse.playground..")
            .should().dependOnClassesThat().resideInAnyPackage("app.trustpulse.persistence..", "app.trustpulse.schedule..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule slackStaysInItsAdapter = noClasses().that().resideOutsideOfPackage("app.trustpulse.slack..")
            .should().dependOnClassesThat().resideInAnyPackage("com.slack..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule botFrameworkStaysInItsAdapter = noClasses().that().resideOutsideOfPackage("app.trustpulse.teams..")
            .should().dependOnClassesThat().resideInAnyPackage("com.microsoft.bot..")
            .allowEmptyShould(true);
}
