// The timed mock exam: move freely between questions, change answers until submission, flag for
// review, a review screen, and a hard deadline held as absolute epoch ms. Every event carries `now`; an event
// at or after the deadline does not take effect and submits the exam instead, so a late answer never counts.
import { assign, not, setup } from "xstate";
import type { ExamInput } from "./exam-config";
import { appendRefusal, type Refusal, type RefusalCode } from "./refusal";

export type ExamContext = {
  readonly examSeed: number;
  readonly questionIds: readonly string[];
  readonly startedAt: number;
  readonly deadline: number;
  readonly currentIndex: number;
  /** Chosen option ids per question id; a question without an entry is unanswered. */
  readonly answers: Readonly<Record<string, readonly string[]>>;
  /** Flagged question ids, in the order flagged. */
  readonly flagged: readonly string[];
  /**
   * Server time the question on screen was shown (the event that showed it); null on the review screen and after
   * submission. Time per question is measured from these server timestamps, never from the browser.
   */
  readonly shownSince: number | null;
  /** Milliseconds each question id was on screen, summed over every visit. */
  readonly timeOnQuestionMs: Readonly<Record<string, number>>;
  /** Server time of the latest answer chosen per question id. */
  readonly answeredAt: Readonly<Record<string, number>>;
  readonly submittedAt: number | null;
  readonly endedBy: "learner" | "timeout" | null;
  readonly refusals: readonly Refusal[];
};

export type ExamEvent =
  | { readonly type: "question.goto"; readonly index: number; readonly now: number }
  | { readonly type: "question.next"; readonly now: number }
  | { readonly type: "question.previous"; readonly now: number }
  | {
      readonly type: "answer.select";
      readonly questionId: string;
      readonly optionIds: readonly string[];
      readonly now: number;
    }
  | { readonly type: "answer.clear"; readonly questionId: string; readonly now: number }
  | { readonly type: "question.flag"; readonly questionId: string; readonly now: number }
  | { readonly type: "question.unflag"; readonly questionId: string; readonly now: number }
  | { readonly type: "review.open"; readonly now: number }
  | { readonly type: "review.close"; readonly now: number }
  | { readonly type: "exam.submit"; readonly now: number }
  | { readonly type: "timer.tick"; readonly now: number }
  | { readonly type: "timer.expired"; readonly now: number };

type RefuseParams = { readonly code: RefusalCode; readonly message: string };

const refuse = (code: RefusalCode, message: string) => ({
  type: "refuse" as const,
  params: { code, message },
});

// Checked first on every event of a running exam: past the deadline nothing else may happen.
const submitOnTimeout = {
  guard: "isPastDeadline" as const,
  target: "#exam.submitted",
  actions: "submitByTimeout" as const,
};

/** The time on screen of the question being left, added to its total. */
function timeAfterLeaving(context: ExamContext, until: number): Readonly<Record<string, number>> {
  const id = context.questionIds[context.currentIndex];
  if (context.shownSince === null || id === undefined) return context.timeOnQuestionMs;
  const spent = Math.max(0, until - context.shownSince);
  return { ...context.timeOnQuestionMs, [id]: (context.timeOnQuestionMs[id] ?? 0) + spent };
}

const questionInExam = (action: "recordAnswer" | "clearAnswer" | "flagQuestion" | "unflagQuestion") => [
  submitOnTimeout,
  {
    guard: not("isQuestionInExam"),
    actions: refuse("not-in-session", "this question is not part of this exam"),
  },
  { actions: action },
];

