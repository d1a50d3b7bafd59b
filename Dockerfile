# One image recipe for every service: docker build --build-arg SERVICE=ingest-service .
FROM maven:3.9-eclipse-temurin-17 AS build
ARG SERVICE
WORKDIR /src
COPY pom.xml .
COPY pipeline-events pipeline-events
COPY gazetteer gazetteer
COPY ingest-service ingest-service
COPY parse-service parse-service
COPY enrich-service enrich-service
COPY publish-service publish-service
# publish serves docs/asyncapi.yaml
COPY docs docs
# The reactor's other modules: only their poms, so Maven sees the whole reactor and builds just this service.
COPY local-stack/pom.xml local-stack/pom.xml
COPY examples/pom.xml examples/pom.xml
COPY bench/pom.xml bench/pom.xml
RUN mvn -B -q -DskipTests package -pl ${SERVICE} -am

FROM eclipse-temurin:17-jre
ARG SERVICE
RUN useradd --system --uid 10001 newsroom
COPY --from=build /src/${SERVICE}/target/${SERVICE}-exec.jar /app/service.jar
USER newsroom
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/service.jar"]
