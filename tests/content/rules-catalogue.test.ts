import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { indexRuleUse, ruleIdsCitedBy, sampleQuestions } from "../../lib/content/rule-usage";
import {
  findRule,
  RULE_TOPICS,
  RULES,
  ruleIdsIn,
  searchRules,
  searchRulesRanked,
  sourceLink,
  splitAtCataloguedRuleIds,
  splitAtRuleIds,
} from "../../lib/content/rules-catalogue";
import { FAMILIES } from "../../lib/scenario/registry";
import { repoRoot } from "./support/course-files";

// Where rule IDs are cited: source under lib/ and app/ (the catalogue itself aside), lessons and example topologies
// under content/, and the explanations the generator writes. Generic on purpose: a helper who adds a family, a
// blocker code or a lesson citing a new rule only has to add the rule to the catalogue.
const CATALOGUE_FILES = [
  path.join("lib", "content", "rules"),
  path.join("lib", "content", "rules-catalogue.ts"),
];
const CITING_DIRS = ["lib", "app", "content"];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === "generated" || name === "node_modules") return [];
    if (statSync(full).isDirectory()) return filesUnder(full);
    return /\.(?:tsx?|mdx|ya?ml)$/.test(name) ? [full] : [];
  });
}

const citingFiles = CITING_DIRS.flatMap((dir) => filesUnder(path.join(repoRoot, dir))).filter(
  (file) => !CATALOGUE_FILES.some((skip) => path.relative(repoRoot, file).startsWith(skip)),
);
const citedInFiles = new Map<string, string[]>();
for (const file of citingFiles) {
  for (const id of ruleIdsIn(readFileSync(file, "utf8"))) {
    citedInFiles.set(id, [...(citedInFiles.get(id) ?? []), path.relative(repoRoot, file)]);
  }
}
const questions = sampleQuestions(FAMILIES, 20);
const generated = indexRuleUse(
  questions,
  FAMILIES.map((family) => family.name),
);

describe("the rule catalogue", () => {
  it("has unique, well-formed IDs, each with a title, a text, a known topic and at least one AWS source", () => {
    const ids = RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    const topics = new Set(RULE_TOPICS.map((topic) => topic.id));
    const malformed = RULES.filter(
      (rule) =>
        !/^[A-Z][A-Z0-9]{1,4}-\d{2}$/.test(rule.id) ||
        rule.title.trim() === "" ||
        rule.text.trim().length < 30 ||
        !topics.has(rule.topic) ||
        rule.sources.length === 0 ||
        rule.sources.some((source) => source.guide.trim() === "" || source.page.trim() === "") ||
        (rule.codes ?? []).some((code) => !/^[A-Z0-9_]+$/.test(code)),
    ).map((rule) => rule.id);
    expect(malformed).toEqual([]);
  });

  it("gives every rule that is not modelled a reason, and a drift note something to say", () => {
    expect(
      RULES.filter(
        (rule) => rule.status.kind === "not-modelled" && rule.status.reason.trim().length < 15,
      ).map((rule) => rule.id),
    ).toEqual([]);
    expect(
      RULES.filter((rule) => rule.drift !== undefined && rule.drift.trim().length < 30).map((r) => r.id),
    ).toEqual([]);
  });

  it("knows every rule ID cited in lib/, app/ and content/", () => {
    const unknown = [...citedInFiles].filter(([id]) => findRule(id) === undefined);
    expect(Object.fromEntries(unknown)).toEqual({});
  });

  it("knows every rule ID cited by generated questions of every family", () => {
    expect(new Set(questions.map((question) => question.family))).toEqual(
      new Set(FAMILIES.map((family) => family.name)),
    );
    expect([...generated.citedIds].filter((id) => findRule(id) === undefined)).toEqual([]);
  });

  it("cites every modelled rule somewhere (code, content or a generated explanation)", () => {
    const uncited = RULES.filter(
      (rule) =>
        rule.status.kind === "modelled" && !citedInFiles.has(rule.id) && !generated.citedIds.has(rule.id),
    ).map((rule) => rule.id);
    expect(uncited).toEqual([]);
  });
});

