"use client";

import { useId, useState } from "react";
import type { LabEdit } from "@/lib/lab/edits";
import type { LabResources } from "@/lib/lab/lab-run";

/** The edits a form can send (apply-fix and patch come from the answer and from undo/redo). */
export type FormEdit = Exclude<LabEdit, { kind: "apply-fix" } | { kind: "patch" }>;

type Kind =
  | "add-route"
  | "remove-route"
  | "add-sg-rule"
  | "remove-sg-rule"
  | "add-nacl-entry"
  | "remove-nacl-entry"
  | "add-peering"
  | "accept-peering"
  | "add-gateway-endpoint"
  | "add-interface-endpoint"
  | "add-gateway"
  | "remove-resource"
  | "toggle-vpn-tunnel"
  | "toggle-tgw-attachment";

const KINDS: { kind: Kind; label: string }[] = [
  { kind: "remove-route", label: "Remove a route" },
  { kind: "add-route", label: "Add a route" },
  { kind: "add-sg-rule", label: "Add a security-group rule" },
  { kind: "remove-sg-rule", label: "Remove a security-group rule" },
  { kind: "add-nacl-entry", label: "Add a network ACL entry" },
  { kind: "remove-nacl-entry", label: "Remove a network ACL entry" },
  { kind: "add-peering", label: "Add a peering connection" },
  { kind: "accept-peering", label: "Accept a peering connection" },
  { kind: "add-gateway-endpoint", label: "Add a gateway endpoint (S3, DynamoDB)" },
  { kind: "add-interface-endpoint", label: "Add an interface endpoint" },
  { kind: "add-gateway", label: "Add a gateway (internet, egress-only, NAT)" },
  { kind: "remove-resource", label: "Remove a peering, endpoint or gateway" },
  { kind: "toggle-vpn-tunnel", label: "Bring a VPN tunnel up or down" },
  { kind: "toggle-tgw-attachment", label: "Switch a transit gateway attachment on or off" },
];

type Choice = { id: string; label: string };

function Pick({
  label,
  value,
  choices,
  onChange,
  testId,
  empty,
}: {
  label: string;
  value: string;
  choices: Choice[];
  onChange: (value: string) => void;
  testId?: string;
  /** Shown (disabled) when there is nothing to choose, instead of an empty box. */
  empty?: string;
}) {
  return (
    <label className="field">
      {label}
      <select
        value={value}
        onChange={(event) => onChange(event.target.value)}
        data-testid={testId}
        disabled={choices.length === 0 && empty !== undefined}
      >
        {choices.length === 0 && empty !== undefined ? <option value="">{empty}</option> : null}
        {choices.map((choice) => (
          <option key={choice.id} value={choice.id}>
            {choice.label}
          </option>
        ))}
      </select>
    </label>
  );
}

function Text({
  label,
  value,
  onChange,
  testId,
  numeric,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  testId?: string;
  numeric?: boolean;
}) {
  return (
    <label className="field">
      {label}
      <input
        value={value}
        onChange={(event) => onChange(event.target.value)}
        data-testid={testId}
        {...(numeric ? { inputMode: "numeric" as const } : {})}
      />
    </label>
  );
}

const PROTOCOLS: Choice[] = [
  { id: "tcp", label: "TCP" },
  { id: "udp", label: "UDP" },
  { id: "icmp", label: "ICMP" },
  { id: "all", label: "All traffic" },
];
const DIRECTIONS: Choice[] = [
  { id: "inbound", label: "Inbound" },
  { id: "outbound", label: "Outbound" },
];

const port = (text: string): number | undefined => {
  const value = Number.parseInt(text, 10);
  return Number.isNaN(value) ? undefined : value;
};

