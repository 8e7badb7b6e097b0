import { describe, expect, it } from "vitest";
import {
  buildNetwork,
  resolveDestination,
  resolveSource,
  TopologySchema,
  type TopologyInput,
} from "../../lib/net/index";
import { buildExhibit, exhibitWords, type Exhibit, type ExhibitTable } from "../../lib/scenario/exhibit";
import {
  introducedForms,
  missingFromExhibit,
  namedReferences,
} from "../../lib/scenario/exhibit-completeness";
import { exhibitAsMarkdown, exhibitAsText } from "../../lib/scenario/exhibit-text";
import { renderQuizGift } from "../../lib/scenario/export-gift";
import { renderQuizJson } from "../../lib/scenario/export-json";
import { FAMILIES } from "../../lib/scenario/registry";
import type { Difficulty } from "../../lib/scenario/question";
import { must } from "../support/must";

const twoVpcs: TopologyInput = {
  region: "us-east-1",
  vpcs: [
    { id: "vpc-0aaa000000000001", name: "app", cidrBlocks: ["10.0.0.0/16"] },
    { id: "vpc-0bbb000000000002", name: "data", cidrBlocks: ["10.1.0.0/16"] },
  ],
  subnets: [
    {
      id: "subnet-0aaa00000001",
      name: "app-a",
      vpcId: "vpc-0aaa000000000001",
      availabilityZone: "us-east-1a",
      cidrBlock: "10.0.1.0/24",
    },
    {
      id: "subnet-0bbb00000002",
      name: "data-a",
      vpcId: "vpc-0bbb000000000002",
      availabilityZone: "us-east-1a",
      cidrBlock: "10.1.1.0/24",
      routeTableId: "rtb-0bbb00000002",
      networkAclId: "acl-0bbb00000002",
    },
  ],
  routeTables: [
    {
      id: "rtb-0aaa00000001",
      name: "app-main",
      vpcId: "vpc-0aaa000000000001",
      main: true,
      routes: [{ destination: "10.1.0.0/16", target: "pcx-0abc00000001" }],
    },
    { id: "rtb-0bbb00000002", name: "data-private", vpcId: "vpc-0bbb000000000002", routes: [] },
    { id: "rtb-0bbb00000003", name: "data-main", vpcId: "vpc-0bbb000000000002", main: true, routes: [] },
  ],
  networkAcls: [
    {
      id: "acl-0bbb00000002",
      name: "data-acl",
      vpcId: "vpc-0bbb000000000002",
      inbound: [
        {
          ruleNumber: 200,
          protocol: "tcp",
          fromPort: 5432,
          toPort: 5432,
          cidrBlock: "10.0.0.0/16",
          action: "allow",
        },
        {
          ruleNumber: 100,
          protocol: "tcp",
          fromPort: 5432,
          toPort: 5432,
          cidrBlock: "10.0.1.0/24",
          action: "deny",
        },
      ],
      outbound: [],
    },
  ],
  securityGroups: [
    { id: "sg-0aaa00000001", name: "app-sg", vpcId: "vpc-0aaa000000000001", inbound: [] },
    {
      id: "sg-0bbb00000002",
      name: "db-sg",
      vpcId: "vpc-0bbb000000000002",
      inbound: [{ protocol: "tcp", fromPort: 5432, toPort: 5432, securityGroupId: "sg-0aaa00000001" }],
      outbound: [],
    },
    { id: "sg-0ccc00000003", name: "unused-sg", vpcId: "vpc-0bbb000000000002", inbound: [] },
  ],
  instances: [
    {
      id: "i-0aaa00000001",
      name: "app-1",
      subnetId: "subnet-0aaa00000001",
      privateIp: "10.0.1.10",
      securityGroupIds: ["sg-0aaa00000001"],
    },
    {
      id: "i-0bbb00000002",
      name: "db-1",
      subnetId: "subnet-0bbb00000002",
      privateIp: "10.1.1.20",
      securityGroupIds: ["sg-0bbb00000002"],
    },
  ],
  peeringConnections: [
    {
      id: "pcx-0abc00000001",
      name: "app-to-data",
      requesterVpcId: "vpc-0aaa000000000001",
      accepterVpcId: "vpc-0bbb000000000002",
      status: "pending-acceptance",
    },
  ],
};

function exhibitOf(
  input: TopologyInput,
  texts: string[] = [],
  query = { from: "app-1", to: "db-1", protocol: "tcp" as const, port: 5432 },
): Exhibit {
  return buildExhibit({ topology: TopologySchema.parse(input), query, texts });
}

