# The xcomponent-ai image: app.jar plus the Order/Payment example (its two YAML files and its
# plugin jar), used by every stack under docker-compose/.
#
#   docker build -t xcomponent-ai:local .
#   docker run --rm -p 3000:3000 xcomponent-ai:local          # the example, monolith mode
#   docker run --rm xcomponent-ai:local --help                # every command
#
# Layout of the runtime image (docker-compose/*/docker-compose.yml and
# app/src/test/java/dev/xcomponent/app/ComposeFilesTest.java rely on it):
#   /app/app.jar                                   <- app/target/app.jar
#   /app/examples/order-payment/*-component.yaml   <- examples/order-payment/*-component.yaml
#   /app/examples/order-payment/plugins/           <- examples/order-payment/target/plugins/

# ---- build: Maven + JDK 17 ---------------------------------------------------------------------
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
# The whole tree (less what .dockerignore leaves out): Maven reads every module's pom.
COPY . .
# app.jar and the example's plugin jar (built straight into target/plugins/). -DskipTests still
# compiles the tests, which the reactor needs (test-jars); the tests run in CI, not here.
RUN mvn -B -ntp -DskipTests -pl app,examples/order-payment -am package \
 && test -f app/target/app.jar \
 && ls examples/order-payment/target/plugins/*.jar

# ---- runtime: JRE 17, non-root -----------------------------------------------------------------
FROM eclipse-temurin:17-jre
# The Ubuntu-based Temurin images ship curl (used by HEALTHCHECK); install it if a base ever does not.
# The user gets a fixed uid/gid (the base already has uid 1000) so that runAsNonRoot can check it.
RUN set -eux; \
    if ! command -v curl >/dev/null; then \
      apt-get update; \
      DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends curl; \
      rm -rf /var/lib/apt/lists/*; \
    fi; \
    groupadd --system --gid 10001 xcomponent; \
    useradd --system --uid 10001 --gid xcomponent --create-home --home-dir /home/xcomponent \
      --shell /usr/sbin/nologin xcomponent
WORKDIR /app
COPY --from=build /src/app/target/app.jar /app/app.jar
COPY --from=build /src/examples/order-payment/order-component.yaml /src/examples/order-payment/payment-component.yaml /app/examples/order-payment/
COPY --from=build /src/examples/order-payment/target/plugins/ /app/examples/order-payment/plugins/
USER 10001:10001
# The HTTP API and dashboard (serve, dashboard; runtime only with --port 3000).
EXPOSE 3000
# /health answers 200 once the HTTP server listens. A runtime started without --port serves no HTTP:
# give it --port 3000 (as the compose files do) or override the health check.
HEALTHCHECK --interval=10s --timeout=5s --start-period=40s --retries=3 \
  CMD curl -fsS -o /dev/null "http://127.0.0.1:${PORT:-3000}/health" || exit 1
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
# Without arguments: the Order/Payment example in one process (mode 1, in memory).
CMD ["serve", "--plugins", "/app/examples/order-payment/plugins", "/app/examples/order-payment/order-component.yaml", "/app/examples/order-payment/payment-component.yaml"]
