# Build with the Maven wrapper, run on a JRE as a non-root user.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
RUN ./mvnw -B -q -DskipTests package && cp target/trust-pulse-*.jar /app.jar

FROM eclipse-temurin:17-jre
# Fonts for the chart images in the weekly pulse (drawn server-side with JFreeChart).
RUN apt-get update && apt-get install -y --no-install-recommends curl fontconfig fonts-dejavu-core && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home /app pulse && mkdir -p /app/data && chown -R pulse /app
WORKDIR /app
COPY --from=build /app.jar /app/trust-pulse.jar
USER pulse
EXPOSE 8080
# Production sets SPRING_PROFILES_ACTIVE=postgres and PULSE_PLAYGROUND_ENABLED=false; see .env.example.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD curl -fsS "http://localhost:${MANAGEMENT_SERVER_PORT:-${PORT:-8080}}/actuator/health" || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/trust-pulse.jar"]