describe("figures AWS raised (lexam3 review)", () => {
  // The catalogue states the current figure in the rule text and keeps the old one in the drift note, so a
  // learner meeting the old figure in older material recognises it. A rule text that goes back to the old
  // phrasing, or a drift note that loses the old figure, fails here.
  const cases: readonly {
    id: string;
    current: readonly string[];
    old: readonly string[];
    stale: readonly string[];
  }[] = [
    {
      id: "DX-05",
      current: ["6 transit gateways", "20 virtual private gateways", "200 allowed prefixes", "51"],
      old: ["3 transit gateways", "10 virtual private gateways"],
      stale: ["a small number of transit gateways"],
    },
    { id: "SG-10", current: ["may not exceed 1,000"], old: ["250", "300"], stale: [] },
    { id: "IFE-09", current: ["100 Gbps per AZ"], old: ["40 Gbps"], stale: ["can burst higher"] },
    { id: "VPN-11", current: ["1,000 to a transit gateway"], old: ["100, for the routes"], stale: [] },
    { id: "RT-12", current: ["500 routes"], old: ["50 non-propagated"], stale: [] },
  ];

  it.each(cases)(
    "$id states the current figure and keeps the old one in its drift note",
    ({ id, current, old, stale }) => {
      const rule = findRule(id);
      expect(rule, id).toBeDefined();
      for (const figure of current) expect(rule?.text).toContain(figure);
      for (const figure of old) expect(rule?.drift).toContain(figure);
      for (const phrase of stale) expect(rule?.text).not.toContain(phrase);
    },
  );

  it("NAT-08 gives the default of 2 Elastic IPs and the quota increase up to 8 that Amazon VPC quotas now state, not a bare 'up to 8 addresses'", () => {
    // lexam5 F10: the quotas page says "You can request a quota increase up to 8"; earlier reviews found no maximum.
    const text = findRule("NAT-08")?.text ?? "";
    expect(text).toContain("2 Elastic IP addresses by default (a quota increase allows up to 8)");
    expect(text).not.toContain("can have up to 8 addresses");
  });

  it("DX-05 gives both totals for a dedicated connection: 51 in the User Guide, 54 in the Service Quotas listing", () => {
    // lexam5 F3: the User Guide counts the 4 transit VIFs inside 51; the General Reference lists 50 + 4 = 54.
    const text = findRule("DX-05")?.text ?? "";
    expect(text).toContain("up to 50 public or private virtual interfaces and up to 4 transit ones");
    expect(text).toContain("inside a maximum of 51");
    expect(text).toContain("allows 54");
  });

  it("DX-05 treats 100 routes per private or transit VIF BGP session as a default, and the per-gateway limits as fixed", () => {
    // lexam5 F1 and F2: the current quotas page raises the 100 with prefix controls and says the 30 VIFs per
    // Direct Connect gateway cannot be increased.
    const rule = findRule("DX-05");
    expect(rule?.text).toContain("100 routes from you by default");
    expect(rule?.text).toContain("at most 1,000 each");
    expect(rule?.text).not.toContain("the 30 virtual interfaces per Direct Connect gateway can");
    expect(rule?.drift).toContain("hard limit");
  });
});

describe("ruleIdsCitedBy", () => {
  it("reads the rule list and the IDs inside explanation texts", () => {
    const question = questions.find((candidate) => candidate.explanation.rules.length > 0);
    if (!question) throw new Error("no sampled question cites a rule");
    const cited = ruleIdsCitedBy({
      ...question,
      explanation: { ...question.explanation, summary: `${question.explanation.summary} See ACL-99.` },
    });
    expect(cited).toEqual(expect.arrayContaining([...question.explanation.rules, "ACL-99"]));
  });
});

describe("sourceLink", () => {
  it("links every source of every rule to AWS documentation: its page when known, else its guide", () => {
    for (const rule of RULES)
      for (const source of rule.sources) {
        const link = sourceLink(source);
        expect(link, `${rule.id}: ${source.guide}`).toBeDefined();
        expect(link?.href).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
        expect(link?.to).toBe(source.url === undefined ? "guide" : "page");
      }
  });

  it("keeps a page address the catalogue has, and uses the guide home otherwise", () => {
    expect(
      sourceLink({ guide: "Amazon VPC Transit Gateways Guide", page: "How transit gateways work" }),
    ).toEqual({
      href: "https://docs.aws.amazon.com/vpc/latest/tgw/",
      to: "guide",
    });
    expect(
      sourceLink({ guide: "Amazon VPC User Guide", page: "NAT gateways", url: "https://x.example/" }),
    ).toEqual({
      href: "https://x.example/",
      to: "page",
    });
    expect(sourceLink({ guide: "Some unknown guide", page: "p" })).toBeUndefined();
  });
});

