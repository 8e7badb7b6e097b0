// Proof that a change to the model leaves the command line's answers as they were (not part of npm run bench):
// `npx tsx bench/cli-analysis-hash.ts` prints the sha256 of `reachable analyze --format json` (exit code and output)
// over every folder of tests/cli/fixtures/aws-scenarios, for every ordered pair of the folder's instance ids and
// names, interface ids and addresses, endpoint service names, "internet" and 8.8.8.8, each as tcp/443, udp/22 and
// icmp; then the number of runs and of reachable answers. Run it before and after; the hashes must be equal.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { runCli } from "../lib/cli/run-cli";

const FIXTURES = path.resolve(import.meta.dirname, "../tests/cli/fixtures/aws-scenarios");

type Describe = {
  Reservations?: { Instances?: { InstanceId: string; Tags?: { Key: string; Value: string }[] }[] }[];
  NetworkInterfaces?: { NetworkInterfaceId: string; PrivateIpAddress?: string }[];
  VpcEndpoints?: { ServiceName: string }[];
};

function read(dir: string, file: string): Describe {
  const full = path.join(dir, file);
  return fs.existsSync(full) ? (JSON.parse(fs.readFileSync(full, "utf8")) as Describe) : {};
}

/** Every reference a query may name in this folder. */
function referencesOf(dir: string): string[] {
  const refs = new Set<string>();
  for (const r of read(dir, "describe-instances.json").Reservations ?? [])
    for (const i of r.Instances ?? []) {
      refs.add(i.InstanceId);
      for (const t of i.Tags ?? []) if (t.Key === "Name") refs.add(t.Value);
    }
  for (const n of read(dir, "describe-network-interfaces.json").NetworkInterfaces ?? []) {
    refs.add(n.NetworkInterfaceId);
    if (n.PrivateIpAddress) refs.add(n.PrivateIpAddress);
  }
  for (const e of read(dir, "describe-vpc-endpoints.json").VpcEndpoints ?? []) refs.add(e.ServiceName);
  return [...refs, "internet", "8.8.8.8"];
}

const TRAFFIC = [
  ["--port", "443"],
  ["--port", "22", "--protocol", "udp"],
  ["--protocol", "icmp"],
];
const hash = createHash("sha256");
let runs = 0;
let reachable = 0;
for (const scenario of fs.readdirSync(FIXTURES).sort()) {
  const dir = path.join(FIXTURES, scenario);
  const refs = referencesOf(dir);
  for (const from of refs)
    for (const to of refs) {
      if (from === to) continue;
      for (const traffic of TRAFFIC) {
        let out = "";
        const code = await runCli(
          ["analyze", "--topology", dir, "--from", from, "--to", to, ...traffic, "--format", "json"],
          {
            stdout: { write: (s: string) => (out += s) },
            stderr: { write: (s: string) => (out += s) },
            cwd: FIXTURES,
          },
        );
        hash.update(`${scenario} ${from} ${to} ${traffic.join(" ")} ${code}\n${out}\n`);
        runs += 1;
        if (code === 0 && /"reachable":\s*true/.test(out)) reachable += 1;
      }
    }
}
console.log(hash.digest("hex"), JSON.stringify({ runs, reachable }));
