// A remark plugin for lessons: every catalogued rule ID in running text becomes a link to its page on /rules.
// Code, existing links and headings are left alone (a heading's text is also its anchor and table-of-contents entry).
import { ruleHref, splitAtRuleIds } from "./rule-id";

type MdNode = { type: string; value?: string; url?: string; children?: MdNode[] };

const SKIPPED = new Set([
  "code",
  "inlineCode",
  "link",
  "linkReference",
  "heading",
  "mdxJsxFlowElement",
  "mdxJsxTextElement",
]);

function linkIds(node: MdNode, isKnown: (id: string) => boolean): void {
  if (!node.children) return;
  node.children = node.children.flatMap((child): MdNode[] => {
    if (SKIPPED.has(child.type)) return [child];
    if (child.type !== "text" || child.value === undefined) {
      linkIds(child, isKnown);
      return [child];
    }
    return splitAtRuleIds(child.value, isKnown).map((part) =>
      part.kind === "text"
        ? { type: "text", value: part.text }
        : { type: "link", url: ruleHref(part.id), children: [{ type: "text", value: part.id }] },
    );
  });
}

/** `remarkPlugins: [remarkGfm, remarkRuleLinks(isRuleId)]` */
export function remarkRuleLinks(isKnown: (id: string) => boolean) {
  return () => (tree: MdNode) => {
    linkIds(tree, isKnown);
  };
}
