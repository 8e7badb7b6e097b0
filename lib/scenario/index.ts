// Public API of the question generator (see docs/quiz-format.md). Grading lives in lib/grading/.
export { createRng, hashString, type Rng } from "./rng";
export {
  DIFFICULTIES,
  MAX_SEED,
  formatQuestionId,
  parseQuestionId,
  isDifficulty,
  type Difficulty,
  type Question,
  type QuestionForClient,
  type QuestionOption,
  type Explanation,
  type OptionId,
  type ParsedQuestionId,
} from "./question";
export type { Family } from "./family";
export { FAMILIES, findFamily, familyNames } from "./registry";
export { generateQuestion, questionFromId, type GenerateResult } from "./generate";
export {
  exportQuestion,
  renderQuizJson,
  QUIZ_FORMAT_VERSION,
  type QuizExport,
  type ExportedQuestion,
} from "./export-json";
export { renderQuizMarkdown } from "./export-markdown";
export { renderQuizGift, escapeGift } from "./export-gift";
export { benchGenerator, type GeneratorBenchResult, type BenchOptions } from "./bench";
export { verifyQuestion } from "./verify";
export {
  decideEndpoint,
  type EndpointScenario,
  type EndpointChoice,
  type EndpointDecision,
} from "./endpoint-rules";
