import { isPerArgumentCommand } from "./aws-describe-files";
import type { AwsDescribeRegionData } from "./parse-aws-describe";

// Where in the AWS output a value came from, so that a value the model rejects is reported as
// `us-east-1/describe-nat-gateways.json: NatGateways[0].NatGatewayAddresses[0].PublicIp`, the file and
// field the user can open, not the path inside the converted topology.

type Path = (string | number)[];

function formatAwsPath(path: Path): string {
  let out = "";
  for (const part of path) out += typeof part === "number" ? `[${part}]` : out === "" ? part : `.${part}`;
  return out;
}

/** The value at a topology path such as `natGateways[0].publicIp`. */
function valueAt(root: unknown, path: string): unknown {
  let node = root;
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    const key = m[2] !== undefined ? Number(m[2]) : (m[1] as string);
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

/** The resource the path points into (its id), e.g. `natGateways[0]` -> nat-0abc. */
function ownerId(root: unknown, path: string): string | undefined {
  const m = /^([A-Za-z]+)\[(\d+)\]/.exec(path);
  if (!m) return undefined;
  const item = valueAt(root, `${m[1]}[${m[2]}]`) as { id?: unknown } | undefined;
  return typeof item?.id === "string" ? item.id : undefined;
}

/** Depth-first: paths to every string equal to `value`, each with whether an enclosing object names `id`. */
function find(
  node: unknown,
  value: string,
  id: string | undefined,
  path: Path,
  owned: boolean,
  out: { path: Path; owned: boolean }[],
): void {
  if (typeof node === "string") {
    if (node === value) out.push({ path, owned });
    return;
  }
  if (Array.isArray(node)) {
    node.forEach((child, i) => find(child, value, id, [...path, i], owned, out));
    return;
  }
  if (typeof node !== "object" || node === null) return;
  const entries = Object.entries(node as Record<string, unknown>);
  const mine = owned || (id !== undefined && entries.some(([, v]) => v === id));
  for (const [key, child] of entries) find(child, value, id, [...path, key], mine || key === id, out);
}

/**
 * `natGateways[0].publicIp` -> `us-east-1/describe-nat-gateways.json: NatGateways[0].NatGatewayAddresses[0].PublicIp`
 * when the rejected value is found in the AWS output (preferring the resource's own object); else the
 * topology path, marked as such.
 */
export function locateInAws(
  topology: object,
  path: string,
  regions: readonly AwsDescribeRegionData[],
): string {
  const value = valueAt(topology, path);
  const id = ownerId(topology, path);
  if (typeof value === "string") {
    let fallback: string | undefined;
    for (const region of regions) {
      for (const [command, output] of Object.entries(region.data)) {
        const hits: { path: Path; owned: boolean }[] = [];
        find(output, value, id, [], false, hits);
        const hit = hits.find((h) => h.owned) ?? hits[0];
        if (!hit) continue;
        let file = region.files[command];
        let inner = hit.path;
        if (isPerArgumentCommand(command) && typeof hit.path[0] === "string") {
          // One file per argument, or the keyed file: name the file the value was read from.
          const perFile = region.files[`${command}.${hit.path[0]}`];
          if (perFile !== undefined) {
            file = perFile;
            inner = hit.path.slice(1);
          }
        }
        const where = `${file ?? `${command}.json`}: ${formatAwsPath(inner)}`;
        if (hit.owned) return where;
        fallback ??= where;
      }
    }
    if (fallback !== undefined) return fallback;
  }
  return `imported topology: ${path}`;
}

/**
 * Model fields that AWS prints in another command than the one whose entry for the resource is found first: the
 * command and the field (inside the resource's entry there) a finding about them names. Appliance mode is
 * `Options.ApplianceModeSupport` of describe-transit-gateway-vpc-attachments; describe-transit-gateway-attachments,
 * which also lists the attachment, has no such field.
 */
const FIELD_SOURCES: Readonly<Record<string, { readonly command: string; readonly field: string }>> = {
  "transitGatewayAttachments.applianceMode": {
    command: "describe-transit-gateway-vpc-attachments",
    field: "Options.ApplianceModeSupport",
  },
};

/** `describe-transit-gateway-vpc-attachments.json: TransitGatewayVpcAttachments[0].Options.ApplianceModeSupport`. */
function locateField(
  id: string,
  source: { readonly command: string; readonly field: string },
  regions: readonly AwsDescribeRegionData[],
): string | undefined {
  for (const region of regions) {
    const output = region.data[source.command as keyof typeof region.data];
    if (output === undefined) continue;
    const hits: { path: Path; owned: boolean }[] = [];
    find(output, id, id, [], false, hits);
    const hit = hits[0];
    if (!hit) continue;
    const entry = formatAwsPath(hit.path.slice(0, -1));
    return `${region.files[source.command] ?? `${source.command}.json`}: ${entry}.${source.field}`;
  }
  return undefined;
}

/**
 * Where a problem `validate` found in an imported topology lies in the AWS output: the file and field, and the id of
 * the resource, e.g. `describe-route-tables.json: RouteTables[0].Routes[1].DestinationCidrBlock (rtb-0abc)`. When the
 * value itself cannot be found (a number, a derived field), the resource's own entry, with the model's field.
 */
export function locateIssueInAws(
  topology: object,
  path: string,
  regions: readonly AwsDescribeRegionData[],
): string {
  const id = ownerId(topology, path);
  const collectionField = /^([A-Za-z]+)\[\d+\]\.([A-Za-z]+)$/.exec(path);
  const source = collectionField ? FIELD_SOURCES[`${collectionField[1]}.${collectionField[2]}`] : undefined;
  const mapped = source && id !== undefined ? locateField(id, source, regions) : undefined;
  if (mapped !== undefined) return `${mapped} (${id})`;
  const exact = locateInAws(topology, path, regions);
  if (!exact.startsWith("imported topology: ")) return id === undefined ? exact : `${exact} (${id})`;
  const resource = /^[A-Za-z]+\[\d+\]/.exec(path)?.[0];
  if (id === undefined || resource === undefined) return exact;
  const entry = locateInAws(topology, `${resource}.id`, regions);
  if (entry.startsWith("imported topology: ")) return exact;
  // Name the resource's entry (its id field's parent) and the model's field inside it, when the finding is
  // about a field rather than the whole resource.
  const field = path.slice(resource.length + 1);
  return `${entry.replace(/\.[A-Za-z]+$/, "")} (${id})${field === "" ? "" : `, field ${field}`}`;
}
