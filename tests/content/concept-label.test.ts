import { describe, expect, it } from "vitest";
import { CONCEPTS } from "../../lib/content/concepts";
import { shortenAtWord } from "../../lib/content/concept-label";

describe("shortenAtWord", () => {
  it("keeps a text that fits, without its Markdown bold", () => {
    expect(shortenAtWord("Peering is **not** transitive", 70)).toBe("Peering is not transitive");
  });

  it("cuts at a word boundary and says so with an ellipsis", () => {
    expect(shortenAtWord("The two VPCs' CIDR blocks must not overlap or match", 30)).toBe(
      "The two VPCs' CIDR blocks must…",
    );
    expect(shortenAtWord("alpha beta, gamma", 11)).toBe("alpha beta…");
  });

  it("cuts a single over-long word where it must", () => {
    expect(shortenAtWord("abcdefghij", 4)).toBe("abcd…");
  });

  it("never cuts a concept mid-word: every label is whole words of the text", () => {
    for (const concept of CONCEPTS) {
      const label = shortenAtWord(concept.text, 70);
      const plain = concept.text.replaceAll("**", "").replace(/\s+/g, " ").trim();
      expect(label.length).toBeLessThanOrEqual(71);
      if (label === plain) continue;
      const kept = label.slice(0, -1);
      expect(plain.startsWith(kept)).toBe(true);
      expect(plain.charAt(kept.length)).toMatch(/[\s,;:(—–-]/u);
    }
  });
});
