"use client";

import { useEffect, useId, useRef, useState } from "react";
import { postJson } from "@/app/http/post-json";
import { RuleList, RuleText } from "@/app/components/rule-text";
import { TopologyDiagram } from "@/app/components/topology-diagram";
import type { PathMark } from "@/lib/diagram/diagram";
import type { HopView, LabResult } from "@/lib/lab/lab-run";
import type { TopologyFormat } from "@/lib/lab/topology-text";
import type { Protocol, Query } from "@/lib/net";

type LessonChoice = { name: string; description: string; text: string };

type EditBody =
  | { kind: "add-route"; routeTableId: string; route: { destination: string; target: string } }
  | { kind: "remove-route"; routeTableId: string; destination: string }
  | { kind: "apply-fix"; query: Query; fixId: string };

/** The last answer the server gave, with the question it answered (a fix is applied for that question). */
type Shown = { result: LabResult; query: Query | undefined };

const STARTER = "starter";

function Hops({ hops, label }: { hops: HopView[]; label: string }) {
  if (hops.length === 0) return <p>No hops.</p>;
  return (
    <div className="lab-scroll scroll-region" tabIndex={0} role="group" aria-label={label}>
      <ol className="lab-hops" aria-label={label}>
        {hops.map((hop, index) => (
          <li key={index}>
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

function queryOf(from: string, to: string, protocol: Protocol, port: string): Query | undefined {
  if (from.trim() === "" || to.trim() === "") return undefined;
  const number = Number.parseInt(port, 10);
  return protocol === "icmp" || port.trim() === "" || Number.isNaN(number)
    ? { from: from.trim(), to: to.trim(), protocol }
    : { from: from.trim(), to: to.trim(), protocol, port: number };
}

export function LabClient({
  lessons,
  starter,
  initialName,
  initialText,
}: {
  lessons: LessonChoice[];
  starter: string;
  initialName: string;
  initialText: string;
}) {
  const ids = useId();
  const [choice, setChoice] = useState(initialName);
  const [text, setText] = useState(initialText);
  const [format, setFormat] = useState<TopologyFormat>("yaml");
  const [undo, setUndo] = useState<{ text: string; format: TopologyFormat; what: string }[]>([]);
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [protocol, setProtocol] = useState<Protocol>("tcp");
  const [port, setPort] = useState("443");
  const [shown, setShown] = useState<Shown | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [status, setStatus] = useState("");
  const [busy, setBusy] = useState(false);
  const [tableId, setTableId] = useState("");
  const [routeAction, setRouteAction] = useState<"remove" | "add">("remove");
  const [destination, setDestination] = useState("");
  const [target, setTarget] = useState("");
  const started = useRef(false);
  // Only the newest request's answer is shown: an older one arriving late must not replace it.
  const latest = useRef(0);

  const result = shown?.result;
  const table = result?.routeTables.find((candidate) => candidate.id === tableId) ?? result?.routeTables[0];

  async function run(
    body: { text: string; format: TopologyFormat; edit?: EditBody },
    query: Query | undefined,
    done: string,
  ): Promise<LabResult | undefined> {
    const turn = ++latest.current;
    setBusy(true);
    const posted = await postJson<LabResult>("/lab/api", { ...body, ...(query ? { query } : {}) });
    if (turn !== latest.current) return undefined;
    setBusy(false);
    if (!posted.ok) {
      // The learner's text and the last valid answer stay as they are; only the error is new.
      setError(posted.error);
      setStatus(`Not done: ${posted.error}`);
      return undefined;
    }
    setError(undefined);
    setShown({ result: posted.data, query });
    setStatus(done);
    const endpoints = posted.data.endpoints;
    if (query === undefined && endpoints.length > 0) {
      setFrom((current) => current || endpoints[0] || "");
      setTo((current) => current || endpoints[1] || "");
    }
    return posted.data;
  }

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void run({ text: initialText, format: "yaml" }, undefined, "Network opened.");
  }, []);

  const currentQuery = () => queryOf(from, to, protocol, port);

  async function open() {
    const lesson = lessons.find((candidate) => candidate.name === choice);
    const opened = choice === STARTER ? starter : (lesson?.text ?? starter);
    setUndo((stack) => [...stack, { text, format, what: "open" }]);
    setText(opened);
    setFormat("yaml");
    setFrom("");
    setTo("");
    setShown(undefined);
    await run(
      { text: opened, format: "yaml" },
      undefined,
      `Opened ${choice === STARTER ? "the starter VPC" : choice}.`,
    );
  }

  async function ask() {
    const query = currentQuery();
    if (!query) {
      setError("from/to: pick a source and a destination");
      return;
    }
    const answered = await run({ text, format }, query, "Answered.");
    if (answered?.answer)
      setStatus(
        `${query.from} to ${query.to}: ${answered.answer.reachable ? "reachable" : "not reachable"}.`,
      );
    else if (answered) setStatus("The topology has errors: no verdict until they are fixed.");
  }

  async function edit(change: EditBody, what: string) {
    const before = { text, format, what };
    const query = currentQuery();
    const edited = await run({ text, format, edit: change }, query, `Done: ${what}.`);
    if (edited?.text === undefined) return;
    setUndo((stack) => [...stack, before]);
    setText(edited.text);
    if (edited.editDescription) setStatus(`Done: ${edited.editDescription}.${verdictLine(query, edited)}`);
  }

  async function undoLast() {
    const last = undo.at(-1);
    if (!last) return;
    setUndo((stack) => stack.slice(0, -1));
    setText(last.text);
    setFormat(last.format);
    const query = currentQuery();
    const answered = await run({ text: last.text, format: last.format }, query, `Undone: ${last.what}.`);
    if (answered) setStatus(`Undone: ${last.what}.${verdictLine(query, answered)}`);
  }

  function submitRoute(event: React.FormEvent) {
    event.preventDefault();
    if (!table) return;
    if (routeAction === "remove") {
      const chosen = destination || table.routes[0]?.destination || "";
      void edit(
        { kind: "remove-route", routeTableId: table.id, destination: chosen },
        `remove route ${chosen}`,
      );
    } else {
      void edit(
        { kind: "add-route", routeTableId: table.id, route: { destination, target } },
        `add route ${destination} -> ${target}`,
      );
    }
  }

  const answer = result?.answer;
  const askedQuery = shown?.query;
  const highlight = result?.diagram
    ? {
        nodes: new Map<string, PathMark>(result.diagram.nodes),
        edges: new Map<string, PathMark>(result.diagram.edges),
      }
    : undefined;

  return (
    <div className="lab">
      <p className="sr-only" role="status" aria-live="polite" data-testid="lab-status">
        {status}
      </p>
      <div className="lab-grid">
        <section className="lab-pane" aria-labelledby={`${ids}-network`}>
          <h2 id={`${ids}-network`}>Network</h2>
          <div className="lab-row">
            <label className="field">
              Open
              <select
                value={choice}
                onChange={(event) => setChoice(event.target.value)}
                data-testid="lab-open-choice"
              >
                <option value={STARTER}>Blank starter VPC</option>
                {lessons.map((lesson) => (
                  <option key={lesson.name} value={lesson.name}>
                    Lesson: {lesson.name}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" className="button" onClick={() => void open()} disabled={busy}>
              Open
            </button>
          </div>
          <div className="lab-row">
            <label className="field">
              Format
              <select value={format} onChange={(event) => setFormat(event.target.value as TopologyFormat)}>
                <option value="yaml">YAML</option>
                <option value="json">JSON</option>
              </select>
            </label>
            <button
              type="button"
              className="button"
              onClick={() => void undoLast()}
              disabled={busy || undo.length === 0}
              data-testid="lab-undo"
            >
              Undo{undo.length > 0 ? ` (${undo.at(-1)?.what})` : ""}
            </button>
          </div>
          <label className="field lab-text-label" htmlFor={`${ids}-text`}>
            Topology ({format === "yaml" ? "YAML" : "JSON"}) — edit it or paste your own, then ask
          </label>
          <textarea
            id={`${ids}-text`}
            className="lab-text mono"
            value={text}
            onChange={(event) => setText(event.target.value)}
            spellCheck={false}
            rows={18}
            wrap="off"
            data-testid="lab-text"
          />

          <form className="lab-form" onSubmit={submitRoute} aria-labelledby={`${ids}-route-form`}>
            <h3 id={`${ids}-route-form`}>Change a route</h3>
            {result && result.routeTables.length > 0 && table ? (
              <>
                <div className="lab-row">
                  <label className="field">
                    Route table
                    <select
                      value={table.id}
                      onChange={(event) => {
                        setTableId(event.target.value);
                        setDestination("");
                      }}
                      data-testid="lab-route-table"
                    >
                      {result.routeTables.map((candidate) => (
                        <option key={candidate.id} value={candidate.id}>
                          {candidate.label}
                        </option>
                      ))}
                    </select>
                  </label>
                  <label className="field">
                    Change
                    <select
                      value={routeAction}
                      onChange={(event) => setRouteAction(event.target.value as "remove" | "add")}
                      data-testid="lab-route-action"
                    >
                      <option value="remove">Remove a route</option>
                      <option value="add">Add a route</option>
                    </select>
                  </label>
                </div>
                {routeAction === "remove" ? (
                  <label className="field">
                    Route
                    <select
                      value={destination || table.routes[0]?.destination || ""}
                      onChange={(event) => setDestination(event.target.value)}
                      data-testid="lab-route-remove"
                    >
                      {table.routes.map((route) => (
                        <option key={route.destination} value={route.destination}>
                          {route.destination} → {route.target}
                        </option>
                      ))}
                    </select>
                  </label>
                ) : (
                  <div className="lab-row">
                    <label className="field">
                      Destination CIDR
                      <input value={destination} onChange={(event) => setDestination(event.target.value)} />
                    </label>
                    <label className="field">
                      Target (igw-, nat-, pcx-, tgw-, … or local, blackhole)
                      <input value={target} onChange={(event) => setTarget(event.target.value)} />
                    </label>
                  </div>
                )}
                <button
                  type="submit"
                  className="button"
                  disabled={busy || (routeAction === "remove" && table.routes.length === 0)}
                  data-testid="lab-route-submit"
                >
                  {routeAction === "remove" ? "Remove route" : "Add route"}
                </button>
              </>
            ) : (
              <p>The topology has no route tables to change (or has not been checked yet).</p>
            )}
          </form>
        </section>

        <section className="lab-pane" aria-labelledby={`${ids}-ask`}>
          <h2 id={`${ids}-ask`}>Ask</h2>
          <form
            className="lab-form"
            onSubmit={(event) => {
              event.preventDefault();
              void ask();
            }}
          >
            <datalist id={`${ids}-endpoints`}>
              {(result?.endpoints ?? []).map((endpoint) => (
                <option key={endpoint} value={endpoint} />
              ))}
            </datalist>
            <div className="lab-row">
              <label className="field">
                From
                <input
                  value={from}
                  onChange={(event) => setFrom(event.target.value)}
                  list={`${ids}-endpoints`}
                  data-testid="lab-from"
                />
              </label>
              <label className="field">
                To
                <input
                  value={to}
                  onChange={(event) => setTo(event.target.value)}
                  list={`${ids}-endpoints`}
                  data-testid="lab-to"
                />
              </label>
            </div>
            <div className="lab-row">
              <label className="field">
                Protocol
                <select value={protocol} onChange={(event) => setProtocol(event.target.value as Protocol)}>
                  <option value="tcp">TCP</option>
                  <option value="udp">UDP</option>
                  <option value="icmp">ICMP</option>
                </select>
              </label>
              <label className="field">
                Port
                <input
                  value={port}
                  onChange={(event) => setPort(event.target.value)}
                  inputMode="numeric"
                  disabled={protocol === "icmp"}
                  data-testid="lab-port"
                />
              </label>
            </div>
            <button type="submit" className="button" disabled={busy} data-testid="lab-ask">
              Ask
            </button>
          </form>

          {error ? (
            <p className="error" role="alert" data-testid="lab-error">
              {error}
            </p>
          ) : null}

          {result && result.errors.length > 0 ? (
            <div className="notice" data-testid="lab-validation">
              <p>This topology has errors AWS would refuse; there is no verdict until they are fixed:</p>
              <ul>
                {result.errors.map((issue, index) => (
                  <li key={index}>
                    <span className="mono">{issue.path}</span>: <RuleText text={issue.message} />{" "}
                    {issue.rules.length > 0 ? (
                      <>
                        (<RuleList ids={issue.rules} />)
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}

          {answer && askedQuery ? (
            <div className="lab-answer" data-testid="lab-answer">
              <p
                className={answer.reachable ? "trace-verdict ok" : "trace-verdict bad"}
                data-testid="lab-verdict"
                data-reachable={answer.reachable ? "yes" : "no"}
              >
                {askedQuery.from} → {askedQuery.to} on {askedQuery.protocol.toUpperCase()}
                {askedQuery.port === undefined ? "" : ` ${askedQuery.port}`}:{" "}
                {answer.reachable ? "reachable" : "not reachable"}
              </p>

              {answer.blockers.length > 0 ? (
                <>
                  <h3>Blockers</h3>
                  <ul className="lab-blockers" data-testid="lab-blockers">
                    {answer.blockers.map((blocker, index) => (
                      <li key={index}>
                        <span className="mono">{blocker.code}</span>
                        {blocker.direction ? ` (${blocker.direction})` : ""}:{" "}
                        <RuleText text={blocker.message} />
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
                        <span id={`${ids}-${fix.id}`}>
                          <RuleText text={fix.description} />
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
                          aria-describedby={`${ids}-${fix.id}`}
                          onClick={() =>
                            void edit(
                              { kind: "apply-fix", query: askedQuery, fixId: fix.id },
                              `apply ${fix.id}`,
                            )
                          }
                          data-testid="lab-apply-fix"
                        >
                          Apply
                        </button>
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}

              <h3>Forward path</h3>
              <Hops hops={answer.forward} label="Forward hops" />
              <h3>Return path</h3>
              <Hops hops={answer.return} label="Return hops" />

              <h3>Flow-log records</h3>
              {answer.flowLogs.length > 0 ? (
                <pre
                  className="lab-scroll scroll-region mono"
                  tabIndex={0}
                  aria-label="Flow-log records"
                  data-testid="lab-flow-logs"
                >
                  {answer.flowLogs.join("\n")}
                </pre>
              ) : (
                <p>No interface on the path would log this traffic.</p>
              )}
            </div>
          ) : null}
        </section>
      </div>

      {result?.diagram ? (
        <section className="lab-diagram" aria-label="Diagram of the network">
          <TopologyDiagram
            diagram={result.diagram.placed}
            title="The lab network"
            highlight={answer ? highlight : undefined}
          />
        </section>
      ) : null}
    </div>
  );
}

function verdictLine(query: Query | undefined, result: LabResult): string {
  if (!query || !result.answer) return "";
  return ` ${query.from} to ${query.to}: ${result.answer.reachable ? "reachable" : "not reachable"}.`;
}
