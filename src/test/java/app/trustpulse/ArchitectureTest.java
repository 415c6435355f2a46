package app.trustpulse;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.time.Clock;
import java.util.Set;

/**
 * The shape of the code: the domain and its use cases know nothing of Spring, Quartz, Slack, Teams or a metrics
 * library; the adapters (each platform, the database, the scheduler, metrics) never reach into one another; time
 * comes from the one Clock the configuration makes; counts are held against a threshold only in AnonymityPolicy.
 */
@AnalyzeClasses(packages = "app.trustpulse", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] CORE = {
        "app.trustpulse.pulse..", "app.trustpulse.nudge..", "app.trustpulse.checkin..", "app.trustpulse.command..",
        "app.trustpulse.summary..", "app.trustpulse.feedback..", "app.trustpulse.chat..", "app.trustpulse.inbound..",
        "app.trustpulse.privacy..", "app.trustpulse.insight..", "app.trustpulse.doctor.."
    };

    /** One logging style: a class logs through one private static final SLF4J logger named LOG. */
    @ArchTest
    static final ArchRule oneLoggerNamedLog = fields().that()
            .haveRawType(org.slf4j.Logger.class)
            .should()
            .haveName("LOG")
            .andShould()
            .bePrivate()
            .andShould()
            .beStatic()
            .andShould()
            .beFinal();

    @ArchTest
    static final ArchRule coreUsesNoFrameworks = noClasses()
            .that()
            .resideInAnyPackage(CORE)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "org.quartz..",
                    "com.slack..",
                    "com.microsoft.bot..",
                    "jakarta.servlet..",
                    "tools.jackson..",
                    "com.fasterxml..",
                    "io.micrometer..",
                    "ch.qos.logback..",
                    "java.util.logging..");

    @ArchTest
    static final ArchRule coreKnowsNoAdapters = noClasses()
            .that()
            .resideInAnyPackage(CORE)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "app.trustpulse.slack..",
                    "app.trustpulse.teams..",
                    "app.trustpulse.playground..",
                    "app.trustpulse.persistence..",
                    "app.trustpulse.schedule..",
                    "app.trustpulse.metrics..",
                    "app.trustpulse.config..");

    /**
     * Each adapter talks to the core only: Slack never uses Teams' classes, the scheduler never the database's, and
     * so on.
     */
    @ArchTest
    static final ArchRule adaptersDoNotReachIntoEachOther = slices().matching(
                    "app.trustpulse.(slack|teams|playground|persistence|schedule|metrics)..")
            .should()
            .notDependOnEachOther();

    /** An adapter shows the rest of the application its configuration and settings only; everything else is its own. */
    @ArchTest
    static final ArchRule adaptersHaveNoPublicInternals = classes()
            .that()
            .resideInAnyPackage(
                    "app.trustpulse.slack",
                    "app.trustpulse.teams",
                    "app.trustpulse.playground",
                    "app.trustpulse.persistence",
                    "app.trustpulse.schedule",
                    "app.trustpulse.metrics")
            .and()
            .arePublic()
            .and()
            .areTopLevelClasses()
            .should()
            .beAnnotatedWith(org.springframework.context.annotation.Configuration.class)
            .orShould()
            .beAnnotatedWith(org.springframework.boot.context.properties.ConfigurationProperties.class)
            // the storage ports on one database, for the benchmarks and tests that run without the application
            .orShould()
            .haveFullyQualifiedName("app.trustpulse.persistence.JdbcStores");

    /**
     * A core module with an inside shows its facade, the values the facade answers in and its assembly (the
     * {@code *Module} class), nothing more: its use cases and helpers are package-private, so no other module reaches
     * past the facade. Nested values of the facade are public with it.
     */
    @ArchTest
    static final ArchRule checkInShowsItsFacadeOnly = classes()
            .that()
            .resideInAPackage("app.trustpulse.checkin")
            .and()
            .arePublic()
            .and()
            .areTopLevelClasses()
            .should()
            .haveNameMatching("app\\.trustpulse\\.checkin\\.(CheckIns|CheckInModule)");

    /** As {@link #checkInShowsItsFacadeOnly}; its values: who runs a command, its words, and the service's admins. */
    @ArchTest
    static final ArchRule commandShowsItsFacadeAndValuesOnly = classes()
            .that()
            .resideInAPackage("app.trustpulse.command")
            .and()
            .arePublic()
            .and()
            .areTopLevelClasses()
            .should()
            .haveNameMatching(
                    "app\\.trustpulse\\.command\\.(RunningCommands|CommandModule|CommandContext|Subcommand|AdminList)");

    /**
     * As {@link #checkInShowsItsFacadeOnly}, with the facades of nudges' audiences: the week close and the dashboard's
     * team view ({@code DigestNudges}), the mid-week round ({@code NudgingLeaders}), the operators' report
     * ({@code DeploymentEstimates}) and the catalog; the ports others implement or fill ({@code NudgeLog},
     * {@code DecisionLog}, {@code LeaderFocus}); the values they answer in ({@code Nudge}, {@code SentNudge},
     * {@code NudgeDecision}, {@code NudgeReason}); and the estimator whose counts and estimates the report shows
     * ({@code RandomisedEffect}). Choosing, drawing, the alarm test, the reviews and the composer stay inside.
     */
    @ArchTest
    static final ArchRule nudgeShowsItsFacadesPortsAndValuesOnly = classes()
            .that()
            .resideInAPackage("app.trustpulse.nudge")
            .and()
            .arePublic()
            .and()
            .areTopLevelClasses()
            .should()
            .haveNameMatching("app\\.trustpulse\\.nudge\\.(DigestNudges|NudgingLeaders|DeploymentEstimates|NudgeCatalog"
                    + "|NudgeModule|NudgeLog|DecisionLog|LeaderFocus|Nudge|SentNudge|NudgeDecision|NudgeReason"
                    + "|RandomisedEffect)");

    @ArchTest
    static final ArchRule noPackageCycles =
            slices().matching("app.trustpulse.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule slackStaysInItsAdapter = noClasses()
            .that()
            .resideOutsideOfPackage("app.trustpulse.slack..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("com.slack..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule botFrameworkStaysInItsAdapter = noClasses()
            .that()
            .resideOutsideOfPackage("app.trustpulse.teams..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("com.microsoft.bot..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule micrometerStaysInItsAdapter = noClasses()
            .that()
            .resideOutsideOfPackage("app.trustpulse.metrics..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.micrometer..");

    /** Message composers only read: what a message shows is recorded by the use case that sends it. */
    @ArchTest
    static final ArchRule composersDoNotWrite = noClasses()
            .that()
            .haveSimpleNameEndingWith("Messages")
            .or()
            .haveSimpleName("QuarterlyReviews")
            .or()
            .haveSimpleName("HomeView")
            .should(writeThroughAPort());

    /** Tests set the time through the one Clock bean; a clock made anywhere else would ignore them. */
    @ArchTest
    static final ArchRule oneClock =
            noClasses().that().resideOutsideOfPackage("app.trustpulse.config..").should(makeTheirOwnClock());

    /**
     * Nothing reads the wall clock itself: tests set the time through the Clock bean, and a class that asks the system
     * would not see it. The work queue is the exception: db-scheduler keeps its due times and heartbeats in the
     * system's time, so the queue and its heartbeats must read the same.
     */
    @ArchTest
    static final ArchRule timeOnlyFromTheClock = noClasses()
            .that()
            .resideOutsideOfPackages("app.trustpulse.config..", "app.trustpulse.work..")
            .should(readTheWallClock());

    /** Whether enough people gave something to show it is decided in one place, so it is decided one way. */
    @ArchTest
    static final ArchRule thresholdComparedOnlyInTheAnonymityPolicy = noClasses()
            .that()
            .doNotHaveFullyQualifiedName("app.trustpulse.pulse.AnonymityPolicy")
            .should(compareWithAThreshold());

    private static ArchCondition<JavaClass> readTheWallClock() {
        Set<String> readers = Set.of(
                "java.time.Instant.now",
                "java.time.LocalDate.now",
                "java.time.LocalDateTime.now",
                "java.time.LocalTime.now",
                "java.time.ZonedDateTime.now",
                "java.time.OffsetDateTime.now",
                "java.lang.System.currentTimeMillis");
        return new ArchCondition<>("read the wall clock") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                for (JavaCodeUnit unit : item.getCodeUnits()) {
                    unit.getMethodCallsFromSelf().stream()
                            .filter(c -> c.getTarget().getRawParameterTypes().isEmpty()
                                    && readers.contains(c.getTargetOwner().getName() + "." + c.getName()))
                            .forEach(c -> events.add(SimpleConditionEvent.satisfied(item, c.getDescription())));
                    unit.getMethodReferencesFromSelf().stream()
                            .filter(r -> r.getTarget().getRawParameterTypes().isEmpty()
                                    && readers.contains(r.getTargetOwner().getName() + "." + r.getName()))
                            .forEach(r -> events.add(SimpleConditionEvent.satisfied(item, r.getDescription())));
                }
            }
        };
    }

    private static ArchCondition<JavaClass> compareWithAThreshold() {
        return new ArchCondition<>("compare a count with a threshold") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                item.getSource()
                        .ifPresent(source -> ThresholdComparisons.in(source.getUri())
                                .forEach(method -> events.add(SimpleConditionEvent.satisfied(
                                        item, item.getName() + "." + method + " compares with a threshold"))));
            }
        };
    }

    private static ArchCondition<JavaClass> writeThroughAPort() {
        java.util.regex.Pattern writes = java.util.regex.Pattern.compile(
                "(record|react|save|upsert|insert|update|add|delete|mark|claim|create|release|expire|drop|purge|getOrCreate).*");
        return new ArchCondition<>("write through a storage port") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                item.getMethodCallsFromSelf().stream()
                        .filter(c -> c.getTargetOwner().isInterface()
                                && c.getTargetOwner().getPackageName().startsWith("app.trustpulse.")
                                && (c.getTargetOwner().getSimpleName().endsWith("Repository")
                                        || c.getTargetOwner().getSimpleName().equals("NudgeLog")
                                        || c.getTargetOwner().getSimpleName().equals("SecretStore"))
                                && writes.matcher(c.getName()).matches())
                        .forEach(c -> events.add(SimpleConditionEvent.satisfied(item, c.getDescription())));
            }
        };
    }

    private static ArchCondition<JavaClass> makeTheirOwnClock() {
        Set<String> factories = Set.of("systemUTC", "systemDefaultZone", "system");
        return new ArchCondition<>("make their own Clock") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                for (JavaCodeUnit unit : item.getCodeUnits()) {
                    unit.getMethodCallsFromSelf().stream()
                            .filter(c ->
                                    c.getTargetOwner().isEquivalentTo(Clock.class) && factories.contains(c.getName()))
                            .forEach(c -> events.add(SimpleConditionEvent.satisfied(item, c.getDescription())));
                    unit.getMethodReferencesFromSelf().stream()
                            .filter(r ->
                                    r.getTargetOwner().isEquivalentTo(Clock.class) && factories.contains(r.getName()))
                            .forEach(r -> events.add(SimpleConditionEvent.satisfied(item, r.getDescription())));
                }
            }
        };
    }
}
