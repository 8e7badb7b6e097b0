import { describe, expect, it } from "vitest";
import { labFromQuestion } from "@/lib/lab/from-question";
import { parseTopologyText } from "@/lib/net";
import { generateQuestion } from "@/lib/scenario/generate";
import { FAMILIES } from "@/lib/scenario/registry";

describe("a question's network opened in the lab", () => {
  it("gives the question's topology as text that parses back to it, and its question to ask", () => {
    let opened = 0;
    for (const family of FAMILIES.slice(0, 12)) {
      const generated = generateQuestion(family.name, 7, 1);
      if (!generated.ok || !generated.question.topology) continue;
      const lab = labFromQuestion(generated.question.id);
      if (!lab.ok) throw new Error(lab.error);
      const parsed = parseTopologyText(lab.text, "yaml");
      expect(parsed.ok).toBe(true);
      if (parsed.ok) expect(parsed.topology).toEqual(generated.question.topology);
      expect(lab.query).toEqual(generated.question.query);
      // Named as the learner saw it in practice settings, not by its internal family id.
      expect(lab.title).toContain(`“${family.title}”`);
      opened += 1;
    }
    expect(opened).toBeGreaterThan(0);
  });

  it("refuses an id that does not generate", () => {
    expect(labFromQuestion("no-such-family.1.1")).toEqual({
      ok: false,
      error: "this question can no longer be generated",
    });
  });
});
