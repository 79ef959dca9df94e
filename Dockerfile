# syntax=docker/dockerfile:1
# Marquee's one production image: every subgraph and the gateway, each started by naming it
# in MARQUEE_PROCESS (base, finance, market, touring, venue, ai or gateway), and the one-off
# task that creates the database roles they connect as (provision-database-roles, with
# DATABASE_ADMIN_URL and a <ROLE>_PASSWORD per role; docs/operations.md, "Database roles").
# Any other name is refused, see deploy/start-process.mjs.
#
#   docker build -t marquee .
#   docker run -e MARQUEE_PROCESS=provision-database-roles -e DATABASE_ADMIN_URL=... \
#     -e MARQUEE_BASE_PASSWORD=... -e MARQUEE_BASE_OWNER_PASSWORD=... (every role's) marquee
#   docker run -e MARQUEE_PROCESS=base -e PORT=4001 -e GATEWAY_SECRET=... \
#     -e BASE_DATABASE_URL=postgresql://marquee_base:...@db:5432/marquee \
#     -e BASE_MIGRATION_DATABASE_URL=postgresql://marquee_base_owner:...@db:5432/marquee \
#     -e ACCESS_DATABASE_URL=postgresql://marquee_access:...@db:5432/marquee \
#     -e ACCESS_MIGRATION_DATABASE_URL=postgresql://marquee_access_owner:...@db:5432/marquee \
#     -e AUTH_JWKS_URL=https://... -e AUTH_ISSUER=... -e AUTH_AUDIENCE=... marquee
#
# The configuration is the environment the README's variable table lists; deploy/compose.yaml
# and deploy/kubernetes/ show it for the whole topology. The image runs as an unprivileged
# user, with NODE_ENV=production, and writes nothing to its own file system.
#
# No step runs a dependency's install script (`--ignore-scripts`): Prisma's would download
# its native engines, which Marquee never runs (migrations are applied by the project's own
# runner, shared/src/db/migrate.ts). For a reproducible release, pin the base image by digest.
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY . .
# The Prisma clients and resolver types are generated from the committed schemas, then every
# package is compiled to its dist/. `prisma generate` never runs the schema engine; pointing
# Prisma's documented override at an existing executable stops it downloading one.
RUN --mount=type=cache,target=/root/.npm npm ci --ignore-scripts --no-audit --no-fund
RUN PRISMA_SCHEMA_ENGINE_BINARY="$(command -v node)" npm run generate && npm run build
# What the processes need at run time, each file at the path it has in the repository
# (cp --parents), since the build finds its migrations, schemas and supergraph relative to
# its own files (import.meta.url): the package manifests and lockfile for the install below,
# the compiled code, the subgraphs' schemas, the migrations, the gateway's supergraph, the
# entry script and the role provisioning script (which imports @marquee/kit, i.e. shared/dist).
RUN mkdir /release \
 && cp --parents package.json package-lock.json supergraph.yaml deploy/start-process.mjs scripts/provision-database-roles.mjs /release/ \
 && cp --parents --recursive shared/package.json shared/dist gateway/package.json gateway/dist gateway/supergraph.graphql /release/ \
 && cp --parents --recursive subgraphs/*/package.json subgraphs/*/dist subgraphs/*/schema*.graphql prisma/*/migrations /release/

FROM ${NODE_IMAGE} AS runtime
# MALLOC_ARENA_MAX=2: glibc's malloc opens up to 8 arenas per core, one per thread that
# allocates, and memory freed in one arena is not reused by another. Node.js runs JavaScript
# on one thread; with two arenas a subgraph stays 30-45 MB smaller under load (issue #8; see
# Heroku's "Tuning glibc Memory Behavior"). The two thresholds, fixed at glibc's defaults
# (128 KiB), stop it raising them after a large block is freed: freed large blocks and the
# heap's top go back to the system (Finance and Market kept 10-12 MB of heap instead of 23-26).
ENV NODE_ENV=production MALLOC_ARENA_MAX=2 MALLOC_MMAP_THRESHOLD_=131072 MALLOC_TRIM_THRESHOLD_=131072
WORKDIR /app
COPY --from=build /release/ ./
# Production dependencies only. The postinstall code generation is skipped with the rest: the
# generated Prisma clients are compiled into dist/ already.
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --ignore-scripts --no-audit --no-fund
# The files stay root's, read-only to the process. A numeric user, so that Kubernetes'
# runAsNonRoot can verify it: the node image's unprivileged "node" user.
USER 1000:1000
# V8's heap grows by half of what is live rather than up to four times, in 8 MB semi-spaces:
# in the benchmark the gateway peaked at 166-174 MB instead of up to 346, the subgraphs at up
# to 172 MB instead of 284, for 10-15 % more gateway CPU per request with many callers (issue
# #8; imageNodeOptions in shared/src/testing/production-process.ts, which the benchmark and
# the topology test start their processes with).
CMD ["node", "--heap-growing-percent=50", "--max-semi-space-size=8", "deploy/start-process.mjs"]
