# Production image for the web app and the worker (same image, different command).
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts/prisma-generate.mjs scripts/
COPY prisma/schema.prisma prisma/
COPY prisma.config.ts ./
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1
RUN npx next build

FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000
# V8 otherwise lets the heap grow lazily past 500 MB under load, and glibc keeps an arena per thread; with
# these (the same as `npm start`) the web server peaked at 292 MB RSS in bench:cases, a 100,000-row export
# included, at the same speed.
ENV NODE_OPTIONS="--max-old-space-size=160 --max-semi-space-size=8" MALLOC_ARENA_MAX=2
# The J-Box packet converts files to PDF/A with Ghostscript (PDF, images) and LibreOffice Writer (Word files).
RUN apt-get update && apt-get install -y --no-install-recommends ghostscript libreoffice-writer-nogui && rm -rf /var/lib/apt/lists/*
RUN groupadd --system sejour && useradd --system --gid sejour --home /app sejour
# Backups (the worker's nightly archive, npm run backup) go to a volume; see docker-compose.yml.
RUN mkdir /backups && chown sejour:sejour /backups
ENV BACKUP_DIR=/backups
VOLUME /backups
COPY --from=build --chown=sejour:sejour /app /app
USER sejour
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/api/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
# The web server handles one request per core at a time, the rest queued (scripts/render-limit.mjs says why), and
# times every request for /api/metrics (scripts/http-metrics.mjs); only this command loads them, not the worker's,
# which shares the image's NODE_OPTIONS.
CMD ["node", "--import", "./scripts/render-limit.mjs", "--import", "./scripts/http-metrics.mjs", "node_modules/next/dist/bin/next", "start"]
