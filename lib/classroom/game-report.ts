// The teacher's report after (or during) a game: per question, how the room did; per player, their points and how
// they did on each concept the questions tested. Derived from the game's context, so it can be rebuilt any time,
// and exported as CSV for a spreadsheet or a gradebook.
import { getAnswerDistribution, getLeaderboard } from "../quiz/classroom-board";
import { answerOf, type ClassroomContext } from "../quiz/classroom-machine";
import type { Question } from "../scenario/question";

export type ConceptTally = { readonly concept: string; readonly answered: number; readonly correct: number };

export type QuestionReport = {
  readonly number: number;
  readonly family: string;
  readonly concepts: readonly string[];
  readonly stem: string;
  /** Players in the game when the question opened (late joiners are not counted as missing it). */
  readonly players: number;
  readonly answered: number;
  readonly correct: number;
  /** How many chose each option, in the question's order (a multiple-response answer counts for each option). */
  readonly options: readonly OptionTally[];
};

export type OptionTally = {
  readonly optionId: string;
  readonly text: string;
  readonly correct: boolean;
  readonly chosen: number;
};

export type PlayerReport = {
  readonly rank: number;
  readonly displayName: string;
  readonly points: number;
  readonly answered: number;
  readonly correct: number;
  readonly concepts: readonly ConceptTally[];
};

export type GameReport = {
  readonly questions: readonly QuestionReport[];
  readonly players: readonly PlayerReport[];
};

function optionTallies(
  question: Question,
  distribution: readonly { readonly optionId: string; readonly count: number }[],
): OptionTally[] {
  const counts = new Map(distribution.map((entry) => [entry.optionId, entry.count]));
  return question.options.map((option) => ({
    optionId: option.id,
    text: option.text,
    correct: question.answer.includes(option.id),
    chosen: counts.get(option.id) ?? 0,
  }));
}

/** `questionOf` turns a question id into its question (the generator is deterministic from the id). */
export function buildGameReport(context: ClassroomContext, questionOf: (id: string) => Question): GameReport {
  const graded = context.rounds.filter((round) => round.correctResponse !== null);
  const questions = graded.map((round) => {
    const question = questionOf(round.questionId);
    return {
      number: round.questionIndex + 1,
      family: question.family,
      concepts: question.concepts,
      stem: question.stem,
      players: context.players.filter((player) => player.joinedAt <= round.openedAt).length,
      answered: round.answers.length,
      correct: round.answers.filter((answer) => answer.correct === true).length,
      options: optionTallies(question, getAnswerDistribution(round)),
    };
  });
  const players = getLeaderboard(context).map((entry) => {
    const tallies = new Map<string, { answered: number; correct: number }>();
    let answered = 0;
    for (const round of graded) {
      const answer = answerOf(round, entry.playerId);
      if (answer === undefined) continue;
      answered += 1;
      for (const concept of questionOf(round.questionId).concepts) {
        const tally = tallies.get(concept) ?? { answered: 0, correct: 0 };
        tally.answered += 1;
        if (answer.correct === true) tally.correct += 1;
        tallies.set(concept, tally);
      }
    }
    return {
      rank: entry.rank,
      displayName: entry.displayName,
      points: entry.points,
      answered,
      correct: entry.correctAnswers,
      concepts: [...tallies.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([concept, tally]) => ({ concept, ...tally })),
    };
  });
  return { questions, players };
}

/** One CSV field: quoted when needed, and a leading =, +, - or @ defused so a spreadsheet shows it as text. */
function field(value: string | number): string {
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const row = (values: readonly (string | number)[]) => values.map(field).join(",");

/**
 * The report as CSV: one row per player and concept they met (concept "(all)" for their totals), then one row
 * per question with how many chose each option ("a*=12 b=3": the key marked *). RFC 4180 quoting, CRLF line ends.
 */
export function gameReportCsv(report: GameReport): string {
  const lines = [
    row([
      "section",
      "rank",
      "player",
      "points",
      "concept",
      "answered",
      "correct",
      "question",
      "family",
      "players",
      "chosen",
    ]),
  ];
  for (const player of report.players) {
    lines.push(
      row([
        "player",
        player.rank,
        player.displayName,
        player.points,
        "(all)",
        player.answered,
        player.correct,
        "",
        "",
        "",
        "",
      ]),
    );
    for (const tally of player.concepts) {
      lines.push(
        row([
          "player",
          player.rank,
          player.displayName,
          "",
          tally.concept,
          tally.answered,
          tally.correct,
          "",
          "",
          "",
          "",
        ]),
      );
    }
  }
  for (const question of report.questions) {
    lines.push(
      row([
        "question",
        "",
        "",
        "",
        question.concepts.join(" "),
        question.answered,
        question.correct,
        question.number,
        question.family,
        question.players,
        question.options
          .map((option) => `${option.optionId}${option.correct ? "*" : ""}=${option.chosen}`)
          .join(" "),
      ]),
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}
