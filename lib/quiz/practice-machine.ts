// Self-study practice: choose what to practise, then question -> answer -> feedback -> next, until
// the learner finishes or the chosen number of questions is done. The server loads questions, grades answers
// and feeds the results in as events; the machine never sees a question body or an answer key.
import { assign, not, setup } from "xstate";
import { blamedConcepts } from "./blame";
import { addToTallies, type ConceptTallies } from "./concept-tallies";
import { findSettingsIssues, type PracticeSettings } from "./practice-settings";
import { appendRefusal, type Refusal, type RefusalCode } from "./refusal";

/** One question of the session; the response and verdict are filled in as the learner answers. */
export type PracticeAttempt = {
  readonly questionId: string;
  readonly seed: number;
  readonly family: string;
  /** Concept ids the question assesses (lib/content/concepts.ts), for the per-concept tallies. */
  readonly concepts: readonly string[];
  readonly askedAt: number;
  readonly response: readonly string[] | null;
  readonly submittedAt: number | null;
  readonly correct: boolean | null;
  readonly gradedAt: number | null;
};

export type PracticeContext = {
  readonly settings: PracticeSettings | null;
  readonly startedAt: number | null;
  readonly finishedAt: number | null;
  /** In the order asked; while a question is on screen it is the last entry. */
  readonly asked: readonly PracticeAttempt[];
  readonly tallies: ConceptTallies;
  readonly refusals: readonly Refusal[];
};

export type PracticeEvent =
  | { readonly type: "settings.submit"; readonly settings: PracticeSettings; readonly now: number }
  | {
      readonly type: "question.loaded";
      readonly questionId: string;
      readonly seed: number;
      readonly family: string;
      readonly concepts: readonly string[];
      readonly now: number;
    }
  | {
      readonly type: "answer.submit";
      readonly questionId: string;
      readonly response: readonly string[];
      readonly now: number;
    }
  | {
      readonly type: "answer.graded";
      readonly questionId: string;
      readonly correct: boolean;
      readonly now: number;
    }
  | { readonly type: "question.next"; readonly now: number }
  | { readonly type: "session.finish"; readonly now: number };

type RefuseParams = { readonly code: RefusalCode; readonly message: string };

/** The question on screen (or last shown); undefined before the first one is loaded. */
export function currentPracticeAttempt(context: PracticeContext): PracticeAttempt | undefined {
  return context.asked[context.asked.length - 1];
}

function replaceCurrent(
  context: PracticeContext,
  update: Partial<PracticeAttempt>,
): readonly PracticeAttempt[] {
  const current = currentPracticeAttempt(context);
  if (current === undefined) throw new Error("practice: no current question to update");
  return [...context.asked.slice(0, -1), { ...current, ...update }];
}

const notNow = (event: PracticeEvent): RefuseParams => ({
  code: "not-accepted-now",
  message: `${event.type} is not accepted at this point of the practice session`,
});

