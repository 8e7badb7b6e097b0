// Generated topologies are built in lib/net's parsed form, with every default applied by construction, so
// the generator never runs the zod schema per variant. This is the one place that parses them: the parsed
// form must equal what the generator produced, and lib/net's validate must find no error in it.
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { parseTopology, validate } from "../../lib/net/index";
import { FAMILIES } from "../../lib/scenario/registry";

const SEEDS = 60;

describe.each(FAMILIES.filter((f) => f.usesModel).map((f) => [f.name, f] as const))(
  "%s topologies",
  (_name, family) => {
    it("parse to themselves and validate without errors", () => {
      for (const difficulty of family.difficulties) {
        for (let seed = 0; seed < SEEDS; seed += 1) {
          const q = family.generate(seed, difficulty);
          if (!q.topology) continue;
          // Through JSON, as a client or `reachable analyze` would read it.
          const parsed = parseTopology(JSON.parse(JSON.stringify(q.topology)) as unknown);
          expect(parsed.ok, q.id).toBe(true);
          if (!parsed.ok) continue;
          expect(isDeepStrictEqual(parsed.topology, q.topology), `${q.id}: parsed form differs`).toBe(true);
          expect(
            validate(q.topology).filter((i) => i.severity === "error"),
            q.id,
          ).toEqual([]);
        }
      }
    }, 60_000);
  },
);
