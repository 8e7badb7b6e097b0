// npx tsx scripts/fault-mix.ts [seeds=300] [family...]
// The deciding fault per difficulty: for each family and difficulty, over `seeds` seeds, how often the shown
// setup is dropped first by each kind of component (or works). fix-it also counts the kind of the keyed fix.
// Used to check the difficulty ladder (hybrid d2/d3 mostly hybrid faults, fix-it d2 not a re-skin of d1).
import { analyze, type Analysis, type Topology } from "../lib/net/index";
import { fixItCase } from "../lib/scenario/families/fix-it";
import { FAMILIES } from "../lib/scenario/registry";
import type { Difficulty } from "../lib/scenario/question";

const seeds = Number(process.argv[2] ?? 300);
const only = process.argv.slice(3);
const families = only.length > 0 ? only : ["hybrid", "fix-it"];

/** A blocker code grouped by what a candidate has to know. */
export function faultClass(code: string | undefined): string {
  if (code === undefined) return "works";
  if (/^(SG_|ENI_SG)/.test(code)) return "security-group";
  if (/ACL/.test(code)) return "network-acl";
  if (/^TGW_/.test(code)) return "transit-gateway";
  if (/VPN|VGW|DX|NO_POSSIBLE_DESTINATION/.test(code)) return "vpn/dx";
  if (/ROUTE|PCX/.test(code)) return "route";
  return code;
}

/** For hybrid, what a candidate must spot: which route is missing or which one wins. */
function hybridDetail(t: Topology, a: Analysis): string {
  const b = a.blockers[0];
  if (!b) return "";
  if (b.code === "NO_ROUTE_TO_DESTINATION") {
    const rt = t.routeTables.find((r) => r.id === b.component);
    const hasVgw = t.vpnGateways.some((g) => g.vpcId === rt?.vpcId);
    if (rt && rt.propagatingGatewayIds.length > 0)
      return " (propagation on, VPN static routes miss the server)";
    return hasVgw ? " (no propagation, no static route)" : " (no route to the TGW)";
  }
  if (b.code === "TGW_RTB_CANNOT_ROUTE" && t.vpnGateways.length > 0)
    return " (static route to the TGW wins over the VGW route)";
  return "";
}

for (const name of families) {
  const family = FAMILIES.find((f) => f.name === name);
  if (!family) throw new Error(`no family ${name}`);
  const rows = new Map<string, number[]>();
  const count = (key: string, d: Difficulty): void => {
    const row = rows.get(key) ?? [0, 0, 0];
    row[d - 1] = (row[d - 1] ?? 0) + 1;
    rows.set(key, row);
  };
  for (const d of family.difficulties) {
    for (let seed = 1; seed <= seeds; seed += 1) {
      if (name === "fix-it") {
        const c = fixItCase(seed, d);
        const q = c.question;
        const code = q.topology && q.query ? analyze(q.topology, q.query).blockers[0]?.code : undefined;
        count(`${faultClass(code)} / ${code ?? "-"} / fix ${c.right.kind}`, d);
        continue;
      }
      const q = family.generate(seed, d);
      const a = q.topology && q.query ? analyze(q.topology, q.query) : undefined;
      const code = a?.blockers[0]?.code;
      const detail = name === "hybrid" && q.topology && a ? hybridDetail(q.topology, a) : "";
      count(`${faultClass(code)} / ${code ?? "-"}${detail}`, d);
    }
  }
  console.log(
    `\n${name} (${seeds} seeds per difficulty): class / first blocker${name === "fix-it" ? " / keyed fix" : ""}`,
  );
  console.log("| fault | d1 | d2 | d3 |\n|---|---|---|---|");
  for (const [key, row] of [...rows.entries()].sort())
    console.log(`| ${key} | ${row.map((n) => `${((100 * n) / seeds).toFixed(0)}%`).join(" | ")} |`);
  const classes = new Map<string, number[]>();
  for (const [key, row] of rows) {
    const c = key.split(" / ")[0] as string;
    const acc = classes.get(c) ?? [0, 0, 0];
    row.forEach((n, i) => (acc[i] = (acc[i] ?? 0) + n));
    classes.set(c, acc);
  }
  console.log("\n| class | d1 | d2 | d3 |\n|---|---|---|---|");
  for (const [key, row] of [...classes.entries()].sort())
    console.log(`| ${key} | ${row.map((n) => `${((100 * n) / seeds).toFixed(0)}%`).join(" | ")} |`);
}
