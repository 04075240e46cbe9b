# sfn-test as a Step Functions-compatible endpoint (AWS JSON 1.0 on port 8083), for any language.
#
#   docker build -t sfn-test/endpoint .
#   docker run --rm -p 8083:8083 -v "$PWD/MockConfigFile.json:/mocks/MockConfigFile.json" \
#       -e SFN_MOCK_CONFIG=/mocks/MockConfigFile.json sfn-test/endpoint
#   aws stepfunctions --endpoint-url http://localhost:8083 list-state-machines
#
# Environment, as in AWS Step Functions Local: SFN_MOCK_CONFIG, AWS_ACCOUNT_ID, AWS_DEFAULT_REGION,
# WAIT_TIME_SCALE (0 = skip waits, the default; 1 = real time).

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml bom.xml ./
COPY sfn-test-core/pom.xml sfn-test-core/
COPY sfn-test-junit/pom.xml sfn-test-junit/
COPY sfn-test-spock/pom.xml sfn-test-spock/
COPY samples/pom.xml samples/
RUN mvn -q -pl sfn-test-core -am dependency:go-offline -DexcludeGroupIds=io.github.sfntest || true
COPY sfn-test-core sfn-test-core
RUN mvn -q -pl sfn-test-core -am -DskipTests package \
    && cp sfn-test-core/target/sfn-test-core-*-cli.jar /sfn-test.jar

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 sfn
COPY --from=build /sfn-test.jar /opt/sfn-test/sfn-test.jar
USER sfn
EXPOSE 8083
ENTRYPOINT ["java", "-XX:+UseSerialGC", "-Xss4m", "-jar", "/opt/sfn-test/sfn-test.jar", "serve", "--host", "0.0.0.0", "--port", "8083"]
