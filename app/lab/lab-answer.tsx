"use client";

import type { ReactNode } from "react";
import { RuleList, RuleText } from "@/app/components/rule-text";
import type { HopView, LabAnswer } from "@/lib/lab/lab-run";
import type { Query } from "@/lib/net";

/** The model writes "->" in its fix and edit sentences; the lab shows the "→" its route picker uses. */
export const arrows = (sentence: string): string => sentence.replaceAll(" -> ", " → ");

function Hops({
  hops,
  label,
  offset,
  step,
}: {
  hops: HopView[];
  label: string;
  offset: number;
  step: number;
}) {
  if (hops.length === 0) return <p>No hops.</p>;
  return (
    <div className="lab-scroll scroll-region" tabIndex={0} role="group" aria-label={label}>
      <ol className="lab-hops" aria-label={label}>
        {hops.map((hop, index) => (
          <li
            key={index}
            aria-current={offset + index === step ? "step" : undefined}
            data-current={offset + index === step ? "yes" : undefined}
          >
            <span className="mono">{hop.component}</span> <span className="lab-muted">({hop.type})</span>:{" "}
            <strong>{hop.action}</strong>
            {hop.matched ? (
              <>
                {" "}
                — <span className="mono">{hop.matched}</span>
              </>
            ) : null}
          </li>
        ))}
      </ol>
    </div>
  );
}

/**
 * Previous / Next hop / Whole path, and the hop now shown (its text is read out as the learner steps). The only
 * one on the page: the diagram comes right under it, so the highlight is drawn where the learner pressed (uxr4 U2:
 * a second stepper above a diagram at the page's end made each step jump ~2,400 px down).
 */
export function PathStepper({
  answer,
  step,
  onStep,
  live = false,
  testIdPrefix,
}: {
  answer: LabAnswer;
  step: number;
  onStep: (step: number, button: "prev" | "next" | "whole") => void;
  live?: boolean;
  testIdPrefix: string;
}) {
  const hops = [...answer.forward, ...answer.return];
  const current = step >= 0 ? hops[step] : undefined;
  return (
    <div className="lab-stepper">
      <div className="lab-row">
        <button
          type="button"
          className="button"
          onClick={() => onStep(Math.max(0, step - 1), "prev")}
          disabled={hops.length === 0 || step === 0}
          data-testid={`${testIdPrefix}-prev-hop`}
        >
          Previous hop
        </button>
        <button
          type="button"
          className="button"
          onClick={() => onStep(Math.min(hops.length - 1, step + 1), "next")}
          disabled={hops.length === 0 || step === hops.length - 1}
          data-testid={`${testIdPrefix}-next-hop`}
        >
          Next hop
        </button>
        <button
          type="button"
          className="button"
          onClick={() => onStep(-1, "whole")}
          disabled={step === -1}
          data-testid={`${testIdPrefix}-whole-path`}
        >
          Whole path
        </button>
      </div>
      <p aria-live={live ? "polite" : undefined} data-testid={`${testIdPrefix}-hop-now`}>
        {current
          ? `Hop ${step + 1} of ${hops.length} (${step < answer.forward.length ? "forward" : "return"}): ${current.component} — ${current.action}${current.matched ? ` (${current.matched})` : ""}`
          : `The whole path: ${answer.forward.length} hops forward, ${answer.return.length} back.`}
      </p>
    </div>
  );
}

/** The verdict, the path hop by hop (stepped through with the diagram), blockers, flow logs and fixes. */
export function LabAnswerView({
  answer,
  query,
  step,
  onStep,
  busy,
  onApplyFix,
  idPrefix,
  diagram = null,
}: {
  answer: LabAnswer;
  query: Query;
  step: number;
  onStep: (step: number, button: "prev" | "next" | "whole") => void;
  busy: boolean;
  onApplyFix: (fixId: string) => void;
  idPrefix: string;
  /** The network's diagram, drawn under the stepper (it highlights the hop the stepper names). */
  diagram?: ReactNode;
}) {
  return (
    <div className="lab-answer" data-testid="lab-answer">
      <p
        className={answer.reachable ? "trace-verdict ok" : "trace-verdict bad"}
        data-testid="lab-verdict"
        data-reachable={answer.reachable ? "yes" : "no"}
      >
        {query.from} → {query.to} on {query.protocol.toUpperCase()}
        {query.port === undefined ? "" : ` ${query.port}`}: {answer.reachable ? "reachable" : "not reachable"}
      </p>

      {answer.blockers.length > 0 ? (
        <>
          <h3>Blockers</h3>
          <ul className="lab-blockers" data-testid="lab-blockers">
            {answer.blockers.map((blocker, index) => (
              <li key={index}>
                <span className="mono">{blocker.code}</span>
                {blocker.direction ? ` (${blocker.direction})` : ""}: <RuleText text={blocker.message} />
                {blocker.rules.length > 0 ? (
                  <>
                    {" "}
                    Rules: <RuleList ids={blocker.rules} />
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {answer.fixes.length > 0 ? (
        <>
          <h3>Proposed fixes</h3>
          <ul className="lab-fixes" data-testid="lab-fixes">
            {answer.fixes.map((fix) => (
              <li key={fix.id}>
                <span id={`${idPrefix}-${fix.id}`}>
                  <RuleText text={arrows(fix.description)} />
                  {fix.verified ? "" : " (does not make it reachable on its own)"}
                </span>
                {fix.rules.length > 0 ? (
                  <>
                    {" "}
                    Rules: <RuleList ids={fix.rules} />
                  </>
                ) : null}{" "}
                <button
                  type="button"
                  className="button"
                  disabled={busy}
                  aria-describedby={`${idPrefix}-${fix.id}`}
                  onClick={() => onApplyFix(fix.id)}
                  data-testid="lab-apply-fix"
                >
                  Apply
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <h3>Step through the path</h3>
      <div className="lab-step-view">
        <PathStepper answer={answer} step={step} onStep={onStep} live testIdPrefix="lab" />
        {diagram}
      </div>

      <h3>Forward path</h3>
      <Hops hops={answer.forward} label="Forward hops" offset={0} step={step} />
      <h3>Return path</h3>
      <Hops hops={answer.return} label="Return hops" offset={answer.forward.length} step={step} />

      <h3>Flow-log records, per interface</h3>
      {answer.flowLogs.length > 0 ? (
        answer.flowLogs.map((group) => (
          <div key={group.interfaceId}>
            <h4 className="mono">{group.interfaceId}</h4>
            <pre
              className="lab-scroll scroll-region mono"
              tabIndex={0}
              aria-label={`Flow-log records of ${group.interfaceId}`}
              data-testid="lab-flow-logs"
            >
              {group.lines.join("\n")}
            </pre>
          </div>
        ))
      ) : (
        <p>No interface on the path would log this traffic.</p>
      )}
    </div>
  );
}