describe("searchRules", () => {
  it("puts an exact ID first, case-insensitively", () => {
    expect(searchRules("pcx-02")[0]?.id).toBe("PCX-02");
  });

  it("needs every word of the query, in the text, title, sources or codes", () => {
    const found = searchRules("transitive peering").map((rule) => rule.id);
    expect(found).toContain("PCX-02");
    expect(found).not.toContain("SG-01");
    expect(searchRules("ENI_SG_RULES_MISMATCH").map((rule) => rule.id)).toEqual(["SG-01", "SG-05"]);
    expect(searchRules("zzzz-no-such-word")).toEqual([]);
  });

  it("matches the abbreviations learners type: NACL finds the network ACL rules, SG the security group ones…", () => {
    const ids = (query: string) => searchRules(query).map((rule) => rule.id);
    expect(ids("nacl").length).toBeGreaterThan(0);
    expect(ids("nacl")).toEqual(expect.arrayContaining(ids("network acl")));
    expect(ids("NACL ephemeral")).toEqual(ids("network acl ephemeral"));
    expect(ids("nacl ephemeral").length).toBeGreaterThanOrEqual(2);
    expect(ids("sg")).toEqual(expect.arrayContaining(ids("security group")));
    expect(ids("tgw")).toEqual(expect.arrayContaining(ids("transit gateway")));
    for (const word of ["vgw", "igw", "eigw", "nat", "pcx", "dx", "gwlb", "vpce", "phz", "tgw", "nlb", "cgw"])
      expect(ids(word), word).not.toEqual([]);
    // A query word that is not an abbreviation still matches anywhere in a word.
    expect(ids("transitiv")).toContain("PCX-02");
  });

  it("matches an abbreviation on its own, not inside another word", () => {
    // "ra" stands for Reachability Analyzer; "transit" or "route" must not make every rule match it.
    expect(searchRules("ra").length).toBeLessThan(RULES.length / 2);
  });

  it("returns the whole catalogue for an empty query", () => {
    expect(searchRules("  ")).toHaveLength(RULES.length);
  });
});

describe("searchRulesRanked", () => {
  it("answers as searchRules does when some rule has every word", () => {
    const found = searchRulesRanked("nacl ephemeral");
    expect(found.kind).toBe("all");
    expect(found.rules.map((rule) => rule.id)).toEqual(searchRules("nacl ephemeral").map((rule) => rule.id));
  });

  it("falls back to the rules matching some of the words, the rarer word's rules first", () => {
    const found = searchRulesRanked("sg ephemeral");
    expect(searchRules("sg ephemeral")).toEqual([]);
    expect(found.kind).toBe("some");
    if (found.kind !== "some") return;
    const ephemeral = searchRules("ephemeral").map((rule) => rule.id);
    expect(ephemeral.length).toBeGreaterThan(0);
    expect(found.rules.slice(0, ephemeral.length).map((rule) => rule.id)).toEqual(ephemeral);
    expect(found.rules.map((rule) => rule.id)).toEqual(
      expect.arrayContaining(searchRules("sg").map((rule) => rule.id)),
    );
    expect(found.perWord).toEqual([
      { word: "sg", count: searchRules("sg").length },
      { word: "ephemeral", count: ephemeral.length },
    ]);
  });

  it("ranks a rule matching more of the words above one matching fewer", () => {
    const found = searchRulesRanked("transitive peering zzzz-no-such-word");
    expect(found.kind).toBe("some");
    const both = searchRules("transitive peering").map((rule) => rule.id);
    expect(found.rules.slice(0, both.length).map((rule) => rule.id)).toEqual(both);
  });

  it("finds nothing, and says which words matched nothing, when no word matches", () => {
    const found = searchRulesRanked("zzzz qqqq");
    expect(found).toEqual({
      kind: "some",
      rules: [],
      perWord: [
        { word: "zzzz", count: 0 },
        { word: "qqqq", count: 0 },
      ],
    });
    expect(searchRulesRanked("zzzz")).toEqual({ kind: "all", rules: [] });
  });
});

describe("splitAtRuleIds", () => {
  it("splits a text at catalogued IDs and leaves unknown ones as text", () => {
    const parts = splitAtCataloguedRuleIds("Blocked (PCX-02, XYZ-99); see SG-01.");
    expect(parts.map((part) => (part.kind === "rule" ? `[${part.id}]` : part.text)).join("")).toBe(
      "Blocked ([PCX-02], XYZ-99); see [SG-01].",
    );
    expect(splitAtRuleIds("no rules here")).toEqual([{ kind: "text", text: "no rules here" }]);
  });

  it("without a catalogue, splits at every ID-shaped token but not inside longer words", () => {
    const parts = splitAtRuleIds("EIGW-01 and AES-256, RFC-1918, XPCX-02a");
    expect(parts.filter((part) => part.kind === "rule").map((part) => part.id)).toEqual(["EIGW-01"]);
  });
});
