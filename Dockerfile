# syntax=docker/dockerfile:1

# Build stage: the Maven wrapper builds the executable app jar (tests run in CI, not here), and
# Spring Boot's jar tools split it into layers, dependencies first: a code change rebuilds and
# pushes only the small application layer.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -DskipTests package \
    && java -Djarmode=tools -jar app/target/app-0.1.0-SNAPSHOT.jar \
         extract --layers --launcher --destination /extracted

# Run stage: a JRE and the layers, as an unprivileged user.
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --no-create-home --shell /usr/sbin/nologin portal \
    && mkdir -p /app /data \
    && chown portal /data
WORKDIR /app
COPY --from=build /extracted/dependencies/ ./
COPY --from=build /extracted/spring-boot-loader/ ./
COPY --from=build /extracted/snapshot-dependencies/ ./
COPY --from=build /extracted/application/ ./
USER portal
# The H2 database and local files live here when no PostgreSQL URL is given; on PostgreSQL the
# files go into the database (or an S3 bucket) and the folder holds only caches.
ENV PORTAL_DATA_DIR=/data \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
VOLUME /data
EXPOSE 8080
# Ready = database, Temporal and start-up all answer (the image has no curl: bash's /dev/tcp).
HEALTHCHECK --interval=10s --timeout=5s --start-period=90s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${SERVER_PORT:-8080} && printf 'GET /actuator/health/readiness HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
