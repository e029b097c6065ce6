import { resolve } from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const apiOrigin = "http://127.0.0.1:4000";

// Default export: Vite demands it.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: true,
    // Two pages: the CRM and the GraphiQL playground (served by the API to admins only).
    rollupOptions: {
      input: {
        main: resolve(__dirname, "index.html"),
        playground: resolve(__dirname, "playground.html"),
      },
    },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      // ws: the subscriptions' WebSocket upgrade goes to the API on the same path.
      "/graphql": { target: apiOrigin, changeOrigin: false, ws: true },
      "/playground": { target: apiOrigin, changeOrigin: false },
      "/api": { target: apiOrigin, changeOrigin: false },
    },
  },
});
