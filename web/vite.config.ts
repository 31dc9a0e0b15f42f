/// <reference types="vitest/config" />
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API's first path segments (from its OpenAPI document, plus the session and docs routes): the dev server
// sends these to the API on 127.0.0.1:3000 and serves the app for everything else. The app's own routes are
// Norwegian paths, so they never collide.
const openapi = JSON.parse(
  readFileSync(fileURLToPath(new URL('../docs/openapi.json', import.meta.url)), 'utf8'),
) as {
  paths: Record<string, unknown>;
};
const apiSegments = [
  ...new Set([...Object.keys(openapi.paths).map((path) => path.split('/')[1]), 'auth', 'docs']),
];
const apiTarget = process.env.API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  // recharts reads elements with react-is: the one that matches React 19 (web's own), not the root's older copy.
  resolve: { dedupe: ['react-is'] },
  server: {
    proxy: { [`^/(${apiSegments.join('|')})(/|\\?|$)`]: { target: apiTarget } },
  },
  build: {
    // The API serves web/dist with a strict CSP (script-src 'self'): no inline scripts.
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
  },
});