function tablesOf(exhibit: Exhibit, kind: ExhibitTable["kind"]): ExhibitTable[] {
  return exhibit.tables.filter((t) => t.kind === kind);
}

function rowsAsObjects(table: ExhibitTable): Record<string, string>[] {
  return table.rows.map((row) => Object.fromEntries(table.columns.map((c, i) => [c, row[i] ?? ""])));
}

describe("buildExhibit", () => {
  it("shows each subnet's route table with its local route, its routes and its associations (main when implicit)", () => {
    const exhibit = exhibitOf(twoVpcs);
    const app = tablesOf(exhibit, "route-table").find((t) => t.caption.includes("rtb-0aaa00000001"));
    expect(app?.caption).toContain("main route table");
    expect(app?.caption).toContain("subnet-0aaa00000001");
    // The peering is pending acceptance, so its route is a blackhole (PCX-08), as describe-route-tables says.
    expect(app?.columns).toEqual(["Destination", "Target", "Origin", "State"]);
    expect(app?.rows).toEqual([
      ["10.0.0.0/16", "local", "local", "active"],
      ["10.1.0.0/16", "pcx-0abc00000001", "static", "blackhole"],
    ]);
    const active = exhibitOf({
      ...twoVpcs,
      peeringConnections: (twoVpcs.peeringConnections ?? []).map((p) => ({
        ...p,
        status: "active" as const,
      })),
    });
    const shown = tablesOf(active, "route-table").find((t) => t.caption.includes("rtb-0aaa00000001"));
    expect(shown?.columns).toEqual(["Destination", "Target", "Origin"]);
    const subnets = rowsAsObjects(must(tablesOf(exhibit, "subnets")[0]));
    expect(subnets.find((s) => s["Subnet ID"] === "subnet-0aaa00000001")?.["Route table"]).toBe(
      "rtb-0aaa00000001 (main)",
    );
    expect(subnets.find((s) => s["Subnet ID"] === "subnet-0bbb00000002")?.["Route table"]).toBe(
      "rtb-0bbb00000002",
    );
  });

  it("leaves out a route table no subnet uses, unless the question names it", () => {
    const unnamed = exhibitOf(twoVpcs);
    expect(exhibitWords(unnamed)).not.toContain("rtb-0bbb00000003");
    const named = exhibitOf(twoVpcs, ["Add a route to data-main"]);
    expect(
      tablesOf(named, "route-table")
        .map((t) => t.caption)
        .join(),
    ).toContain("rtb-0bbb00000003");
  });

  it("lists security-group rules, the default egress rule when outbound is omitted, and 'no rules' when it is empty", () => {
    const exhibit = exhibitOf(twoVpcs);
    const groups = tablesOf(exhibit, "security-group");
    expect(groups.map((g) => g.caption).join()).not.toContain("unused-sg");
    const app = rowsAsObjects(must(groups.find((g) => g.caption.includes("app-sg"))));
    expect(app).toContainEqual(expect.objectContaining({ Direction: "Inbound", Protocol: "no rules" }));
    expect(app).toContainEqual(
      expect.objectContaining({
        Direction: "Outbound",
        Protocol: "All",
        "Source / destination": "0.0.0.0/0",
      }),
    );
    const db = rowsAsObjects(must(groups.find((g) => g.caption.includes("db-sg"))));
    expect(db[0]).toMatchObject({
      Direction: "Inbound",
      Protocol: "TCP",
      "Port range": "5432",
      "Source / destination": "app-sg (sg-0aaa00000001)",
    });
    expect(db).toContainEqual(expect.objectContaining({ Direction: "Outbound", Protocol: "no rules" }));
  });

  it("orders NACL entries by rule number and ends each direction with the * deny rule; default NACLs become a note", () => {
    const exhibit = exhibitOf(twoVpcs);
    const [acl] = tablesOf(exhibit, "network-acl");
    expect(acl?.rows.map((r) => `${r[0]} ${r[1]} ${r[5]}`)).toEqual([
      "Inbound 100 Deny",
      "Inbound 200 Allow",
      "Inbound * Deny",
      "Outbound * Deny",
    ]);
    expect(exhibit.notes).toEqual([
      "Subnet app-a uses its VPC's default network ACL, unchanged: it allows all inbound and all outbound traffic.",
    ]);
  });

  it("states peering status, and names Region and account only when the VPCs differ in them", () => {
    const plain = rowsAsObjects(must(tablesOf(exhibitOf(twoVpcs), "peering")[0]));
    expect(plain[0]).toMatchObject({
      "Peering connection": "pcx-0abc00000001",
      Status: "pending-acceptance",
      "Requester VPC": "app (vpc-0aaa000000000001)",
    });
    const crossRegion = {
      ...twoVpcs,
      vpcs: [
        must(must(twoVpcs.vpcs)[0]),
        { ...must(must(twoVpcs.vpcs)[1]), region: "eu-west-1", accountId: "111122223333" },
      ],
    };
    const far = rowsAsObjects(must(tablesOf(exhibitOf(crossRegion), "peering")[0]));
    expect(far[0]?.["Accepter VPC"]).toBe("data (vpc-0bbb000000000002), eu-west-1, account 111122223333");
  });

  it("adds the gateway endpoint's prefix-list route to the route tables it serves, and the prefix list's ranges", () => {
    const withEndpoint: TopologyInput = {
      ...twoVpcs,
      prefixLists: [{ id: "pl-0abc0001", name: "com.amazonaws.us-east-1.s3", cidrBlocks: ["52.216.0.0/15"] }],
      services: [{ service: "s3", region: "us-east-1", prefixListId: "pl-0abc0001" }],
      gatewayEndpoints: [
        {
          id: "vpce-0abc00000001",
          name: "s3-endpoint",
          vpcId: "vpc-0bbb000000000002",
          service: "s3",
          routeTableIds: ["rtb-0bbb00000002"],
          policy: "deny-all",
        },
      ],
    };
    const exhibit = exhibitOf(withEndpoint, [], { from: "db-1", to: "s3", protocol: "tcp", port: 443 });
    const rt = tablesOf(exhibit, "route-table").find((t) => t.caption.includes("rtb-0bbb00000002"));
    expect(rt?.rows).toContainEqual([
      "pl-0abc0001 (com.amazonaws.us-east-1.s3)",
      "vpce-0abc00000001",
      "gateway endpoint",
    ]);
    expect(exhibitWords(exhibit)).toContain("endpoint policy: deny all");
    expect(rowsAsObjects(must(tablesOf(exhibit, "prefix-lists")[0]))[0]).toMatchObject({
      "Prefix list": "pl-0abc0001",
      CIDRs: "52.216.0.0/15",
    });
    // The S3 address the model uses is introduced, with the prefix list it lies in.
    const net = buildNetwork(TopologySchema.parse(withEndpoint));
    const source = resolveSource(net, "db-1");
    const destination = source.ok ? resolveDestination(net, "s3", source.value, 1700000000) : undefined;
    const address = destination?.ok ? (destination.value.ip?.text ?? "?") : "?";
    expect(tablesOf(exhibit, "addresses")[0]?.rows).toEqual([
      ["Destination", "s3", "Amazon S3 in us-east-1 (a public address in pl-0abc0001)", address],
    ]);
  });

  it("introduces the internet host's address that the model uses, and none for flows between instances", () => {
    expect(tablesOf(exhibitOf(twoVpcs), "addresses")).toEqual([]);
    const exhibit = exhibitOf(twoVpcs, [], { from: "app-1", to: "internet", protocol: "tcp", port: 443 });
    expect(tablesOf(exhibit, "addresses")[0]?.rows).toEqual([
      ["Destination", "internet", "a host on the internet", "203.0.113.10"],
    ]);
  });

  it("shows TGW route tables with associations and propagations, including those the default route table takes", () => {
    const hub: TopologyInput = {
      ...twoVpcs,
      peeringConnections: [],
      transitGateways: [{ id: "tgw-0abc00000001", name: "hub", defaultRouteTableId: "tgw-rtb-0abc00000001" }],
      transitGatewayAttachments: [
        {
          id: "tgw-attach-0aaa0001",
          transitGatewayId: "tgw-0abc00000001",
          type: "vpc",
          vpcId: "vpc-0aaa000000000001",
          subnetIds: ["subnet-0aaa00000001"],
        },
        {
          id: "tgw-attach-0bbb0002",
          transitGatewayId: "tgw-0abc00000001",
          type: "vpc",
          vpcId: "vpc-0bbb000000000002",
          subnetIds: ["subnet-0bbb00000002"],
        },
      ],
      transitGatewayRouteTables: [
        {
          id: "tgw-rtb-0abc00000001",
          name: "hub-routes",
          transitGatewayId: "tgw-0abc00000001",
          propagations: [],
          routes: [{ destination: "10.9.0.0/16", blackhole: true }],
        },
      ],
    };
    const exhibit = exhibitOf(hub);
    const [table] = tablesOf(exhibit, "transit-gateway-route-table");
    expect(table?.caption).toContain(
      "associated attachments: tgw-attach-0aaa0001 (app (vpc-0aaa000000000001)), tgw-attach-0bbb0002",
    );
    expect(table?.rows).toEqual([
      ["10.9.0.0/16", "blackhole", "static"],
      ["10.0.0.0/16", "tgw-attach-0aaa0001 (app (vpc-0aaa000000000001))", "propagated"],
      ["10.1.0.0/16", "tgw-attach-0bbb0002 (data (vpc-0bbb000000000002))", "propagated"],
    ]);
  });
});

