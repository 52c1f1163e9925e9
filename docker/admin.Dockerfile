# syntax=docker/dockerfile:1
#
# The Pivot admin app, production image: the static build served by nginx, which also
# proxies /graphql, /pivot and /health to the API (same origin: no CORS, CSRF rules intact).
#   docker build -f docker/admin.Dockerfile -t pivot-admin .
#   docker run -p 8080:8080 -e API_UPSTREAM=api:4000 pivot-admin

ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
RUN npm install -g npm@11.19.1 && npm cache clean --force
ENV TURBO_TELEMETRY_DISABLED=1 NPM_CONFIG_UPDATE_NOTIFIER=false
WORKDIR /app
COPY . .
RUN npm ci
RUN npx turbo run build --filter=@pivot/admin...

FROM nginxinc/nginx-unprivileged:1.27-alpine AS runtime
# nginx's image renders /etc/nginx/templates/*.template with the environment at start.
ENV API_UPSTREAM=api:4000
COPY docker/admin.nginx.conf.template /etc/nginx/templates/default.conf.template
COPY docker/admin.security-headers.conf /etc/nginx/snippets/security-headers.conf
COPY --from=build /app/apps/admin/dist /usr/share/nginx/html
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --retries=3 CMD ["wget", "-q", "-O", "/dev/null", "http://127.0.0.1:8080/"]
