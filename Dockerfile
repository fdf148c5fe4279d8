# syntax=docker/dockerfile:1

# Build stage: the Maven wrapper builds the executable app jar (tests run in CI, not here).
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -DskipTests package

# Run stage: a JRE and the jar, as an unprivileged user.
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --no-create-home --shell /usr/sbin/nologin portal \
    && mkdir -p /app /data \
    && chown portal /data
WORKDIR /app
COPY --from=build /src/app/target/app-0.1.0-SNAPSHOT.jar /app/app.jar
USER portal
# Attachments (and the H2 database, if no PostgreSQL URL is given) live here.
ENV PORTAL_DATA_DIR=/data \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
VOLUME /data
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
