// The custom-elements manifest (custom-elements.json) from the elements' JSDoc: tags, properties, events with
// their detail types (@fires), slots, parts and CSS custom properties. Built with the package (`npm run build`).
// Paths name the published modules (dist/*.js), not the TypeScript sources they are built from.
const published = (path) => path?.replace(/^(\.\/)?src\//, 'dist/').replace(/\.ts$/, '.js');

function publishedPaths(node) {
  if (Array.isArray(node)) node.forEach(publishedPaths);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if ((key === 'path' || key === 'module') && typeof value === 'string') node[key] = published(value);
      else publishedPaths(value);
    }
  }
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/testing/**'],
  litelement: true,
  outdir: '.',
  plugins: [
    {
      name: 'portico-published-paths',
      packageLinkPhase({ customElementsManifest }) {
        publishedPaths(customElementsManifest.modules);
      },
    },
  ],
};
