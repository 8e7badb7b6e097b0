"use client";

import { useId, useState } from "react";
import { formatDateTime } from "@/app/format-date";
import { postJson } from "@/app/http/post-json";
import type { Goal } from "@/lib/lab/goal-text";
import type { GoalResult } from "@/lib/lab/goals";
import type { TopologyFormat } from "@/lib/lab/topology-text";
import { GoalResults } from "./lab-goals";

export type AssignmentView = {
  id: string;
  title: string;
  instructions: string;
  goals: Goal[];
  /** The learner's last grade, when they submitted before (their work reopens from it). */
  last?: { passed: number; total: number; submittedAt: string } | undefined;
};

type Grade = { passed: number; total: number; results: GoalResult[]; submittedAt: string };

/**
 * A learner working on an assignment: the goals, met or not as they edit (checked in their browser), and
 * Submit, which sends the network to the server; the grade shown after is the server's, not the browser's.
 */
export function AssignmentWork({
  assignment,
  live,
  text,
  format,
  busy,
  otherNetwork,
  onReopen,
}: {
  assignment: AssignmentView;
  live: readonly GoalResult[] | undefined;
  text: string;
  format: TopologyFormat;
  busy: boolean;
  /** What is open instead of the assignment's network (another network was opened over it), if anything. */
  otherNetwork?: string | undefined;
  /** Opens the assignment's network again (undoably). */
  onReopen: () => void;
}) {
  const ids = useId();
  const [grade, setGrade] = useState<Grade | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [sending, setSending] = useState(false);
  const met = otherNetwork ? undefined : live?.filter((result) => result.met).length;

  async function submit() {
    setSending(true);
    const posted = await postJson<Grade>(`/lab/assignments/${encodeURIComponent(assignment.id)}/submit`, {
      text,
      format,
    });
    setSending(false);
    if (!posted.ok) {
      setError(posted.error);
      return;
    }
    setError(undefined);
    setGrade(posted.data);
  }

  return (
    <section className="lab-assignment" aria-labelledby={`${ids}-title`} data-testid="lab-assignment">
      <h2 id={`${ids}-title`}>Assignment: {assignment.title}</h2>
      {assignment.instructions ? <p className="lab-instructions">{assignment.instructions}</p> : null}
      <p>
        Your own copy of the network is below; nobody else sees your edits until you submit. Goals
        {met === undefined ? "" : ` (${met} of ${assignment.goals.length} met now)`}:
      </p>
      {otherNetwork ? (
        <div className="notice" id={`${ids}-other`} data-testid="lab-assignment-other">
          <p>
            The editor holds “{otherNetwork}”, not this assignment&apos;s network, so it cannot be submitted:
            the goals are about the assignment&apos;s network. Undo, or reopen it here.
          </p>
          <button
            type="button"
            className="button secondary"
            disabled={busy || sending}
            onClick={onReopen}
            data-testid="lab-assignment-reopen"
          >
            Reopen the assignment&apos;s network
          </button>
        </div>
      ) : (
        <GoalResults goals={assignment.goals} results={live} testId="lab-goals-live" />
      )}
      <div className="lab-row">
        <button
          type="button"
          className="button"
          disabled={busy || sending || otherNetwork !== undefined}
          aria-describedby={otherNetwork ? `${ids}-other` : undefined}
          onClick={() => void submit()}
          data-testid="lab-assignment-submit"
        >
          Submit for grading
        </button>
      </div>
      {assignment.last && !grade ? (
        <p data-testid="lab-assignment-last">
          Your last submission ({formatDateTime(assignment.last.submittedAt)}) met {assignment.last.passed} of{" "}
          {assignment.last.total} goals; the network below is the one you submitted.
        </p>
      ) : null}
      {error ? (
        <p className="error" role="alert" data-testid="lab-assignment-error">
          {error}
        </p>
      ) : null}
      <div role="status" data-testid="lab-assignment-grade">
        {grade ? (
          <>
            <p>
              <strong>
                Submitted and graded by the server: {grade.passed} of {grade.total} goals met
                {grade.passed === grade.total ? " — all done." : "."}
              </strong>
            </p>
            <GoalResults goals={assignment.goals} results={grade.results} testId="lab-goals-graded" />
          </>
        ) : null}
      </div>
    </section>
  );
}

/** A goal as the form holds it: strings while the instructor types. */
export type DraftGoal = {
  kind: "reach" | "not-reach";
  from: string;
  to: string;
  protocol: "tcp" | "udp" | "icmp" | "any";
  port: string;
};

