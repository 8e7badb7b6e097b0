import { compile } from "@mdx-js/mdx";
import remarkGfm from "remark-gfm";
import { describe, expect, it } from "vitest";
import { CONCEPTS } from "../../lib/content/concepts";
import { classifySource } from "../../lib/content/frontmatter";
import {
  estimateReadingMinutes,
  parseLessons,
  splitFrontmatter,
  TOPOLOGY_EXAMPLES,
  TRY_IT_FAMILIES,
  type Lesson,
  type PropValue,
} from "../../lib/content/lessons";
import { generateQuestion } from "../../lib/scenario/generate";
import { isDifficulty } from "../../lib/scenario/question";
import { generateQuestionForConcept } from "../../lib/scenario/targeted";
import { readLessonFiles } from "./support/course-files";

type MdxNode = {
  type: string;
  name?: string | null;
  attributes?: { type: string; name?: string; value?: string | { value: string } | null }[];
  children?: MdxNode[];
};
type SeenElement = { name: string; props: Record<string, PropValue> };

/** Compiles a body with the real MDX parser and records what it sees, to cross-check our own extractor. */
async function compileAndCollect(body: string): Promise<{ elements: SeenElement[]; forbidden: string[] }> {
  const elements: SeenElement[] = [];
  const forbidden: string[] = [];
  const walk = (node: MdxNode) => {
    if (node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement") {
      const props: Record<string, PropValue> = {};
      for (const attribute of node.attributes ?? []) {
        if (attribute.type !== "mdxJsxAttribute" || !attribute.name)
          forbidden.push(`spread attribute on ${node.name}`);
        else
          props[attribute.name] =
            typeof attribute.value === "string" ? attribute.value : Number(attribute.value?.value);
      }
      elements.push({ name: node.name ?? "<>", props });
    }
    if (["mdxjsEsm", "mdxFlowExpression", "mdxTextExpression", "html"].includes(node.type))
      forbidden.push(node.type);
    node.children?.forEach(walk);
  };
  await compile(body, { remarkPlugins: [remarkGfm, () => (tree: MdxNode) => walk(tree)] });
  return { elements, forbidden };
}

const files = readLessonFiles();
const parsed = parseLessons(files);
const lessons: Lesson[] = parsed.ok ? parsed.value : [];

