import { defineConfig } from 'vite';

// The bundle is written straight into the module's class path output: Maven packages it as resources under
// gatepass-console/, which the server's ConsoleRoute serves at /console/.
export default defineConfig({
  base: '/console/',
  build: {
    outDir: 'target/classes/gatepass-console',
    emptyOutDir: true,
    assetsInlineLimit: 0, // no data: URIs, which the Content-Security-Policy would refuse
    modulePreload: { polyfill: false },
    sourcemap: false,
    reportCompressedSize: false,
  },
});