describe("introducedForms", () => {
  it("lets a /32 rule stand for the host address the exhibit lists, and nothing else", () => {
    expect(introducedForms("10.241.0.33/32")).toEqual(["10.241.0.33/32", "10.241.0.33"]);
    expect(introducedForms("10.241.0.0/24")).toEqual(["10.241.0.0/24"]);
    expect(introducedForms("sg-0abc123456")).toEqual(["sg-0abc123456"]);
  });
});

describe("generated questions", () => {
  const MODEL_FAMILIES = FAMILIES.filter(
    (f) => f.name !== "concept-check" && f.name !== "endpoint-choice" && f.name !== "flow-log-diagnosis",
  );

  it(
    "introduce in stem or exhibit every id and address their options name (topology families)",
    { timeout: 60_000 },
    () => {
      for (const family of FAMILIES.filter((f) =>
        ["missing-piece", "fix-it", "edge-to-edge", "filtering", "hybrid", "ipv6-egress"].includes(f.name),
      )) {
        for (let seed = 0; seed < 9; seed += 1) {
          const difficulty = family.difficulties[seed % family.difficulties.length] as Difficulty;
          const q = family.generate(seed, difficulty);
          expect(missingFromExhibit(q), q.id).toEqual([]);
        }
      }
    },
  );

  it(
    "carry an exhibit that does not depend on which option is the key (same facts for any option order)",
    { timeout: 30_000 },
    () => {
      for (const family of MODEL_FAMILIES) {
        const q = family.generate(3, family.difficulties[0] as Difficulty);
        const reordered = buildExhibit({
          topology: must(q.topology),
          // Some families ask about records or changes rather than one flow, and have no query.
          ...(q.query === undefined ? {} : { query: q.query }),
          texts: [q.stem, ...q.options.map((o) => o.text).reverse()],
        });
        expect(reordered, q.id).toEqual(q.exhibit);
        expect(exhibitWords(must(q.exhibit))).not.toMatch(/blocked|not reachable|missing|correct|answer/i);
      }
    },
  );

  it("keep flow-log records as preformatted lines and add no tables to a question whose topology is hidden", () => {
    const q = must(FAMILIES.find((f) => f.name === "flow-log-diagnosis")).generate(1, 1);
    expect(q.exhibit?.tables).toEqual([]);
    expect(q.exhibit?.lines[0]).toMatch(/^version account-id interface-id/);
  });
});

