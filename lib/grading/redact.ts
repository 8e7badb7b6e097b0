// Server-side: the question a client may see. Built by listing the allowed fields (not by deleting the
// forbidden ones), so a field added to Question later stays on the server until someone allows it here.
import type { Question, QuestionForClient } from "../scenario/question";

export function toClientQuestion(question: Question): QuestionForClient {
  return {
    id: question.id,
    family: question.family,
    seed: question.seed,
    difficulty: question.difficulty,
    concepts: [...question.concepts],
    stem: question.stem,
    ...(question.topology !== undefined ? { topology: question.topology } : {}),
    ...(question.query !== undefined ? { query: { ...question.query } } : {}),
    ...(question.exhibit !== undefined ? { exhibit: question.exhibit } : {}),
    options: question.options.map((option) => ({ id: option.id, text: option.text })),
    ...(question.multiSelect !== undefined ? { multiSelect: question.multiSelect } : {}),
  };
}
