"use client";

import { describeGoal, type Goal } from "@/lib/lab/goal-text";
import type { GoalResult } from "@/lib/lab/goals";

/** The goals with whether each is met now; `results` absent = not checked yet (the network is still loading). */
export function GoalResults({
  goals,
  results,
  testId,
}: {
  goals: readonly Goal[];
  results: readonly GoalResult[] | undefined;
  testId: string;
}) {
  return (
    <ul className="lab-goals" data-testid={testId}>
      {goals.map((goal, index) => {
        const result = results?.[index];
        const state = result === undefined ? "unknown" : result.met ? "met" : "unmet";
        return (
          <li key={index} data-state={state}>
            <span className="lab-goal-mark" aria-hidden="true">
              {state === "met" ? "✓" : state === "unmet" ? "✗" : "…"}
            </span>{" "}
            <strong>{state === "met" ? "Met" : state === "unmet" ? "Not met" : "Not checked yet"}:</strong>{" "}
            {result?.text ?? describeGoal(goal)}
            {result && !result.met ? <span className="lab-muted"> — {result.detail}</span> : null}
          </li>
        );
      })}
    </ul>
  );
}
