# One image per service: docker build --build-arg MODULE=crawler -t healthwatch-crawler .
# The build stage is a JDK 21: the analysis-smartcn module compiles against OpenSearch 3 (Java 21).
FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests -Dspotless.check.skip=true package

FROM eclipse-temurin:17-jre
ARG MODULE
RUN useradd --system --uid 10001 healthwatch
COPY --from=build /src/${MODULE}/target/healthwatch-${MODULE}-*-all.jar /app/service.jar
USER healthwatch
WORKDIR /app
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/service.jar"]
