import { defineConfig } from 'vite';

// The example portal bundles the packages as an outside project does: their built `dist/` (`npm run build` first;
// `npm start` and `npm test` do), so its page and its test run the JavaScript that ships, template minification and
// split chunks included.
export default defineConfig({});