describe("the lesson files", () => {
  it("all parse and validate", () => {
    expect(parsed.ok ? [] : parsed.issues).toEqual([]);
  });

  it("cover the nine required topics in order 01-09", () => {
    expect(lessons.map((lesson) => lesson.order).slice(0, 9)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const slugs = lessons.map((lesson) => lesson.slug).join(" ");
    for (const topic of [
      "route-tables|building-blocks",
      "peering",
      "gateway-endpoints",
      "interface-endpoints",
      "security-groups",
      "flow-logs",
      "egress-only",
      "transit-gateway",
      "exam-strategy",
    ]) {
      expect(slugs).toMatch(new RegExp(topic));
    }
  });

  it.each(files.map((file) => [file.fileName, file.source] as const))(
    "%s compiles as MDX with only the allowed components",
    async (_name, source) => {
      const split = splitFrontmatter(source);
      if (!split.ok) throw new Error("no frontmatter");
      const { elements, forbidden } = await compileAndCollect(split.value.body);
      expect(forbidden).toEqual([]);
      const lesson = lessons.find((candidate) => candidate.fileName === _name);
      // Our regex extractor must see exactly what the MDX parser sees, or its checks would be checking something else.
      expect(elements).toEqual(lesson?.components.map(({ name, props }) => ({ name, props })));
    },
  );

  it.each(lessons.map((lesson) => [lesson.fileName, lesson] as const))(
    "%s ends with a recap and 3-5 TryIt questions",
    (_name, lesson) => {
      const h2 = lesson.headings.filter((heading) => heading.depth === 2).map((heading) => heading.text);
      expect(h2.slice(-2)).toEqual(["Recap", "Check yourself"]);
      const tryIts = lesson.components.filter((component) => component.name === "TryIt");
      expect(tryIts.length).toBeGreaterThanOrEqual(3);
      expect(tryIts.length).toBeLessThanOrEqual(5);
      expect(lesson.body.trimEnd().split("\n").at(-1)).toMatch(/^<TryIt .*\/>$/);
      expect(h2.length).toBeGreaterThanOrEqual(6);
    },
  );

  it.each(lessons.map((lesson) => [lesson.fileName, lesson] as const))(
    "%s has unique heading anchors for its table of contents",
    (_name, lesson) => {
      const ids = lesson.headings.map((heading) => heading.id);
      expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
      expect(ids.every((id) => /^[a-z0-9-]+$/.test(id))).toBe(true);
    },
  );

  it("use only the example topologies and question families that lesson-body.ts lists", () => {
    const examples = lessons.flatMap((lesson) =>
      lesson.components.filter((c) => c.name === "Topology").map((c) => c.props.example),
    );
    const families = lessons.flatMap((lesson) =>
      lesson.components.filter((c) => c.name === "TryIt").map((c) => c.props.family),
    );
    expect(
      examples.filter((example) => !(TOPOLOGY_EXAMPLES as readonly unknown[]).includes(example)),
    ).toEqual([]);
    expect(families.filter((family) => !(TRY_IT_FAMILIES as readonly unknown[]).includes(family))).toEqual(
      [],
    );
    // Every example topology is drawn somewhere in the course.
    expect(new Set(examples)).toEqual(new Set(TOPOLOGY_EXAMPLES));
  });

  it("give every TryIt its own seed so no two inline questions repeat", () => {
    const keys = lessons.flatMap((lesson) =>
      lesson.components.filter((c) => c.name === "TryIt").map((c) => `${c.props.family}/${c.props.seed}`),
    );
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("never ask the same generated question twice across the course", () => {
    // A concept-targeted TryIt scans seeds until a question tests its concept, so two different seeds can land
    // on one question (lesson 6 asked "Where can VPC flow logs be published" twice, for F4 and for F6).
    const ids = lessons.flatMap((lesson) =>
      lesson.components
        .filter((c) => c.name === "TryIt")
        .map(({ props }) => {
          const family = String(props.family);
          const seed = Number(props.seed);
          const difficulty = Number(props.difficulty ?? 1);
          if (!isDifficulty(difficulty)) throw new Error(`${lesson.slug}: difficulty ${difficulty}`);
          const generated =
            props.concept === undefined
              ? generateQuestion(family, seed, difficulty)
              : generateQuestionForConcept(family, seed, difficulty, String(props.concept));
          if (!generated.ok) throw new Error(`${lesson.slug}: ${JSON.stringify(generated.issues)}`);
          return `${lesson.slug}: ${generated.question.id}`;
        }),
    );
    const questionIds = ids.map((entry) => entry.split(": ")[1]);
    expect(ids.filter((_entry, index) => questionIds.indexOf(questionIds[index]) !== index)).toEqual([]);
  });

  it.each(lessons.map((lesson) => [lesson.fileName, lesson] as const))(
    "%s takes 6-15 minutes and its estimate matches its length",
    (_name, lesson) => {
      expect(lesson.frontmatter.minutes).toBeGreaterThanOrEqual(6);
      expect(lesson.frontmatter.minutes).toBeLessThanOrEqual(15);
      const estimate = estimateReadingMinutes(lesson.body);
      expect(lesson.frontmatter.minutes - estimate).toBeGreaterThanOrEqual(-1);
      expect(lesson.frontmatter.minutes - estimate).toBeLessThanOrEqual(3);
    },
  );

  it.each(lessons.map((lesson) => [lesson.fileName, lesson] as const))(
    "%s gives concrete CIDR examples",
    (_name, lesson) => {
      const cidrs =
        lesson.body.match(
          /\b\d{1,3}(?:\.\d{1,3}){3}\/\d{1,2}\b|::\/0|[0-9a-f]{1,4}(?::[0-9a-f]{0,4})+::\/\d{1,3}/g,
        ) ?? [];
      expect(cidrs.length).toBeGreaterThanOrEqual(3);
    },
  );

  it("name the same source notes as the concept checklist, and each cites AWS documentation", () => {
    // Source notes are not part of the repository; the checklist (lib/content/concepts.ts) names them by their
    // NNN prefix, so the lessons together must cite every note the checklist rests on, and no other.
    const named = new Set(
      lessons.flatMap((lesson) =>
        lesson.frontmatter.sources
          .map(classifySource)
          .flatMap((source) => (source.kind === "seed" ? [source.file.slice(0, 3)] : [])),
      ),
    );
    const inChecklist = new Set(CONCEPTS.flatMap((concept) => concept.seeds));
    expect([...named].sort()).toEqual([...inChecklist].sort());
    for (const lesson of lessons) {
      expect(lesson.frontmatter.sources.some((source) => classifySource(source).kind === "doc")).toBe(true);
    }
  });

  it("teach every drift concept in a lesson that has a DriftNote", () => {
    const drift = CONCEPTS.filter((concept) => concept.drift).map((concept) => concept.id);
    expect(drift.length).toBeGreaterThanOrEqual(3);
    for (const id of drift) {
      const withNote = lessons.filter(
        (lesson) =>
          lesson.frontmatter.concepts.includes(id) && lesson.components.some((c) => c.name === "DriftNote"),
      );
      expect(
        withNote.map((lesson) => lesson.slug),
        `drift concept ${id}`,
      ).not.toEqual([]);
    }
  });

  it("state both sides of each drift item in the lesson text", () => {
    const text = (slug: string) => lessons.find((lesson) => lesson.slug.includes(slug))?.body ?? "";
    // Concept F4: Firehose is a third destination; IFE-06: IPv6 and dual-stack; VPN-07 + TGW: IPv6 on TGW VPNs.
    expect(text("flow-logs")).toMatch(/CloudWatch Logs or Amazon S3[\s\S]*Firehose/);
    expect(text("interface-endpoints")).toMatch(/TCP and IPv4 only[\s\S]*dual-stack/);
    // Concept V10: the jumbo MTU of a private VIF, 9001 in older pages, 8500 in current Direct Connect documentation.
    expect(text("direct-connect")).toMatch(/9001[\s\S]*8500|8500[\s\S]*9001/);
    expect(text("exam-strategy")).toMatch(/private VIF MTU[^\n]*9001[^\n]*8500/);
    expect(text("transit-gateway")).toMatch(
      /IPv6[\s\S]*virtual private gateway[\s\S]*transit gateway[\s\S]*IPv6/,
    );
  });
});
