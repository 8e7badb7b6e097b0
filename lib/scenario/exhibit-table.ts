// One table of a question's exhibit. Its own module so that the table builders, which exhibit.ts imports,
// can name the type without importing exhibit.ts back.
export type ExhibitTableKind =
  | "vpcs"
  | "subnets"
  | "interfaces"
  | "addresses"
  | "route-table"
  | "security-group"
  | "network-acl"
  | "peering"
  | "gateways"
  | "transit-gateways"
  | "transit-gateway-attachments"
  | "transit-gateway-route-table"
  | "vpn"
  | "on-premises"
  | "endpoints"
  | "prefix-lists";

export type ExhibitTable = {
  /** What the table lists: renderers and checks find e.g. every route table by it. */
  readonly kind: ExhibitTableKind;
  readonly caption: string;
  readonly columns: readonly string[];
  /** One cell per column; "" for an empty cell. */
  readonly rows: readonly (readonly string[])[];
};
