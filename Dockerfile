# iamlint in a container. Build from a checkout:
#   docker build --build-arg GIT_COMMIT="$(git rev-parse HEAD)" -t iamlint .
# Scan the current directory, mounted read-only at /src (the working directory):
#   docker run --rm -v "$PWD:/src:ro" iamlint scan . --format compact
# The image holds the release layout (/opt/iamlint/bin/iamlint, lib/iamlint.jar), runs as an
# unprivileged user and writes nothing into /src. tools/e2e/container runs its entry command.
FROM maven:3-eclipse-temurin-17 AS build
WORKDIR /build
COPY pom.xml ./
COPY grammar grammar
COPY rules rules
COPY src/main src/main
# The commit --version names (the build context has no .git).
ARG GIT_COMMIT=
RUN mvn -B -q -Dmaven.test.skip=true -Diamlint.commit="${GIT_COMMIT}" package

FROM eclipse-temurin:17-jre
COPY --from=build /build/target/iamlint.jar /opt/iamlint/lib/iamlint.jar
COPY bin/iamlint /opt/iamlint/bin/iamlint
COPY LICENSE README.md SECURITY.md /opt/iamlint/
# The class-data archive is made here, beside the jar, so that no run has to make it.
RUN chmod 755 /opt/iamlint/bin/iamlint \
 && ln -s /opt/iamlint/bin/iamlint /usr/local/bin/iamlint \
 && useradd --system --uid 10001 --user-group --create-home --home-dir /home/iamlint iamlint \
 && iamlint --version
USER 10001:10001
WORKDIR /src
ENTRYPOINT ["iamlint"]
CMD ["scan", "."]
