// A printable quiz: questions first, the answer key with explanations at the end.
import { answerInstruction } from "./answer-instruction";
import { exhibitAsMarkdown } from "./exhibit-text";
import { flowEndText } from "./flow-ends";
import type { Question } from "./question";

function flowLine(q: Question): string | undefined {
  if (!q.query) return undefined;
  const port = q.query.port !== undefined ? ` port ${q.query.port}` : "";
  const from = flowEndText(q.topology, q.query.from);
  const to = flowEndText(q.topology, q.query.to);
  return `Flow: from \`${from}\` to \`${to}\`, ${q.query.protocol.toUpperCase()}${port}`;
}

export function renderQuizMarkdown(questions: readonly Question[], seed: number): string {
  const lines: string[] = [`# Reachable quiz (seed ${seed}, ${questions.length} questions)`, ""];
  questions.forEach((q, index) => {
    lines.push(`## ${index + 1}. ${q.family} (difficulty ${q.difficulty})`, "", q.stem, "");
    const flow = flowLine(q);
    if (flow) lines.push(flow, "");
    if (q.exhibit) lines.push(...exhibitAsMarkdown(q.exhibit));
    const instruction = answerInstruction(q);
    if (instruction !== undefined) lines.push(`_${instruction}_`, "");
    for (const option of q.options) lines.push(`- **${option.id.toUpperCase()}.** ${option.text}`);
    lines.push("", `<sub>${q.id}</sub>`, "");
  });
  lines.push("---", "", "# Answer key", "");
  questions.forEach((q, index) => {
    const key = q.answer.map((id) => id.toUpperCase()).join(", ");
    lines.push(`${index + 1}. **${key}**: ${q.explanation.summary}`);
    for (const option of q.options) {
      const mark = q.answer.includes(option.id) ? "right" : "wrong";
      lines.push(`   - ${option.id.toUpperCase()} (${mark}): ${q.explanation.perOption[option.id] ?? ""}`);
    }
    if (q.explanation.rules.length > 0) lines.push(`   - Rules: ${q.explanation.rules.join(", ")}`);
  });
  lines.push("");
  return lines.join("\n");
}