export const practiceMachine = setup({
  types: {
    context: {} as PracticeContext,
    events: {} as PracticeEvent,
  },
  guards: {
    areSettingsValid: ({ event }) =>
      event.type === "settings.submit" && findSettingsIssues(event.settings).length === 0,
    // never repeat the same seed in a session.
    isSeedFresh: ({ context, event }) =>
      event.type === "question.loaded" && !context.asked.some((attempt) => attempt.seed === event.seed),
    isQuestionFresh: ({ context, event }) =>
      event.type === "question.loaded" &&
      !context.asked.some((attempt) => attempt.questionId === event.questionId),
    isSameQuestion: ({ context, event }) =>
      (event.type === "answer.submit" || event.type === "answer.graded") &&
      currentPracticeAttempt(context)?.questionId === event.questionId,
    isResponseNonEmpty: ({ event }) => event.type === "answer.submit" && event.response.length > 0,
    isAnswerCorrect: ({ event }) => event.type === "answer.graded" && event.correct,
    hasMoreQuestions: ({ context }) =>
      context.settings?.questionLimit === null ||
      context.asked.length < (context.settings?.questionLimit ?? 0),
  },
  actions: {
    startSession: assign(({ event }) =>
      event.type === "settings.submit" ? { settings: event.settings, startedAt: event.now } : {},
    ),
    recordQuestion: assign(({ context, event }) => {
      if (event.type !== "question.loaded") return {};
      const attempt: PracticeAttempt = {
        questionId: event.questionId,
        seed: event.seed,
        family: event.family,
        concepts: event.concepts,
        askedAt: event.now,
        response: null,
        submittedAt: null,
        correct: null,
        gradedAt: null,
      };
      return { asked: [...context.asked, attempt] };
    }),
    recordResponse: assign(({ context, event }) =>
      event.type === "answer.submit"
        ? { asked: replaceCurrent(context, { response: event.response, submittedAt: event.now }) }
        : {},
    ),
    recordGrade: assign(({ context, event }) => {
      if (event.type !== "answer.graded") return {};
      const concepts = currentPracticeAttempt(context)?.concepts ?? [];
      // A miss counts against the concept the question is about, not every concept in its scenario.
      const counted = event.correct ? concepts : blamedConcepts(concepts);
      return {
        asked: replaceCurrent(context, { correct: event.correct, gradedAt: event.now }),
        tallies: addToTallies(context.tallies, counted, event.correct),
      };
    }),
    recordFinish: assign(({ event }) => ({ finishedAt: event.now })),
    refuse: assign(({ context, event }, params: RefuseParams) => ({
      refusals: appendRefusal(context.refusals, { ...params, eventType: event.type, at: event.now }),
    })),
  },
}).createMachine({
  id: "practice",
  initial: "choosing",
  context: { settings: null, startedAt: null, finishedAt: null, asked: [], tallies: {}, refusals: [] },
  // Fallbacks: any event the active state does not take is refused with a message, never dropped silently.
  on: {
    "settings.submit": { actions: { type: "refuse", params: ({ event }) => notNow(event) } },
    "question.loaded": { actions: { type: "refuse", params: ({ event }) => notNow(event) } },
    "answer.submit": { actions: { type: "refuse", params: ({ event }) => notNow(event) } },
    "answer.graded": { actions: { type: "refuse", params: ({ event }) => notNow(event) } },
    "question.next": { actions: { type: "refuse", params: ({ event }) => notNow(event) } },
    "session.finish": { target: ".finished", actions: "recordFinish" },
  },
  states: {
    choosing: {
      on: {
        "settings.submit": [
          {
            guard: not("areSettingsValid"),
            actions: {
              type: "refuse",
              params: ({ event }) => ({
                code: "invalid-settings",
                message: findSettingsIssues(event.settings)
                  .map((issue) => `${issue.path}: ${issue.message}`)
                  .join("; "),
              }),
            },
          },
          { target: "loading", actions: "startSession" },
        ],
      },
    },
    /** Waiting for the server to pick and send the next question (it may call pickNextFocus). */
    loading: {
      on: {
        "question.loaded": [
          {
            guard: not("isSeedFresh"),
            actions: {
              type: "refuse",
              params: { code: "seed-repeated", message: "this seed was already asked in this session" },
            },
          },
          {
            guard: not("isQuestionFresh"),
            actions: {
              type: "refuse",
              params: {
                code: "question-repeated",
                message: "this question id was already asked in this session",
              },
            },
          },
          { target: "asking", actions: "recordQuestion" },
        ],
      },
    },
    asking: {
      on: {
        "answer.submit": [
          {
            guard: not("isSameQuestion"),
            actions: {
              type: "refuse",
              params: {
                code: "not-current-question",
                message: "this answer is for a question that is not on screen",
              },
            },
          },
          {
            guard: not("isResponseNonEmpty"),
            actions: {
              type: "refuse",
              params: { code: "invalid-answer", message: "choose at least one option" },
            },
          },
          { target: "grading", actions: "recordResponse" },
        ],
      },
    },
    /** The answer is with the server; its verdict arrives as answer.graded. */
    grading: {
      on: {
        "answer.submit": {
          actions: {
            type: "refuse",
            params: { code: "already-answered", message: "this question was already answered" },
          },
        },
        "answer.graded": [
          {
            guard: not("isSameQuestion"),
            actions: {
              type: "refuse",
              params: {
                code: "not-current-question",
                message: "this grade is for a question that is not being graded",
              },
            },
          },
          { guard: "isAnswerCorrect", target: "answered.correct", actions: "recordGrade" },
          { target: "answered.wrong", actions: "recordGrade" },
        ],
      },
    },
    /** Feedback on screen: right or wrong, with the explanation the server renders. */
    answered: {
      // Always entered through answer.graded, which names the child; `initial` only satisfies the statechart rules.
      initial: "wrong",
      states: { correct: {}, wrong: {} },
      on: {
        "answer.submit": {
          actions: {
            type: "refuse",
            params: { code: "already-answered", message: "this question was already answered" },
          },
        },
        "question.next": [
          { guard: "hasMoreQuestions", target: "loading" },
          { target: "finished", actions: "recordFinish" },
        ],
      },
    },
    /** The summary: read it with summarizePractice(context). */
    finished: { type: "final" },
  },
});
