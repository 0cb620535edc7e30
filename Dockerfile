# syntax=docker/dockerfile:1
# Multi-stage build: compile TypeScript with dev dependencies, ship only production dependencies, run as non-root.

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# All dependencies, the compiler among them. `--ignore-scripts`: the `prepare` script (the compile) would find no
# sources yet; they come after this layer, so that it stays cached while only the sources change.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
# vectors/ (precomputed language data) is optional: an empty folder when the repository has none.
RUN npm run build && mkdir -p vectors

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# Production dependencies only. `--ignore-scripts` keeps `prepare` from compiling (there is no compiler here).
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    DATA_DIR=/data \
    LOG_FORMAT=json \
    METADATA_SERVER_DETECTION=none
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/package.json ./
COPY --from=build /app/dist ./dist
COPY --from=build /app/scripts ./scripts
COPY --from=build /app/migrations ./migrations
COPY --from=build /app/intents ./intents
COPY --from=build /app/config ./config
COPY --from=build /app/vectors ./vectors
COPY --from=build /app/src/sandbox/public ./src/sandbox/public
# Creates and migrates the embedded database once, as a template that the first start copies into /data instead of
# creating it (src/db/template.ts; under node_modules/.cache, keyed by migrations/ and the PGlite version).
RUN node scripts/build-db-template.js
RUN mkdir -p /data && chown -R node:node /data
USER node
# Trains every language's model and calibrates its threshold once, into the engine's cache ($TMPDIR, keyed by the
# agent's content), so a container starts by reading them (src/nlu/local/model-cache.ts).
RUN node -e "require('./dist/nlu/local/multilingual').MultilingualNluEngine.fromAgentDir('intents',{background:false}).then((e)=>e.close())"
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# Memory flags: see src/ops/runtime-flags.ts (the same as `npm start`).
# dist/main.js binds the port first (/healthz answers at once, /readyz once the database and NLU are ready).
CMD ["node", "--max-semi-space-size=2", "--heap-growing-percent=20", "--no-liftoff", "dist/main.js"]
