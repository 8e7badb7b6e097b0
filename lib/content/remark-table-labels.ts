// A remark plugin for lessons: each Markdown table is named after the heading it sits under, so its focusable
// scroll box (app/lessons/[slug]/page.tsx) is announced as "Two kinds of endpoint, table" rather than "Table".
// GFM tables have no caption; the nearest preceding ## or ### heading is the title a sighted reader sees.

type MdNode = { type: string; depth?: number; value?: string; children?: MdNode[]; data?: MdData };
type MdData = { hProperties?: Record<string, unknown> };

function textOf(node: MdNode): string {
  if (node.type === "text" || node.type === "inlineCode") return node.value ?? "";
  return (node.children ?? []).map(textOf).join("");
}

/** Walks the tree in document order, naming each table after the last h2/h3 seen before it. */
function labelTables(node: MdNode, heading: { text: string | undefined }): void {
  for (const child of node.children ?? []) {
    if (child.type === "heading" && (child.depth === 2 || child.depth === 3)) {
      heading.text = textOf(child).replace(/\s+/g, " ").trim() || undefined;
    } else if (child.type === "table") {
      if (heading.text !== undefined)
        child.data = { ...child.data, hProperties: { ...child.data?.hProperties, ariaLabel: heading.text } };
    } else {
      labelTables(child, heading);
    }
  }
}

/** `remarkPlugins: [remarkGfm, remarkTableLabels]` */
export function remarkTableLabels() {
  return (tree: MdNode) => {
    labelTables(tree, { text: undefined });
  };
}