/** One form for every common edit: pick what to change, then the fields that change needs (they stack on a phone). */
export function LabEditForm({
  resources,
  busy,
  onEdit,
}: {
  resources: LabResources;
  busy: boolean;
  onEdit: (edit: FormEdit) => void;
}) {
  const ids = useId();
  const [kind, setKind] = useState<Kind>("remove-route");
  const [values, setValues] = useState<Record<string, string>>({});
  const value = (key: string, fallback = ""): string => values[key] ?? fallback;
  const set = (key: string) => (next: string) => setValues((current) => ({ ...current, [key]: next }));

  const tables = resources.routeTables.map(({ id, label }) => ({ id, label }));
  const table = resources.routeTables.find((t) => t.id === value("table")) ?? resources.routeTables[0];
  const groups = resources.securityGroups.map(({ id, label }) => ({ id, label }));
  const group = resources.securityGroups.find((g) => g.id === value("group")) ?? resources.securityGroups[0];
  const acls = resources.networkAcls.map(({ id, label }) => ({ id, label }));
  const acl = resources.networkAcls.find((a) => a.id === value("acl")) ?? resources.networkAcls[0];
  const direction = value("direction", "inbound") as "inbound" | "outbound";
  const vpcs = resources.vpcs;
  const subnets = resources.subnets;
  const pending = resources.peerings.filter((p) => p.status !== "active");
  const vpn = resources.vpnConnections.find((v) => v.id === value("vpn")) ?? resources.vpnConnections[0];
  const first = (choices: Choice[]): string => choices[0]?.id ?? "";

  function build(): FormEdit | undefined {
    const protocol = value("protocol", "tcp") as "tcp" | "udp" | "icmp" | "all";
    switch (kind) {
      case "add-route":
        return table
          ? {
              kind,
              routeTableId: table.id,
              route: { destination: value("destination"), target: value("target") },
            }
          : undefined;
      case "remove-route": {
        const destination = value("route") || table?.routes[0]?.destination || "";
        // No route left in this table: nothing to remove, so the form offers no edit (Apply stays disabled).
        return table && destination ? { kind, routeTableId: table.id, destination } : undefined;
      }
      case "add-sg-rule":
        return group
          ? {
              kind,
              securityGroupId: group.id,
              direction,
              rule: {
                protocol,
                fromPort: port(value("fromPort")),
                toPort: port(value("toPort")),
                peer: value("peer"),
              },
            }
          : undefined;
      case "remove-sg-rule":
        return group
          ? { kind, securityGroupId: group.id, direction, index: Number(value("rule", "0")) }
          : undefined;
      case "add-nacl-entry":
        return acl
          ? {
              kind,
              networkAclId: acl.id,
              direction,
              entry: {
                ruleNumber: port(value("ruleNumber")) ?? 0,
                protocol,
                fromPort: port(value("fromPort")),
                toPort: port(value("toPort")),
                cidrBlock: value("cidr"),
                action: value("action", "allow") as "allow" | "deny",
              },
            }
          : undefined;
      case "remove-nacl-entry": {
        const numbers = acl?.[direction] ?? [];
        return acl
          ? {
              kind,
              networkAclId: acl.id,
              direction,
              ruleNumber: Number(value("ruleNumber") || numbers[0] || 0),
            }
          : undefined;
      }
      case "add-peering":
        return {
          kind,
          requesterVpcId: value("requester", first(vpcs)),
          accepterVpcId: value("accepter", vpcs[1]?.id ?? first(vpcs)),
          accepted: value("accepted", "yes") === "yes",
        };
      case "accept-peering":
        return { kind, peeringId: value("peering", first(pending)) };
      case "add-gateway-endpoint": {
        const vpcId = value("vpc", first(vpcs));
        const routeTableId = value("endpointTable");
        return {
          kind,
          vpcId,
          service: value("service", "s3") as "s3" | "dynamodb",
          routeTableIds: routeTableId ? [routeTableId] : [],
        };
      }
      case "add-interface-endpoint":
        return {
          kind,
          vpcId: value("vpc", first(vpcs)),
          serviceName: value("serviceName"),
          subnetId: value("subnet", first(subnets)),
          privateIp: value("privateIp"),
          securityGroupIds: value("endpointGroup") ? [value("endpointGroup")] : [],
        };
      case "add-gateway": {
        const type = value("gatewayType", "internet-gateway") as
          "internet-gateway" | "egress-only-internet-gateway" | "nat-gateway";
        return type === "nat-gateway"
          ? {
              kind,
              type,
              subnetId: value("subnet", first(subnets)),
              privateIp: value("privateIp"),
              publicIp: value("publicIp"),
            }
          : { kind, type, vpcId: value("vpc", first(vpcs)) };
      }
      case "remove-resource":
        return { kind, id: value("resource", first(resources.removable)) };
      case "toggle-vpn-tunnel":
        return vpn ? { kind, vpnConnectionId: vpn.id, tunnel: Number(value("tunnel", "0")) } : undefined;
      case "toggle-tgw-attachment":
        return { kind, attachmentId: value("attachment", first(resources.tgwAttachments)) };
    }
  }

  const edit = build();
  const ports = (
    <>
      <Pick
        label="Protocol"
        value={value("protocol", "tcp")}
        choices={PROTOCOLS}
        onChange={set("protocol")}
      />
      {value("protocol", "tcp") === "tcp" || value("protocol", "tcp") === "udp" ? (
        <>
          <Text
            label="From port"
            value={value("fromPort")}
            onChange={set("fromPort")}
            numeric
            testId="lab-edit-from-port"
          />
          <Text label="To port (empty = same)" value={value("toPort")} onChange={set("toPort")} numeric />
        </>
      ) : null}
    </>
  );

  let fields: React.ReactNode;
  let missing: string | undefined;
  switch (kind) {
    case "add-route":
    case "remove-route":
      if (!table) missing = "no route tables";
      fields = table ? (
        <>
          <Pick
            label="Route table"
            value={table.id}
            choices={tables}
            onChange={(next) => setValues((current) => ({ ...current, table: next, route: "" }))}
            testId="lab-route-table"
          />
          {kind === "remove-route" ? (
            <Pick
              label="Route"
              value={value("route") || table.routes[0]?.destination || ""}
              choices={table.routes.map((route) => ({
                id: route.destination,
                label: `${route.destination} → ${route.target}`,
              }))}
              onChange={set("route")}
              testId="lab-route-remove"
              empty="no routes left"
            />
          ) : (
            <>
              <Text
                label="Destination CIDR"
                value={value("destination")}
                onChange={set("destination")}
                testId="lab-route-destination"
              />
              <Text
                label="Target (igw-, nat-, pcx-, tgw-, vgw-, eni-, … or local, blackhole)"
                value={value("target")}
                onChange={set("target")}
                testId="lab-route-target"
              />
            </>
          )}
        </>
      ) : null;
      break;
    case "add-sg-rule":
    case "remove-sg-rule":
      if (!group) missing = "no security groups";
      fields = group ? (
        <>
          <Pick label="Security group" value={group.id} choices={groups} onChange={set("group")} />
          <Pick label="Direction" value={direction} choices={DIRECTIONS} onChange={set("direction")} />
          {kind === "add-sg-rule" ? (
            <>
              {ports}
              <Text
                label={
                  direction === "inbound" ? "Source (CIDR, sg-…, pl-…)" : "Destination (CIDR, sg-…, pl-…)"
                }
                value={value("peer")}
                onChange={set("peer")}
                testId="lab-edit-peer"
              />
            </>
          ) : (
            <Pick
              label="Rule"
              value={value("rule", "0")}
              choices={group[direction].map((text, index) => ({
                id: String(index),
                label: `${index + 1}: ${text}`,
              }))}
              onChange={set("rule")}
            />
          )}
        </>
      ) : null;
      break;
    case "add-nacl-entry":
    case "remove-nacl-entry":
      if (!acl) missing = "no network ACLs (subnets use their VPC's default ACL, which allows all)";
      fields = acl ? (
        <>
          <Pick label="Network ACL" value={acl.id} choices={acls} onChange={set("acl")} />
          <Pick label="Direction" value={direction} choices={DIRECTIONS} onChange={set("direction")} />
          {kind === "add-nacl-entry" ? (
            <>
              <Text
                label="Rule number (1-32766)"
                value={value("ruleNumber")}
                onChange={set("ruleNumber")}
                numeric
              />
              {ports}
              <Text label="CIDR block" value={value("cidr")} onChange={set("cidr")} />
              <Pick
                label="Action"
                value={value("action", "allow")}
                choices={[
                  { id: "allow", label: "Allow" },
                  { id: "deny", label: "Deny" },
                ]}
                onChange={set("action")}
              />
            </>
          ) : (
            <Pick
              label="Rule number"
              value={value("ruleNumber") || String(acl[direction][0] ?? "")}
              choices={acl[direction].map((number) => ({ id: String(number), label: String(number) }))}
              onChange={set("ruleNumber")}
            />
          )}
        </>
      ) : null;
      break;
    case "add-peering":
      if (vpcs.length < 2) missing = "fewer than two VPCs";
      fields = (
        <>
          <Pick
            label="Requester VPC"
            value={value("requester", first(vpcs))}
            choices={vpcs}
            onChange={set("requester")}
          />
          <Pick
            label="Accepter VPC"
            value={value("accepter", vpcs[1]?.id ?? "")}
            choices={vpcs}
            onChange={set("accepter")}
          />
          <Pick
            label="Accepted"
            value={value("accepted", "yes")}
            choices={[
              { id: "yes", label: "Yes (active)" },
              { id: "no", label: "No (pending acceptance)" },
            ]}
            onChange={set("accepted")}
          />
        </>
      );
      break;
    case "accept-peering":
      if (pending.length === 0) missing = "no peering connection waiting for acceptance";
      fields = (
        <Pick
          label="Peering connection"
          value={value("peering", first(pending))}
          choices={pending}
          onChange={set("peering")}
        />
      );
      break;
    case "add-gateway-endpoint": {
      const vpcId = value("vpc", first(vpcs));
      fields = (
        <>
          <Pick label="VPC" value={vpcId} choices={vpcs} onChange={set("vpc")} />
          <Pick
            label="Service"
            value={value("service", "s3")}
            choices={[
              { id: "s3", label: "S3" },
              { id: "dynamodb", label: "DynamoDB" },
            ]}
            onChange={set("service")}
          />
          <Pick
            label="Route table"
            value={value("endpointTable")}
            choices={[
              { id: "", label: "(none yet)" },
              ...resources.routeTables.filter((t) => t.id).map(({ id, label }) => ({ id, label })),
            ]}
            onChange={set("endpointTable")}
          />
        </>
      );
      break;
    }
    case "add-interface-endpoint":
      fields = (
        <>
          <Pick label="VPC" value={value("vpc", first(vpcs))} choices={vpcs} onChange={set("vpc")} />
          <Text
            label="Service name (com.amazonaws.region.service)"
            value={value("serviceName")}
            onChange={set("serviceName")}
          />
          <Pick
            label="Subnet"
            value={value("subnet", first(subnets))}
            choices={subnets}
            onChange={set("subnet")}
          />
          <Text label="Private IP of its interface" value={value("privateIp")} onChange={set("privateIp")} />
          <Pick
            label="Security group"
            value={value("endpointGroup")}
            choices={[{ id: "", label: "(none)" }, ...groups]}
            onChange={set("endpointGroup")}
          />
        </>
      );
      break;
    case "add-gateway": {
      const type = value("gatewayType", "internet-gateway");
      fields = (
        <>
          <Pick
            label="Gateway"
            value={type}
            choices={[
              { id: "internet-gateway", label: "Internet gateway" },
              { id: "egress-only-internet-gateway", label: "Egress-only internet gateway (IPv6)" },
              { id: "nat-gateway", label: "NAT gateway" },
            ]}
            onChange={set("gatewayType")}
          />
          {type === "nat-gateway" ? (
            <>
              <Pick
                label="Subnet"
                value={value("subnet", first(subnets))}
                choices={subnets}
                onChange={set("subnet")}
              />
              <Text label="Private IP" value={value("privateIp")} onChange={set("privateIp")} />
              <Text
                label="Elastic IP (empty = private NAT)"
                value={value("publicIp")}
                onChange={set("publicIp")}
              />
            </>
          ) : (
            <Pick label="VPC" value={value("vpc", first(vpcs))} choices={vpcs} onChange={set("vpc")} />
          )}
        </>
      );
      break;
    }
    case "remove-resource":
      if (resources.removable.length === 0) missing = "no peering connections, endpoints or gateways";
      fields = (
        <Pick
          label="Resource"
          value={value("resource", first(resources.removable))}
          choices={resources.removable}
          onChange={set("resource")}
        />
      );
      break;
    case "toggle-vpn-tunnel":
      if (!vpn) missing = "no VPN connections";
      fields = vpn ? (
        <>
          <Pick
            label="VPN connection"
            value={vpn.id}
            choices={resources.vpnConnections}
            onChange={set("vpn")}
          />
          <Pick
            label="Tunnel"
            value={value("tunnel", "0")}
            choices={vpn.tunnels.map((status, index) => ({
              id: String(index),
              label: `Tunnel ${index + 1} (${status})`,
            }))}
            onChange={set("tunnel")}
          />
        </>
      ) : null;
      break;
    case "toggle-tgw-attachment":
      if (resources.tgwAttachments.length === 0) missing = "no transit gateway attachments";
      fields = (
        <Pick
          label="Attachment"
          value={value("attachment", first(resources.tgwAttachments))}
          choices={resources.tgwAttachments.map((a) => ({ id: a.id, label: `${a.label}: ${a.state}` }))}
          onChange={set("attachment")}
        />
      );
      break;
  }

  return (
    <form
      className="lab-form"
      aria-labelledby={`${ids}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        if (edit) onEdit(edit);
      }}
    >
      <h3 id={`${ids}-title`}>Change the network</h3>
      <div className="lab-row">
        <label className="field">
          Change
          <select
            value={kind}
            onChange={(event) => setKind(event.target.value as Kind)}
            data-testid="lab-edit-kind"
          >
            {KINDS.map((choice) => (
              <option key={choice.kind} value={choice.kind}>
                {choice.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="lab-row">{missing ? <p>This network has {missing}.</p> : fields}</div>
      <button
        type="submit"
        className="button"
        disabled={busy || missing !== undefined || !edit}
        data-testid="lab-edit-submit"
      >
        Apply change
      </button>
    </form>
  );
}
