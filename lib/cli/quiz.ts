// `reachable quiz --family <name|all> --count N --seed S [--difficulty 1-3] --format json|md|gift`.
// bin/reachable.js (owned elsewhere) calls runQuizCli with the arguments after "quiz". Bad input exits 2
// with one line naming the flag.
import { oneLine } from "./io";
import { renderQuizGift } from "../scenario/export-gift";
import { renderQuizJson } from "../scenario/export-json";
import { renderQuizMarkdown } from "../scenario/export-markdown";
import type { Family } from "../scenario/family";
import { FAMILIES, familyNames, findFamily } from "../scenario/registry";
import { isDifficulty, MAX_SEED, type Difficulty, type Question } from "../scenario/question";

export type Writer = { write: (chunk: string) => unknown };
export type QuizCliIo = { stdout: Writer; stderr: Writer };
export type QuizFormat = "json" | "md" | "gift";

export type QuizOptions = {
  readonly families: readonly Family[];
  readonly count: number;
  readonly seed: number;
  readonly difficulty?: Difficulty;
  readonly format: QuizFormat;
};

const MAX_COUNT = 10_000;

const USAGE =
  "usage: reachable quiz [--family <name|all>] [--count N] [--seed S] [--difficulty 1-3] [--format json|md|gift]";

type ParseResult = { ok: true; options: QuizOptions } | { ok: false; message: string } | { ok: "help" };

export function parseQuizArgs(argv: readonly string[]): ParseResult {
  const args = argv[0] === "quiz" ? argv.slice(1) : argv.slice();
  const values = new Map<string, string>();
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] as string;
    if (arg === "--help" || arg === "-h") return { ok: "help" };
    const eq = arg.indexOf("=");
    const flag = eq >= 0 ? arg.slice(0, eq) : arg;
    if (!["--family", "--count", "--seed", "--difficulty", "--format"].includes(flag)) {
      return { ok: false, message: `unknown argument "${arg}"` };
    }
    const value = eq >= 0 ? arg.slice(eq + 1) : args[i + 1];
    if (value === undefined || (eq < 0 && value.startsWith("--")))
      return { ok: false, message: `${flag} needs a value` };
    if (eq < 0) i += 1;
    values.set(flag, value);
  }

  const familyArg = values.get("--family") ?? "all";
  let families: readonly Family[];
  if (familyArg === "all") families = FAMILIES;
  else {
    const family = findFamily(familyArg);
    if (!family)
      return {
        ok: false,
        message: `--family: unknown family "${familyArg}" (known: all, ${familyNames().join(", ")})`,
      };
    families = [family];
  }

  const count = parseInteger(values.get("--count") ?? "10");
  if (count === undefined || count < 1 || count > MAX_COUNT) {
    return {
      ok: false,
      message: `--count must be an integer from 1 to ${MAX_COUNT}, got "${values.get("--count") ?? ""}"`,
    };
  }
  const seed = parseInteger(values.get("--seed") ?? "1");
  if (seed === undefined || seed < 0 || seed > MAX_SEED) {
    return {
      ok: false,
      message: `--seed must be an integer from 0 to ${MAX_SEED}, got "${values.get("--seed") ?? ""}"`,
    };
  }
  const difficultyArg = values.get("--difficulty");
  let difficulty: Difficulty | undefined;
  if (difficultyArg !== undefined) {
    const parsed = parseInteger(difficultyArg);
    if (!isDifficulty(parsed))
      return { ok: false, message: `--difficulty must be 1, 2 or 3, got "${difficultyArg}"` };
    difficulty = parsed;
    const unsupported = families.filter((family) => !family.difficulties.includes(parsed));
    if (families.length === 1 && unsupported.length === 1) {
      return { ok: false, message: `--difficulty ${parsed} is not offered by family "${families[0]?.name}"` };
    }
    families = families.filter((family) => family.difficulties.includes(parsed));
  }
  const format = values.get("--format") ?? "json";
  if (format !== "json" && format !== "md" && format !== "gift") {
    return { ok: false, message: `--format must be json, md or gift, got "${format}"` };
  }
  return {
    ok: true,
    options: { families, count, seed, format, ...(difficulty !== undefined ? { difficulty } : {}) },
  };
}

function parseInteger(text: string): number | undefined {
  return /^(0|[1-9][0-9]{0,9})$/.test(text) ? Number(text) : undefined;
}

/** Question i uses family i mod F, seed S + i (mod 2^32), and the given difficulty or a rotating one. */
export function generateQuiz(options: QuizOptions): Question[] {
  const questions: Question[] = [];
  const familyCount = options.families.length;
  for (let i = 0; i < options.count; i += 1) {
    const family = options.families[i % familyCount] as Family;
    const seed = (options.seed + i) % (MAX_SEED + 1);
    const round = Math.floor(i / familyCount);
    const difficulty = options.difficulty ?? family.difficulties[round % family.difficulties.length];
    if (difficulty === undefined) throw new Error(`quiz: the ${family.name} family offers no difficulty`);
    questions.push(family.generate(seed, difficulty));
  }
  return questions;
}

export function renderQuiz(
  questions: readonly Question[],
  options: Pick<QuizOptions, "format" | "seed">,
): string {
  switch (options.format) {
    case "json":
      return renderQuizJson(questions, options.seed);
    case "md":
      return renderQuizMarkdown(questions, options.seed);
    case "gift":
      return renderQuizGift(questions);
  }
}

export function runQuizCli(argv: readonly string[], io: QuizCliIo): number {
  const parsed = parseQuizArgs(argv);
  if (parsed.ok === "help") {
    io.stdout.write(`${USAGE}\nfamilies: ${familyNames().join(", ")}\n`);
    return 0;
  }
  if (!parsed.ok) {
    io.stderr.write(`reachable quiz: ${oneLine(parsed.message)}\n`);
    return 2;
  }
  io.stdout.write(renderQuiz(generateQuiz(parsed.options), parsed.options));
  return 0;
}
