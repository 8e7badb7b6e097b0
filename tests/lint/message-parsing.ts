// Finds code that parses the trace's sentences (see no-message-parsing.test.ts).
import ts from "typescript";

const PARSING_METHODS = new Set([
  "match",
  "matchAll",
  "split",
  "includes",
  "startsWith",
  "endsWith",
  "indexOf",
  "lastIndexOf",
  "search",
  "replace",
  "replaceAll",
  "slice",
  "substring",
]);
const REGEX_METHODS = new Set(["exec", "test"]);

/** `b.message`, `blocker.message`, `analysis.blockers[0]?.message`, `hop.matched?.description`... */
function isTraceSentence(node: ts.Node): boolean {
  if (!ts.isPropertyAccessExpression(node)) return false;
  const receiver = node.expression.getText().replace(/\s+/g, "");
  if (node.name.text === "message") return /(^b$|^x$|blocker)/i.test(receiver);
  if (node.name.text === "description") return /matched\??$/.test(receiver);
  return false;
}

/** The sentence is parsed here: `s.split(…)`, `s.includes(…)`, `re.exec(s)`, `s.match(re)`. */
function parsedAt(node: ts.Node): boolean {
  let use: ts.Node = node;
  // `hop.matched?.description ?? ""` still hands the sentence on.
  while (
    ts.isBinaryExpression(use.parent) &&
    use.parent.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken
  )
    use = use.parent;
  while (ts.isParenthesizedExpression(use.parent)) use = use.parent;
  const parent = use.parent;
  if (
    ts.isPropertyAccessExpression(parent) &&
    parent.expression === use &&
    PARSING_METHODS.has(parent.name.text)
  )
    return true;
  if (
    ts.isCallExpression(parent) &&
    parent.arguments.includes(use as ts.Expression) &&
    ts.isPropertyAccessExpression(parent.expression)
  ) {
    return REGEX_METHODS.has(parent.expression.name.text) || parent.expression.name.text === "match";
  }
  return false;
}

export function findMessageParsing(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (isTraceSentence(node) && parsedAt(node)) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart());
      found.push(`${fileName}:${line + 1}: ${node.parent.getText().slice(0, 80)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}
