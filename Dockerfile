# The CRM image: one build, run as the API (`npm run start -w server`) and as the job worker
# (`npm run worker -w server`) by docker-compose.yml. Not built on the development machines
# (no Docker engine there); see README "Deployment".

# Build: every dependency, then web/dist (Vite) and server/dist (tsc), then drop the dev dependencies.
FROM node:20-bookworm AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY server/package.json server/
COPY web/package.json web/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

# Run: the built app and its production dependencies (better-sqlite3's native build works on the
# same Debian release), as the unprivileged node user.
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build --chown=node:node /app /app
USER node
EXPOSE 4000
# npm passes SIGTERM to its script, and the script `exec`s node (server/package.json), so the API drains
# on `docker stop`; compose adds tini as PID 1 (init: true).
CMD ["npm", "run", "start", "-w", "server"]
