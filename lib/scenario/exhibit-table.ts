// One table of a question's exhibit, in a file of its own so that the modules building tables need not import
// the exhibit module that imports them.

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