const PORT = /^\d{1,5}$/;

/** A draft that is a whole goal (the server checks it again), or undefined while it is still being typed. */
export function completeGoal(draft: DraftGoal): Goal | undefined {
  const from = draft.from.trim();
  const to = draft.to.trim();
  if (from === "" || to === "") return undefined;
  const port = PORT.test(draft.port.trim()) ? Number(draft.port.trim()) : undefined;
  if (port !== undefined && port > 65535) return undefined;
  if (draft.kind === "reach") {
    if (draft.protocol === "any") return undefined;
    if (draft.protocol === "icmp") return { kind: "reach", from, to, protocol: "icmp" };
    return port === undefined ? undefined : { kind: "reach", from, to, protocol: draft.protocol, port };
  }
  return draft.protocol === "icmp" || port === undefined
    ? { kind: "not-reach", from, to, protocol: draft.protocol }
    : { kind: "not-reach", from, to, protocol: draft.protocol, port };
}

const FIRST_GOALS: DraftGoal[] = [
  { kind: "reach", from: "", to: "", protocol: "tcp", port: "443" },
  { kind: "not-reach", from: "internet", to: "", protocol: "any", port: "" },
];

/**
 * The instructor turns the open lab into an assignment: a title, instructions and goals. The goals are
 * checked on the current network as they are written (an assignment usually starts with some unmet), and the
 * server checks again that every goal names something in the network.
 */
