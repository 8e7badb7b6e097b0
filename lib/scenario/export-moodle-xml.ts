// Moodle XML export (Question bank → Import → Moodle XML format): one multichoice question per Reachable
// question, the stem and exhibit as HTML, each option with its feedback, the summary as general feedback.
// A multiple-response question gives each right option an equal share of 100 % and each wrong one -100 %, so
// choosing everything scores nothing (as in the GIFT export).
import { answerInstruction } from "./answer-instruction";
import { exhibitAsText } from "./exhibit-text";
import { flowEndText } from "./flow-ends";
import type { Question } from "./question";

/** Text as XML character data (element content or a double-quoted attribute). */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** The question's body as HTML: the stem, the flow asked about, and the exhibit as preformatted text. */
export function questionBodyHtml(q: Question): string {
  const parts = [`<p>${escapeXml(q.stem)}</p>`];
  if (q.query) {
    const port = q.query.port !== undefined ? ` port ${q.query.port}` : "";
    parts.push(
      `<p>Flow: from <code>${escapeXml(flowEndText(q.topology, q.query.from))}</code> to <code>${escapeXml(flowEndText(q.topology, q.query.to))}</code>, ` +
        `${escapeXml(q.query.protocol.toUpperCase())}${port}</p>`,
    );
  }
  if (q.exhibit) parts.push(`<pre>${escapeXml(exhibitAsText(q.exhibit).join("\n"))}</pre>`);
  const instruction = answerInstruction(q);
  if (instruction !== undefined) parts.push(`<p><em>${escapeXml(instruction)}</em></p>`);
  return parts.join("");
}

/** Moodle accepts a fixed list of percentages; 100/3 is written 33.33333. */
function fraction(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(5);
}

function htmlText(tag: string, html: string, indent: string): string {
  return `${indent}<${tag} format="html"><text>${escapeXml(html)}</text></${tag}>`;
}

function moodleQuestion(q: Question, index: number): string {
  const multi = q.multiSelect === true;
  const answers = q.options.map((option) => {
    const correct = q.answer.includes(option.id);
    const weight = correct ? fraction(100 / q.answer.length) : multi ? "-100" : "0";
    return [
      `    <answer fraction="${weight}" format="html">`,
      `      <text>${escapeXml(escapeXml(option.text))}</text>`,
      htmlText("feedback", escapeXml(q.explanation.perOption[option.id] ?? ""), "      "),
      "    </answer>",
    ].join("\n");
  });
  return [
    `  <!-- ${escapeXml(q.id).replace(/--/g, "- -")} -->`,
    '  <question type="multichoice">',
    `    <name><text>${escapeXml(`Q${index + 1} ${q.id}`)}</text></name>`,
    htmlText("questiontext", questionBodyHtml(q), "    "),
    htmlText("generalfeedback", `<p>${escapeXml(q.explanation.summary)}</p>`, "    "),
    "    <defaultgrade>1</defaultgrade>",
    "    <penalty>0</penalty>",
    "    <hidden>0</hidden>",
    `    <idnumber>${escapeXml(q.id)}</idnumber>`,
    `    <single>${multi ? "false" : "true"}</single>`,
    "    <shuffleanswers>false</shuffleanswers>",
    "    <answernumbering>abc</answernumbering>",
    ...answers,
    "  </question>",
  ].join("\n");
}

export function renderQuizMoodleXml(questions: readonly Question[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    "<quiz>",
    ...questions.map((q, index) => moodleQuestion(q, index)),
    "</quiz>",
    "",
  ].join("\n");
}
