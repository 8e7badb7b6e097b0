// Moodle GIFT export. GIFT's special characters ~ = # { } : must be escaped with a backslash (and the
// backslash itself); newlines inside a question become the \n escape so a blank line never splits one.
import { exhibitAsText } from "./exhibit-text";
import { flowEndText } from "./flow-ends";
import type { Question } from "./question";

export function escapeGift(text: string): string {
  return text.replace(/[\\~=#{}:]/g, (ch) => `\\${ch}`).replace(/\r?\n/g, "\\n");
}

function giftQuestion(q: Question, index: number): string {
  const title = escapeGift(`Q${index + 1} ${q.id}`);
  const parts: string[] = [q.stem];
  if (q.query) {
    const port = q.query.port !== undefined ? ` port ${q.query.port}` : "";
    parts.push(
      `Flow: from ${flowEndText(q.topology, q.query.from)} to ${flowEndText(q.topology, q.query.to)}, ${q.query.protocol.toUpperCase()}${port}`,
    );
  }
  if (q.exhibit) parts.push("", ...exhibitAsText(q.exhibit));
  const stem = escapeGift(parts.join("\n"));
  const keyCount = q.answer.length;
  const answers = q.options.map((option) => {
    const correct = q.answer.includes(option.id);
    const feedback = escapeGift(q.explanation.perOption[option.id] ?? "");
    const text = escapeGift(option.text);
    if (q.multiSelect === true) {
      const weight = correct ? giftWeight(100 / keyCount) : "-100";
      return `\t~%${weight}%${text}#${feedback}`;
    }
    return `\t${correct ? "=" : "~"}${text}#${feedback}`;
  });
  const general = escapeGift(q.explanation.summary);
  return `// ${q.id}\n::${title}::${stem} {\n${answers.join("\n")}\n\t####${general}\n}\n`;
}

/** Moodle accepts a fixed list of percentages; 100/3 is written 33.33333. */
function giftWeight(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(5);
}

export function renderQuizGift(questions: readonly Question[]): string {
  return questions.map((q, index) => giftQuestion(q, index)).join("\n");
}