export function AssignmentMaker({
  text,
  format,
  endpoints,
  live,
  busy,
  mine,
  onGoals,
}: {
  text: string;
  format: TopologyFormat;
  endpoints: readonly string[];
  /** The assignments this instructor already made. */
  mine: readonly { id: string; title: string }[];
  live: readonly GoalResult[] | undefined;
  busy: boolean;
  /** The whole goals, to check on the network now and after every edit. */
  onGoals: (goals: Goal[]) => void;
}) {
  const ids = useId();
  const [title, setTitle] = useState("");
  const [instructions, setInstructions] = useState("");
  const [drafts, setDrafts] = useState<DraftGoal[]>(FIRST_GOALS);
  const [error, setError] = useState<string | undefined>();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [created, setCreated] = useState<string | undefined>();
  const [sending, setSending] = useState(false);
  const goals = drafts.map(completeGoal);
  const whole = goals.filter((goal): goal is Goal => goal !== undefined);

  function change(index: number, patch: Partial<DraftGoal>) {
    setDrafts((current) => current.map((draft, at) => (at === index ? { ...draft, ...patch } : draft)));
  }

  async function create() {
    if (whole.length !== drafts.length) {
      setError(
        "goals: finish every goal (from, to, and a port for a TCP or UDP reachability goal) or remove it",
      );
      return;
    }
    setSending(true);
    const posted = await postJson<{ id: string }>("/lab/assignments", {
      title,
      instructions,
      format,
      text,
      goals: whole,
    });
    setSending(false);
    if (!posted.ok) {
      setError(posted.error);
      setFields(posted.fields);
      return;
    }
    setError(undefined);
    setFields({});
    setCreated(posted.data.id);
  }

  const link = created ? `/lab/assignments/${encodeURIComponent(created)}` : undefined;
  const absolute = link && typeof window !== "undefined" ? `${window.location.origin}${link}` : link;

  return (
    <details className="lab-assignment-maker" data-testid="lab-assignment-maker">
      <summary>Make this lab an assignment</summary>
      <p>
        Learners who open the assignment link get their own copy of this network (as it is now), see which
        goals they meet as they edit, and submit; the server grades the goals with the model and you see every
        submission.
      </p>
      <form
        className="lab-form"
        onSubmit={(event) => {
          event.preventDefault();
          void create();
        }}
      >
        <label className="field">
          Title
          <input
            value={title}
            onChange={(event) => setTitle(event.target.value)}
            maxLength={120}
            required
            aria-invalid={fields["title"] ? true : undefined}
            data-testid="assignment-title"
          />
        </label>
        <label className="field">
          Instructions
          <textarea
            value={instructions}
            onChange={(event) => setInstructions(event.target.value)}
            maxLength={4000}
            rows={3}
            data-testid="assignment-instructions"
          />
        </label>
        <fieldset>
          <legend>Goals the model checks</legend>
          <ol className="lab-goal-drafts">
            {drafts.map((draft, index) => (
              <li key={index} data-testid={`assignment-goal-${index}`}>
                <div className="lab-row">
                  <label className="field">
                    Goal
                    <select
                      value={draft.kind}
                      onChange={(event) => {
                        const kind = event.target.value as DraftGoal["kind"];
                        change(index, {
                          kind,
                          ...(kind === "reach" && draft.protocol === "any" ? { protocol: "tcp" } : {}),
                        });
                      }}
                      data-testid="assignment-goal-kind"
                    >
                      <option value="reach">must reach</option>
                      <option value="not-reach">must NOT reach</option>
                    </select>
                  </label>
                  <label className="field">
                    From
                    <input
                      value={draft.from}
                      onChange={(event) => change(index, { from: event.target.value })}
                      list={`${ids}-endpoints`}
                      placeholder="app-a, internet, 0.0.0.0/0 …"
                      data-testid="assignment-goal-from"
                    />
                  </label>
                  <label className="field">
                    To
                    <input
                      value={draft.to}
                      onChange={(event) => change(index, { to: event.target.value })}
                      list={`${ids}-endpoints`}
                      data-testid="assignment-goal-to"
                    />
                  </label>
                  <label className="field">
                    Protocol
                    <select
                      value={draft.protocol}
                      onChange={(event) =>
                        change(index, { protocol: event.target.value as DraftGoal["protocol"] })
                      }
                      data-testid="assignment-goal-protocol"
                    >
                      {draft.kind === "not-reach" ? <option value="any">any</option> : null}
                      <option value="tcp">TCP</option>
                      <option value="udp">UDP</option>
                      <option value="icmp">ICMP</option>
                    </select>
                  </label>
                  <label className="field">
                    Port{draft.kind === "not-reach" ? " (empty: every port)" : ""}
                    <input
                      value={draft.port}
                      onChange={(event) => change(index, { port: event.target.value })}
                      inputMode="numeric"
                      disabled={draft.protocol === "icmp"}
                      aria-invalid={fields["goals"] && goals[index] === undefined ? true : undefined}
                      data-testid="assignment-goal-port"
                    />
                  </label>
                  <button
                    type="button"
                    className="button"
                    onClick={() => setDrafts((current) => current.filter((_, at) => at !== index))}
                    aria-label={`Remove goal ${index + 1}`}
                  >
                    Remove
                  </button>
                </div>
              </li>
            ))}
          </ol>
          <datalist id={`${ids}-endpoints`}>
            {endpoints.map((endpoint) => (
              <option key={endpoint} value={endpoint} />
            ))}
          </datalist>
          <div className="lab-row">
            <button
              type="button"
              className="button"
              onClick={() =>
                setDrafts((current) => [
                  ...current,
                  { kind: "reach", from: "", to: "", protocol: "tcp", port: "" },
                ])
              }
              data-testid="assignment-goal-add"
            >
              Add a goal
            </button>
            <button
              type="button"
              className="button"
              disabled={busy || whole.length === 0}
              onClick={() => onGoals(whole)}
              data-testid="assignment-goals-check"
            >
              Check the goals on this network
            </button>
          </div>
        </fieldset>
        {live && live.length > 0 ? (
          <>
            <p>On the network as it is now:</p>
            <GoalResults
              goals={live.map((result) => result.goal)}
              results={live}
              testId="assignment-goals-now"
            />
          </>
        ) : null}
        <button
          type="submit"
          className="button"
          disabled={sending || title.trim() === ""}
          data-testid="assignment-create"
        >
          Create the assignment
        </button>
      </form>
      {error ? (
        <p className="error" role="alert" data-testid="assignment-error">
          {error}
        </p>
      ) : null}
      {absolute && link ? (
        <div role="status" data-testid="assignment-created">
          <label className="field">
            Assignment link for learners
            <input
              readOnly
              value={absolute}
              data-testid="assignment-link"
              onFocus={(event) => event.target.select()}
            />
          </label>
          <p>
            <a href={link}>Open the assignment to see submissions</a> (as its owner you see every learner’s
            grade there).
          </p>
        </div>
      ) : null}
      {mine.length > 0 ? (
        <>
          <p>Your assignments (open one to see its submissions):</p>
          <ul data-testid="assignment-mine">
            {mine.map((made) => (
              <li key={made.id}>
                <a href={`/lab/assignments/${encodeURIComponent(made.id)}`}>{made.title}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </details>
  );
}
