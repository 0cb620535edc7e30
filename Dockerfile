# syntax=docker/dockerfile:1
# Multi-stage build: compile TypeScript with dev dependencies, ship only production dependencies, run as non-root.

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npx tsc -p tsconfig.build.json

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    DATA_DIR=/data \
    LOG_FORMAT=json \
    METADATA_SERVER_DETECTION=none
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY scripts ./scripts
COPY migrations ./migrations
COPY intents ./intents
COPY vectors ./vectors
COPY config ./config
COPY src/sandbox/public ./src/sandbox/public
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
CMD ["node", "--max-semi-space-size=2", "--heap-growing-percent=20", "--no-liftoff", "-e", "require('./dist/server.js').main()"]
