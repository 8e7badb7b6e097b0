import type { TopologyInput } from "../topology";
import type { AwsDescribeRegionData } from "./parse-aws-describe";

// The two sides of a transit gateway peering, as the AWS output shows them (aws-rules TGW-12): one
// TransitGatewayPeeringAttachment, listed by the requester's Region and by the accepter's Region. Each side is
// associated with a route table of its own transit gateway and carries its own static routes, so the model
// needs one attachment per side, linked by peerAttachmentId.

type Attachment = NonNullable<TopologyInput["transitGatewayAttachments"]>[number];
type RouteTable = NonNullable<TopologyInput["transitGatewayRouteTables"]>[number];

/**
 * Requester id <-> accepter id, where the output names both (AccepterTransitGatewayAttachmentId differs from
 * TransitGatewayAttachmentId): the accepter's Region may list only its own id, the requester's Region both.
 */
export function peeringPeerIds(regions: readonly AwsDescribeRegionData[]): Map<string, string> {
  const peers = new Map<string, string>();
  for (const { data } of regions)
    for (const a of data["describe-transit-gateway-peering-attachments"]?.TransitGatewayPeeringAttachments ??
      []) {
      const accepter = a.AccepterTransitGatewayAttachmentId;
      if (accepter === undefined || accepter === a.TransitGatewayAttachmentId) continue;
      peers.set(a.TransitGatewayAttachmentId, accepter);
      peers.set(accepter, a.TransitGatewayAttachmentId);
    }
  return peers;
}

/** Attachment id -> the accepter's transit gateway (AccepterTgwInfo), from every Region's peering output. */
export function peeringAccepters(regions: readonly AwsDescribeRegionData[]): Map<string, string> {
  const accepters = new Map<string, string>();
  for (const { data } of regions)
    for (const a of data["describe-transit-gateway-peering-attachments"]?.TransitGatewayPeeringAttachments ??
      []) {
      const tgw = a.AccepterTgwInfo?.TransitGatewayId;
      if (tgw !== undefined) accepters.set(a.TransitGatewayAttachmentId, tgw);
    }
  return accepters;
}

/** The id given to the second side of a peering whose one attachment id both Regions print. */
export const peeringSideId = (id: string, transitGatewayId: string): string => `${id}@${transitGatewayId}`;

/**
 * Adds attachments to `target`, keeping a peering attachment already listed on another transit gateway as a
 * second side: the accepter's side (`accepters`, else the one seen second) is renamed by peeringSideId, so the
 * requester keeps the id it created, and the two sides are linked. `renamed` collects (tgw, id) -> new id so
 * the route tables of that transit gateway can follow. Any other id seen twice keeps the first.
 */
export function addAttachmentSides(
  target: Attachment[],
  items: readonly Attachment[],
  accepters: ReadonlyMap<string, string>,
  renamed: Map<string, string>,
): void {
  for (const item of items) {
    const first = target.find((a) => a.id === item.id);
    if (first === undefined) {
      target.push(item);
      continue;
    }
    if (
      item.type !== "peering" ||
      first.type !== "peering" ||
      first.transitGatewayId === item.transitGatewayId
    )
      continue;
    const [keep, side] = accepters.get(item.id) === first.transitGatewayId ? [item, first] : [first, item];
    const id = peeringSideId(side.id, side.transitGatewayId);
    if (target.some((a) => a.id === id)) continue;
    renamed.set(`${side.transitGatewayId}|${side.id}`, id);
    target[target.indexOf(first)] = { ...keep, peerAttachmentId: id };
    target.push({ ...side, id, peerAttachmentId: keep.id });
  }
}

/** The route tables of a transit gateway whose peering side was renamed name it by its new id. */
export function renameSidesInTables(tables: RouteTable[], renamed: ReadonlyMap<string, string>): void {
  if (renamed.size === 0) return;
  tables.forEach((t, i) => {
    const rename = (id: string) => renamed.get(`${t.transitGatewayId}|${id}`) ?? id;
    tables[i] = {
      ...t,
      associations: t.associations?.map(rename),
      propagations: t.propagations?.map(rename),
      routes: t.routes?.map((r) =>
        r.attachmentId === undefined ? r : { ...r, attachmentId: rename(r.attachmentId) },
      ),
    };
  });
}

/** Links the sides whose ids differ, from AccepterTransitGatewayAttachmentId (peeringPeerIds). */
export function linkPeeringSides(attachments: Attachment[], peers: ReadonlyMap<string, string>): void {
  attachments.forEach((a, i) => {
    const peer = peers.get(a.id);
    if (a.type === "peering" && peer !== undefined) attachments[i] = { ...a, peerAttachmentId: peer };
  });
}

/**
 * A side id made by peeringSideId, split back into the attachment id AWS prints and the transit gateway it
 * is on; undefined for any other id. Export writes the AWS id, and user-facing text names the TGW in words.
 */
export function splitPeeringSideId(
  id: string,
): { attachmentId: string; transitGatewayId: string } | undefined {
  const at = id.lastIndexOf("@");
  const transitGatewayId = id.slice(at + 1);
  if (at <= 0 || !transitGatewayId.startsWith("tgw-")) return undefined;
  return { attachmentId: id.slice(0, at), transitGatewayId };
}

/** The attachment id AWS prints for a topology attachment id (a renamed peering side loses its suffix). */
export const awsAttachmentId = (id: string): string => splitPeeringSideId(id)?.attachmentId ?? id;

/** Side ids in a text written the way a person reads them: "tgw-attach-0abc (on tgw-0def)". */
export function describePeeringSideIds(text: string): string {
  return text.replace(/\b(tgw-attach-[0-9a-zA-Z]+)@(tgw-[0-9a-zA-Z]+)\b/g, "$1 (on $2)");
}
