import { describe, expect, it } from "vitest";
import { flowLogDiagnosis, shownEniId } from "../../../lib/scenario/families/flow-log-diagnosis";
import type { Difficulty } from "../../../lib/scenario/question";

describe("flow-log-diagnosis records", () => {
  it("print every interface id in AWS's format, eni- and 17 hex digits, the NAT gateway's too", () => {
    let natRecords = 0;
    for (const difficulty of [1, 2, 3] as Difficulty[]) {
      for (let seed = 0; seed < 60; seed += 1) {
        const q = flowLogDiagnosis.generate(seed, difficulty);
        for (const line of (q.exhibit?.lines ?? []).slice(1)) {
          const id = line.split(" ")[2] ?? "";
          expect(id, `${q.id}: ${line}`).toMatch(/^eni-[0-9a-f]{17}$/);
          if (q.stem.includes(`network interface ${id}`)) natRecords += 1;
        }
      }
    }
    expect(natRecords).toBeGreaterThan(0);
  });

  it("maps the model's NAT interface name to a plain ENI id and leaves real ids alone", () => {
    expect(shownEniId("eni-nat-0772010bd22571f06")).toBe("eni-0772010bd22571f06");
    expect(shownEniId("eni-0ce4cc71fedce2793")).toBe("eni-0ce4cc71fedce2793");
  });
});
