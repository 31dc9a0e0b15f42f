FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build
# Where a local signer secret is kept if LOCAL_SIGNER_ENABLED=true (a demo); no secret is baked into the image.
RUN mkdir -p .data && chown node:node .data
USER node
EXPOSE 3000
CMD ["node", "dist/src/main.js"]
