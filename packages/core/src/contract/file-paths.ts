/**
 * Where each streamed file route is served, by the SDK's name for it. The routes' contracts (in their domains)
 * and the client both read this table, which holds no schema, so a browser page that only calls the client
 * needs none.
 */
export const FILE_PATHS = {
  providerRoster: '/files/providers/roster.csv',
  accessTasks: '/files/access-hub/tasks.csv',
  importPpef: '/files/ppef',
  auditTrail: '/files/audit/trail.csv',
} as const;
