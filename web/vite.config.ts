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
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      "/graphql": { target: apiOrigin, changeOrigin: false },
      "/playground": { target: apiOrigin, changeOrigin: false },
    },
  },
});
