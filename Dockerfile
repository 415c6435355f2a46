# Build with the Maven wrapper, run on a JRE as a non-root user, started with a class-data-sharing archive.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
RUN ./mvnw -B -q -DskipTests package && cp target/trust-pulse-*.jar /trust-pulse.jar \
    && java -Djarmode=tools -jar /trust-pulse.jar extract --destination /app

FROM eclipse-temurin:17-jre
# Fonts for the chart images in the weekly pulse (drawn server-side with JFreeChart).
RUN apt-get update && apt-get install -y --no-install-recommends curl fontconfig fonts-dejavu-core && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home /app pulse && mkdir -p /app/data && chown -R pulse /app
WORKDIR /app
# The jar unpacked by Spring Boot's jar tools (trust-pulse.jar beside lib/), which class-data sharing needs.
COPY --from=build /app /app
# A training run on this image's own JVM writes the class-data-sharing archive: it starts the application on a
# throwaway in-memory database and stops once the context is up. Starting with the archive loads those classes
# from it instead of parsing and verifying them again (see docs/performance.md, StartupBenchmark).
RUN java -XX:ArchiveClassesAtExit=/app/trust-pulse.jsa -Dspring.context.exit=onRefresh -jar /app/trust-pulse.jar \
        --spring.datasource.url=jdbc:h2:mem:training --pulse.pseudonym-secret=training-run-only-not-a-real-secret \
        > /tmp/training.log 2>&1 \
    || (cat /tmp/training.log; exit 1)
USER pulse
EXPOSE 8080
# Production sets SPRING_PROFILES_ACTIVE=postgres and PULSE_PLAYGROUND_ENABLED=false; see .env.example.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD curl -fsS "http://localhost:${MANAGEMENT_SERVER_PORT:-${PORT:-8080}}/actuator/health" || exit 1
# A JVM that cannot use the archive (another build of Java) says so once and starts without it.
# StartupBenchmark starts its JVMs with these settings (DOCKER_FLAGS): keep the two in step.
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/trust-pulse.jsa", "-XX:MaxRAMPercentage=75", "-jar", "/app/trust-pulse.jar"]
