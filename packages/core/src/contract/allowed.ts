import { satisfies, type Permission } from '../organizations/permissions.ts';
import { listProcedures, type ContractTree } from './define.ts';

/** The dotted paths of the procedures that these permissions let a caller call, in the tree's order. */
export function allowedProcedures(tree: ContractTree, permissions: readonly Permission[]): string[] {
  return listProcedures(tree)
    .filter(({ procedure }) => satisfies(permissions, procedure.permission))
    .map(({ path }) => path);
}
