// Import rules for the whole repository, checked by `npm test` (`npm run lint:deps`). Type-only imports count:
// a type import still ties one package to another.
const server = '^packages/server/src/';
// Server folders that are domains: each owns its tables; another domain reaches it only through a named seam.
const domains =
  '(access-hub|audit-log|billing|claims|eligibility|events|organizations|plans|ppef|providers|remittance|storefront|users)';
// The seams domains may use across domains: one rule, one home.
const seams = [
  `${server}plans/catalog\\.ts$`,
  `${server}billing/balance\\.ts$`,
  `${server}storefront/medicare-readiness\\.ts$`,
  `${server}eligibility/member-request\\.ts$`,
];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-module-cycle',
      severity: 'error',
      comment: 'No two modules import each other, directly or around a loop.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-server-folder-cycle',
      severity: 'error',
      comment: 'Server folders form layers: no two folders import each other, directly or around a loop.',
      scope: 'folder',
      from: { path: server },
      to: { circular: true },
    },
    {
      name: 'core-stands-alone',
      severity: 'error',
      comment: 'The SDK never needs the server or the widgets installed, not even for a type.',
      from: { path: '^packages/core/' },
      to: { path: ['^packages/(server|elements)/', '^@portico/(server|elements)'] },
    },
    {
      name: 'elements-never-server',
      severity: 'error',
      comment: 'Widgets talk to the server through the SDK client only.',
      from: { path: '^packages/elements/' },
      to: { path: ['^packages/server/', '^@portico/server'] },
    },
    {
      name: 'server-never-elements',
      severity: 'error',
      from: { path: '^packages/server/' },
      to: { path: ['^packages/elements/', '^@portico/elements'] },
    },
    {
      name: 'no-cross-domain-import',
      severity: 'error',
      comment:
        "A domain never reaches into another domain's store or router; it uses one of the named seams.",
      from: { path: `${server}${domains}/`, pathNot: '\\.test\\.ts$' },
      to: { path: `${server}${domains}/`, pathNot: [`${server}$1/`, ...seams] },
    },
    {
      name: 'infrastructure-below-domains',
      severity: 'error',
      comment:
        'The request kernel, HTTP transport, tenancy, database, auth, audit, services, email, the clearinghouse and the sandbox payer never import a domain.',
      from: {
        path: `${server}(trpc|tenancy|db|auth|audit|services|http|email|clearinghouse|sandbox-payer)/`,
        pathNot: '\\.test\\.ts$',
      },
      to: { path: `${server}${domains}/` },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // The production graph: tests and test harnesses import across layers on purpose (a server test starts the
    // whole app). The dependency-rules test checks them against the package-direction rules separately.
    exclude: { path: ['node_modules', '/dist/', '\\.test\\.ts$', '/testing/', '^examples/consumer/'] },
    parser: 'swc',
    tsPreCompilationDeps: true,
    combinedDependencies: true,
  },
};