describe("exhibit in the exports", () => {
  const q = must(FAMILIES.find((f) => f.name === "fix-it")).generate(7, 1);

  it("Markdown writes each table as a captioned GFM table with one cell per column", () => {
    const lines = exhibitAsMarkdown(must(q.exhibit));
    const table = must(must(q.exhibit).tables.find((t) => t.kind === "route-table"));
    const at = lines.indexOf(`**${table.caption}**`);
    expect(at).toBeGreaterThanOrEqual(0);
    expect(lines[at + 2]).toBe(`| ${table.columns.join(" | ")} |`);
    expect(lines[at + 3]?.split("|").length).toBe(table.columns.length + 2);
  });

  it("GIFT carries the same ids as text tables, inside the question (no blank line splits it)", () => {
    const gift = renderQuizGift([q]);
    for (const ref of namedReferences(q.options.map((o) => o.text).join(" "))) expect(gift).toContain(ref);
    expect(gift.trimEnd()).not.toMatch(/\n\s*\n/);
    expect(exhibitAsText(must(q.exhibit)).some((line) => /^-+(-\+-+)+$/.test(line))).toBe(true);
  });

  it("JSON has the exhibit as tables, notes and lines, always present", () => {
    const parsed = JSON.parse(renderQuizJson([q, must(FAMILIES[0]).generate(1, 1)], 1)) as {
      version: number;
      questions: { exhibit: Exhibit }[];
    };
    expect(parsed.version).toBe(2);
    expect(Object.keys(must(parsed.questions[0]).exhibit)).toEqual(["tables", "notes", "lines"]);
    expect(must(parsed.questions[0]).exhibit.tables.length).toBeGreaterThan(0);
    expect(must(parsed.questions[1]).exhibit).toEqual({ tables: [], notes: [], lines: [] });
  });
});
