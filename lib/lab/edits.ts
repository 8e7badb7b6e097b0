// The lab's edits: each one a pure function on a topology that also returns its inverse, so undo is one more
// edit. Topologies are treated as immutable: an edit copies the one list and object it changes.
import { proposeFixes, type Query, type Route, type RouteTable, type Topology } from "@/lib/net";

export type LabEdit =
  | {
      readonly kind: "add-route";
      readonly routeTableId: string;
      readonly route: { readonly destination: string; readonly target: string };
      /** Where the route goes in the table's list (an undone removal puts it back in its place); default last. */
      readonly index?: number | undefined;
      /** The removed route exactly as it was, so that undoing a removal restores every field. */
      readonly original?: Route | undefined;
    }
  | { readonly kind: "remove-route"; readonly routeTableId: string; readonly destination: string }
  | { readonly kind: "apply-fix"; readonly query: Query; readonly fixId: string }
  | { readonly kind: "replace-topology"; readonly topology: Topology };

/** `field` names the edit's field at fault (`edit.routeTableId`), as every 4xx of the app does. */
export type EditResult =
  | {
      readonly ok: true;
      readonly topology: Topology;
      readonly inverse: LabEdit;
      readonly description: string;
    }
  | { readonly ok: false; readonly field: string; readonly error: string };

const refuse = (field: string, error: string): EditResult => ({ ok: false, field: `edit.${field}`, error });

function findTable(topology: Topology, id: string): { table: RouteTable; index: number } | undefined {
  const index = topology.routeTables.findIndex((table) => table.id === id || table.name === id);
  const table = topology.routeTables[index];
  return table ? { table, index } : undefined;
}

function withTable(topology: Topology, index: number, table: RouteTable): Topology {
  const routeTables = topology.routeTables.slice();
  routeTables[index] = table;
  return { ...topology, routeTables };
}

function addRoute(topology: Topology, edit: Extract<LabEdit, { kind: "add-route" }>): EditResult {
  const found = findTable(topology, edit.routeTableId.trim());
  if (!found) return refuse("routeTableId", `no route table "${edit.routeTableId}" in this topology`);
  const destination = edit.route.destination.trim();
  const target = edit.route.target.trim();
  if (destination === "") return refuse("route.destination", "a destination CIDR is required");
  if (target === "") return refuse("route.target", "a target is required");
  if (found.table.routes.some((route) => route.destination === destination))
    return refuse(
      "route.destination",
      `${found.table.id} already has a route to ${destination}; remove it first`,
    );
  const route: Route = edit.original ?? { destination, target, origin: "static" };
  const routes = found.table.routes.slice();
  const at = edit.index === undefined ? routes.length : Math.max(0, Math.min(edit.index, routes.length));
  routes.splice(at, 0, route);
  return {
    ok: true,
    topology: withTable(topology, found.index, { ...found.table, routes }),
    inverse: { kind: "remove-route", routeTableId: found.table.id, destination },
    description: `add the route ${destination} -> ${target} to ${found.table.id}`,
  };
}

function removeRoute(topology: Topology, edit: Extract<LabEdit, { kind: "remove-route" }>): EditResult {
  const found = findTable(topology, edit.routeTableId.trim());
  if (!found) return refuse("routeTableId", `no route table "${edit.routeTableId}" in this topology`);
  const destination = edit.destination.trim();
  const at = found.table.routes.findIndex((route) => route.destination === destination);
  const removed = found.table.routes[at];
  if (!removed) return refuse("destination", `${found.table.id} has no route to "${destination}"`);
  const routes = found.table.routes.filter((_, index) => index !== at);
  return {
    ok: true,
    topology: withTable(topology, found.index, { ...found.table, routes }),
    inverse: {
      kind: "add-route",
      routeTableId: found.table.id,
      route: { destination, target: removed.target },
      index: at,
      original: removed,
    },
    description: `remove the route ${destination} -> ${removed.target} from ${found.table.id}`,
  };
}

// A fix is found again by its id on this very topology, so a client never sends a whole topology to apply one.
function applyProposedFix(topology: Topology, edit: Extract<LabEdit, { kind: "apply-fix" }>): EditResult {
  const fix = proposeFixes(topology, edit.query).find((candidate) => candidate.id === edit.fixId);
  if (!fix) return refuse("fixId", `no fix "${edit.fixId}" is proposed for this question on this topology`);
  return {
    ok: true,
    topology: fix.topology,
    inverse: { kind: "replace-topology", topology },
    description: fix.description,
  };
}

export function applyEdit(topology: Topology, edit: LabEdit): EditResult {
  switch (edit.kind) {
    case "add-route":
      return addRoute(topology, edit);
    case "remove-route":
      return removeRoute(topology, edit);
    case "apply-fix":
      return applyProposedFix(topology, edit);
    case "replace-topology":
      return {
        ok: true,
        topology: edit.topology,
        inverse: { kind: "replace-topology", topology },
        description: "replace the topology",
      };
  }
}