export const examMachine = setup({
  types: {
    context: {} as ExamContext,
    events: {} as ExamEvent,
    input: {} as ExamInput,
  },
  guards: {
    isPastDeadline: ({ context, event }) => event.now >= context.deadline,
    isQuestionInExam: ({ context, event }) =>
      "questionId" in event && context.questionIds.includes(event.questionId),
    hasOptions: ({ event }) => event.type === "answer.select" && event.optionIds.length > 0,
    hasNextQuestion: ({ context }) => context.currentIndex < context.questionIds.length - 1,
    hasPreviousQuestion: ({ context }) => context.currentIndex > 0,
    isIndexInRange: ({ context, event }) =>
      event.type === "question.goto" &&
      Number.isInteger(event.index) &&
      event.index >= 0 &&
      event.index < context.questionIds.length,
  },
  actions: {
    recordAnswer: assign(({ context, event }) =>
      event.type === "answer.select"
        ? {
            answers: { ...context.answers, [event.questionId]: event.optionIds },
            answeredAt: { ...context.answeredAt, [event.questionId]: event.now },
          }
        : {},
    ),
    clearAnswer: assign(({ context, event }) => {
      if (event.type !== "answer.clear") return {};
      const { [event.questionId]: _cleared, ...answers } = context.answers;
      return { answers };
    }),
    flagQuestion: assign(({ context, event }) =>
      event.type === "question.flag" && !context.flagged.includes(event.questionId)
        ? { flagged: [...context.flagged, event.questionId] }
        : {},
    ),
    unflagQuestion: assign(({ context, event }) =>
      event.type === "question.unflag"
        ? { flagged: context.flagged.filter((id) => id !== event.questionId) }
        : {},
    ),
    goNext: assign(({ context, event }) => ({
      currentIndex: context.currentIndex + 1,
      timeOnQuestionMs: timeAfterLeaving(context, event.now),
      shownSince: event.now,
    })),
    goPrevious: assign(({ context, event }) => ({
      currentIndex: context.currentIndex - 1,
      timeOnQuestionMs: timeAfterLeaving(context, event.now),
      shownSince: event.now,
    })),
    goTo: assign(({ context, event }) =>
      event.type === "question.goto"
        ? {
            currentIndex: event.index,
            timeOnQuestionMs: timeAfterLeaving(context, event.now),
            shownSince: event.now,
          }
        : {},
    ),
    openReview: assign(({ context, event }) => ({
      timeOnQuestionMs: timeAfterLeaving(context, event.now),
      shownSince: null,
    })),
    closeReview: assign(({ event }) => ({ shownSince: event.now })),
    submitByLearner: assign(({ context, event }) => ({
      submittedAt: event.now,
      endedBy: "learner" as const,
      timeOnQuestionMs: timeAfterLeaving(context, event.now),
      shownSince: null,
    })),
    submitByTimeout: assign(({ context, event }) => {
      // The exam ended at the deadline whenever the late event arrived; the event's own effect is refused.
      const isOwnEffectLost = !(
        event.type === "timer.tick" ||
        event.type === "timer.expired" ||
        event.type === "exam.submit"
      );
      return {
        submittedAt: context.deadline,
        endedBy: "timeout" as const,
        timeOnQuestionMs: timeAfterLeaving(context, Math.min(event.now, context.deadline)),
        shownSince: null,
        refusals: isOwnEffectLost
          ? appendRefusal(context.refusals, {
              code: "past-deadline",
              message: "the time is up: this was not recorded and the exam has been submitted",
              eventType: event.type,
              at: event.now,
            })
          : context.refusals,
      };
    }),
    refuse: assign(({ context, event }, params: RefuseParams) => ({
      refusals: appendRefusal(context.refusals, { ...params, eventType: event.type, at: event.now }),
    })),
  },
}).createMachine({
  id: "exam",
  initial: "inProgress",
  context: ({ input }) => ({
    examSeed: input.examSeed,
    questionIds: input.questionIds,
    startedAt: input.startedAt,
    deadline: input.deadline,
    currentIndex: 0,
    answers: {},
    flagged: [],
    shownSince: input.startedAt,
    timeOnQuestionMs: {},
    answeredAt: {},
    submittedAt: null,
    endedBy: null,
    refusals: [],
  }),
  states: {
    inProgress: {
      initial: "answering",
      states: {
        /** One question on screen: context.currentIndex. */
        answering: {},
        /** The review screen: read getExamReview(context) for the unanswered and flagged lists. */
        reviewing: {},
      },
      on: {
        "answer.select": [
          submitOnTimeout,
          {
            guard: not("isQuestionInExam"),
            actions: refuse("not-in-session", "this question is not part of this exam"),
          },
          { guard: not("hasOptions"), actions: refuse("invalid-answer", "choose at least one option") },
          { actions: "recordAnswer" },
        ],
        "answer.clear": questionInExam("clearAnswer"),
        "question.flag": questionInExam("flagQuestion"),
        "question.unflag": questionInExam("unflagQuestion"),
        "question.next": [
          submitOnTimeout,
          { guard: "hasNextQuestion", target: ".answering", actions: "goNext" },
          { actions: refuse("out-of-range", "this is the last question") },
        ],
        "question.previous": [
          submitOnTimeout,
          { guard: "hasPreviousQuestion", target: ".answering", actions: "goPrevious" },
          { actions: refuse("out-of-range", "this is the first question") },
        ],
        "question.goto": [
          submitOnTimeout,
          { guard: "isIndexInRange", target: ".answering", actions: "goTo" },
          { actions: refuse("out-of-range", "there is no question at this position") },
        ],
        "review.open": [submitOnTimeout, { target: ".reviewing", actions: "openReview" }],
        "review.close": [submitOnTimeout, { target: ".answering", actions: "closeReview" }],
        "exam.submit": [submitOnTimeout, { target: "submitted", actions: "submitByLearner" }],
        // A tick before the deadline changes nothing; it exists so a tick at the deadline can submit.
        "timer.tick": [submitOnTimeout],
        "timer.expired": [
          submitOnTimeout,
          {
            actions: refuse(
              "before-deadline",
              "the timer reported expiry before the deadline held by the server",
            ),
          },
        ],
      },
    },
    /** The result: getExamResult(context) is what the server scores with the generator's grade(). */
    submitted: { type: "final" },
  },
});
