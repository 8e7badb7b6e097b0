import { isValidElement, type ReactNode } from "react";
import { slugifyHeading } from "@/lib/content/lessons";

function textOf(node: ReactNode): string {
  if (typeof node === "string" || typeof node === "number") return String(node);
  if (Array.isArray(node)) return node.map(textOf).join("");
  if (isValidElement<{ children?: ReactNode }>(node)) return textOf(node.props.children);
  return "";
}

/** Headings carry the same ids as the table of contents computed from the MDX source. */
export function H2({ children }: { children?: ReactNode }) {
  return <h2 id={slugifyHeading(textOf(children))}>{children}</h2>;
}

export function H3({ children }: { children?: ReactNode }) {
  return <h3 id={slugifyHeading(textOf(children))}>{children}</h3>;
}
