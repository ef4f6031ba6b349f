# One image per service: docker build --build-arg MODULE=crawler -t healthwatch-crawler .
# The build stage is a JDK 21: the analysis-smartcn module compiles against OpenSearch 3 (Java 21).
FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests -Dspotless.check.skip=true package

FROM eclipse-temurin:17-jre
ARG MODULE
# The editorial service's PDFs need a font with Chinese glyphs (issues.pdfFont: auto finds this one).
RUN if [ "$MODULE" = "editorial" ]; then \
      apt-get update && apt-get install -y --no-install-recommends fonts-wqy-microhei \
      && rm -rf /var/lib/apt/lists/*; \
    fi
RUN useradd --system --uid 10001 healthwatch \
 && mkdir -p /state \
 && chown healthwatch:healthwatch /state
# /state is the enricher's RocksDB folder: a named volume mounted there takes this owner.
COPY --from=build /src/${MODULE}/target/healthwatch-${MODULE}-*-all.jar /app/service.jar
USER healthwatch
WORKDIR /app
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/service.jar"]
