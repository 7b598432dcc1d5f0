import { defaultClientConditions, defineConfig } from 'vite';

// The example portal bundles the packages from their TypeScript sources (the `portico-source` export condition);
// an outside project gets their built `dist/` without any setting.
export default defineConfig({
  resolve: { conditions: ['portico-source', ...defaultClientConditions] },
});
