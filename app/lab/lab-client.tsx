"use client";

import { memo, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from "react";
import { postJson } from "@/app/http/post-json";
import { RuleList, RuleText } from "@/app/components/rule-text";
import { TopologyDiagram } from "@/app/components/topology-diagram";
import type { PathMark } from "@/lib/diagram/diagram";
import type { LabEdit } from "@/lib/lab/edits";
import type { IssueView, LabResult } from "@/lib/lab/lab-run";
import type { Patch } from "@/lib/lab/patch";
import type { TopologyFormat } from "@/lib/lab/topology-text";
import type { Protocol, Query } from "@/lib/net";
import type { Goal } from "@/lib/lab/goal-text";
import {
  formError,
  queryErrorField,
  queryFromFields,
  userError,
  type QueryField,
} from "@/lib/lab/query-input";
import { issuePath, plainIssue, textErrorStatus } from "@/lib/lab/issue-words";
import { arrows, LabAnswerView } from "./lab-answer";
import { AssignmentMaker, AssignmentWork, type AssignmentView } from "./lab-assignment";
import { LabCodeEditor } from "./lab-code-editor";
import { createLabEngine, type LabEngine } from "./lab-engine";
import { LabEditForm, type FormEdit } from "./lab-edit-form";
import { LabMatrix, type MatrixAsk } from "./lab-matrix";
import { LabSave, type SavedLabView } from "./lab-save";

type LessonChoice = {
  name: string;
  description: string;
  text: string;
  /** "Transit gateway hub with three VPCs (lesson 9)" */
  label: string;
  /** "Lesson 9: Transit gateway" */
  lesson?: string | undefined;
};

/** How the status line names an opened lesson network: its file name (the topology's id) and its title. */
const lessonTitle = (lesson: LessonChoice | undefined): string =>
  lesson ? `${lesson.name}: ${lesson.label}` : "the network";

/**
 * One step of undo or redo: the patch that takes it back (forms, fixes), or the text before (typing). Opening
 * another network also keeps the baseline it replaced (`base`), so undoing the Open restores the diff's baseline.
 */
type Entry =
  | { kind: "patch"; patch: Patch; what: string }
  | {
      kind: "text";
      text: string;
      format: TopologyFormat;
      what: string;
      base?: { text: string; format: TopologyFormat } | undefined;
    };

/** The last answer the server gave, with the question it answered (a fix is applied for that question). */
type Shown = { result: LabResult; query: Query | undefined };

type Body = { text: string; format: TopologyFormat; edit?: LabEdit; matrix?: MatrixAsk };

const STARTER = "starter";
/** The picker's entry for the network this page opened when no other entry names it (a question, a saved lab). */
const OPENED = "opened";

/** What a reload must not lose: the network the learner edited (and what it was opened as), kept per tab. */
type Draft = { base: { text: string; format: TopologyFormat }; text: string; format: TopologyFormat };

/**
 * One draft per network a page opens (the starter, a lesson's, a question's, a saved lab): a short hash of the
 * opened text keys it, so a reload restores edits to this network and never pours them into another one.
 */
function draftKey(text: string, format: TopologyFormat): string {
  let hash = 5381;
  const whole = `${format}\n${text}`;
  for (let i = 0; i < whole.length; i += 1) hash = (hash * 33 + whole.charCodeAt(i)) >>> 0;
  return `reachable.lab-draft.${hash.toString(36)}.${whole.length}`;
}

function readDraft(key: string): Draft | undefined {
  try {
    const raw = window.sessionStorage.getItem(key);
    if (!raw) return undefined;
    const draft = JSON.parse(raw) as Partial<Draft>;
    const isFormat = (value: unknown): value is TopologyFormat => value === "yaml" || value === "json";
    return typeof draft.text === "string" &&
      isFormat(draft.format) &&
      typeof draft.base?.text === "string" &&
      isFormat(draft.base.format)
      ? { text: draft.text, format: draft.format, base: { text: draft.base.text, format: draft.base.format } }
      : undefined;
  } catch {
    return undefined; // storage switched off, or not JSON: there is simply no draft
  }
}

/**
 * The diagram draws again only when its layout or its highlight changes, not when a turn starts (`busy`): at 50
 * VPCs its hundreds of SVG elements made that render hold the main thread while the worker's answer waited to be
 * read. (The worker sends a layout only when it changed, so an edit keeps the same `placed` object.)
 */
const LabDiagram = memo(TopologyDiagram);
const TYPING_PAUSE_MS = 400;

function Issues({ issues, testId }: { issues: IssueView[]; testId: string }) {
  return (
    <ul data-testid={testId}>
      {issues.map((issue, index) => (
        <li key={index}>
          <span className="mono">{issue.path}</span>
          {issue.component ? (
            <>
              {" "}
              (on the diagram: <span className="mono">{issue.component}</span>)
            </>
          ) : null}
          : <RuleText text={issue.message} />{" "}
          {issue.rules.length > 0 ? (
            <>
              (<RuleList ids={issue.rules} />)
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

const formatOf = (name: string): TopologyFormat => (name.toLowerCase().endsWith(".json") ? "json" : "yaml");

export function LabClient({
  lessons,
  starter,
  initialName,
  initialText,
  initialFormat = "yaml",
  initialQuery,
  openedLabel,
  saved,
  myLabs = [],
  myAssignments = [],
  assignment,
}: {
  lessons: LessonChoice[];
  starter: string;
  initialName: string;
  initialText: string;
  initialFormat?: TopologyFormat;
  /** Asked as the lab opens (a question opened from its feedback). */
  initialQuery?: Query | undefined;
  /** The Open picker's name for what this page opened, when it is neither the starter nor a lesson. */
  openedLabel?: string | undefined;
  /** The saved lab this page opened (`/lab?lab=<id>`): the learner's own, or someone else's shared copy. */
  saved?: SavedLabView | undefined;
  myLabs?: { id: string; name: string }[];
  /** The assignments this learner made (as an instructor), to get back to their submissions. */
  myAssignments?: { id: string; title: string }[];
  /** The assignment this page works on (`/lab/assignments/<id>`): its goals are checked on every turn. */
  assignment?: AssignmentView | undefined;
}) {
  const ids = useId();
  const [choice, setChoice] = useState(openedLabel ? OPENED : initialName);
  const [text, setText] = useState(initialText);
  const [format, setFormat] = useState<TopologyFormat>(initialFormat);
  const [base, setBase] = useState<{ text: string; format: TopologyFormat }>({
    text: initialText,
    format: initialFormat,
  });
  const [undo, setUndo] = useState<Entry[]>([]);
  const [redo, setRedo] = useState<Entry[]>([]);
  const [from, setFrom] = useState(initialQuery?.from ?? "");
  const [to, setTo] = useState(initialQuery?.to ?? "");
  const [protocol, setProtocol] = useState<Protocol>(initialQuery?.protocol ?? "tcp");
  const [port, setPort] = useState(initialQuery ? String(initialQuery.port ?? "") : "443");
  const [asked, setAsked] = useState<Query | undefined>(initialQuery);
  const [matrixAsk, setMatrixAsk] = useState<MatrixAsk | undefined>();
  const [shown, setShown] = useState<Shown | undefined>();
  const [error, setError] = useState<string | undefined>();
  /** A question the form cannot ask (port 99999, an unknown source): shown next to its field, with no verdict. */
  const [fieldError, setFieldError] = useState<{ field: QueryField; message: string } | undefined>();
  const [textError, setTextError] = useState<{ error: string; text: string } | undefined>();
  const [status, setStatus] = useState("");
  const [busy, setBusy] = useState(false);
  const [step, setStep] = useState(-1);
  const [importNote, setImportNote] = useState<string | undefined>();
  const [restored, setRestored] = useState(false);
  const draft = useMemo(() => draftKey(initialText, initialFormat), [initialText, initialFormat]);
  const started = useRef(false);
  // The text of the last turn that parsed: typing that parses becomes one undo step back to it.
  const lastGood = useRef<{ text: string; format: TopologyFormat }>({
    text: initialText,
    format: initialFormat,
  });
  const typing = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // Only the newest request's answer is shown: an older one arriving late must not replace it.
  const latest = useRef(0);
  const engine = useRef<LabEngine | undefined>(undefined);
  const [lastTurn, setLastTurn] = useState<{ where: string; ms: number; n: number } | undefined>();
  // The goals every turn grades: the assignment's, or those an instructor is writing (set when they check).
  const goals = useRef<Goal[] | undefined>(assignment?.goals);

  const result = shown?.result;
  const diagramRef = useRef<HTMLElement>(null);

  async function run(
    body: Body,
    query: Query | undefined,
    done: string,
    against: { text: string; format: TopologyFormat } = base,
  ): Promise<LabResult | undefined> {
    const turn = ++latest.current;
    setBusy(true);
    const matrix = body.matrix ?? matrixAsk;
    engine.current ??= createLabEngine();
    const posted = await engine.current.run({
      ...body,
      ...(query ? { query } : {}),
      ...(matrix ? { matrix } : {}),
      ...(goals.current && goals.current.length > 0 ? { goals: goals.current } : {}),
      ...(against.format === body.format ? { baseText: against.text } : {}),
    });
    if (turn !== latest.current) return undefined;
    setBusy(false);
    setLastTurn({ where: posted.where, ms: posted.ms, n: turn });
    if (!posted.ok) {
      // The learner's text and the last valid answer stay as they are; only the error is new. A question the
      // model refuses (an unknown source) is shown at its field, and the verdict of the question before goes.
      const refused = queryErrorField(posted.error);
      if (posted.error.startsWith("text: "))
        setTextError({ error: posted.error.slice("text: ".length), text: body.text });
      else if (refused) refuseQuestion(refused.field, refused.message);
      else setError(userError(posted.error));
      setStatus(
        posted.error.startsWith("text: ")
          ? textErrorStatus(posted.error.slice("text: ".length))
          : `Not done: ${refused ? formError(refused.field, refused.message) : userError(posted.error)}`,
      );
      return undefined;
    }
    setError(undefined);
    setTextError(undefined);
    if (query) setFieldError(undefined);
    setShown({ result: posted.data, query });
    setStep(-1);
    setStatus(done + verdictLine(query, posted.data));
    lastGood.current = { text: posted.data.text ?? body.text, format: body.format };
    const endpoints = posted.data.endpoints;
    if (query === undefined && endpoints.length > 0) {
      setFrom((current) => current || endpoints[0] || "");
      setTo((current) => current || endpoints[1] || "");
    }
    return posted.data;
  }

  useEffect(
    () => () => {
      engine.current?.close();
      engine.current = undefined;
    },
    [],
  );

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    // A reload keeps the learner's unsaved edits to this network (they lived only in the page before).
    const kept = readDraft(draft);
    if (kept) {
      setText(kept.text);
      setFormat(kept.format);
      setBase(kept.base);
      setRestored(true);
      void run(
        { text: kept.text, format: kept.format },
        initialQuery,
        "Network opened, with your unsaved changes restored.",
        kept.base,
      );
      return;
    }
    const opening = run({ text: initialText, format: initialFormat }, initialQuery, "Network opened.");
    // A plain lab (the starter, a lesson's network) answers the question its form opens with, so the answer pane
    // is not empty until the first Ask. A question's network without a query, a saved lab and an assignment keep
    // their own opening.
    if (initialQuery === undefined && openedLabel === undefined && assignment === undefined)
      void opening.then((opened) => {
        const [first, second] = opened?.endpoints ?? [];
        if (first === undefined || second === undefined) return;
        const checked = queryFromFields({ from: first, to: second, protocol: "tcp", port: "443" });
        if (!checked.ok) return;
        setAsked(checked.query);
        return run({ text: initialText, format: initialFormat }, checked.query, "Network opened.");
      });
  }, []);

  const isEdited = text !== base.text || format !== base.format;
  /** Whether the network in the editor descends from the one this page opened (an assignment's, for Submit). */
  const onOpenedNetwork = base.text === initialText && base.format === initialFormat;
  const openedInstead = onOpenedNetwork
    ? undefined
    : base.text === starter
      ? "the blank starter VPC"
      : (lessons.find((lesson) => lesson.text === base.text)?.label ?? "another network");
  useEffect(() => {
    try {
      if (isEdited)
        window.sessionStorage.setItem(draft, JSON.stringify({ base, text, format } satisfies Draft));
      else window.sessionStorage.removeItem(draft);
    } catch {
      // Storage switched off or full: the draft is a convenience, the lab works without it.
    }
  }, [draft, isEdited, base, text, format]);

  /**
   * Opens another network. When it replaces work (edits, an undo history, an assignment's network) Undo takes the
   * Open back, baseline and all; opening over an untouched network needs no undo (the list reopens it).
   */
  async function openText(opened: string, openedFormat: TopologyFormat, what: string) {
    if (isEdited || undo.length > 0 || assignment)
      setUndo((stack) => [...stack, { kind: "text", text, format, what: `open ${what}`, base }]);
    setRedo([]);
    setText(opened);
    setFormat(openedFormat);
    setBase({ text: opened, format: openedFormat });
    setFrom("");
    setTo("");
    setAsked(undefined);
    setMatrixAsk(undefined);
    setShown(undefined);
    // The diff's baseline is the network just opened: `base` in this render is still the one before (the blank
    // starter), which listed a lesson network as 27 changes nobody made, with nothing to undo.
    const opening = { text: opened, format: openedFormat };
    await run(opening, undefined, `Opened ${what}.`, opening);
  }

  async function open() {
    const lesson = lessons.find((candidate) => candidate.name === choice);
    const what =
      choice === OPENED
        ? (openedLabel ?? "the network")
        : choice === STARTER
          ? "the starter VPC"
          : lessonTitle(lesson);
    // On an assignment, Submit grades the assignment's network: replacing it always asks first.
    const question =
      assignment && choice !== OPENED
        ? `Replace this assignment's network with ${what}? Submit grades only the assignment's network: Undo, or “${openedLabel ?? "the assignment's network"}” in this list, brings it back.`
        : isEdited
          ? `Replace your edited network with ${what}? Undo brings your changes back.`
          : undefined;
    if (question !== undefined && !window.confirm(question)) return;
    setRestored(false);
    if (choice === OPENED) {
      await openText(initialText, initialFormat, what);
      return;
    }
    await openText(choice === STARTER ? starter : (lesson?.text ?? starter), "yaml", what);
  }

  async function uploadTopology(files: FileList | null) {
    const file = files?.[0];
    if (!file) return;
    await openText(await file.text(), formatOf(file.name), file.name);
  }

  async function uploadSnapshot(files: FileList | null) {
    if (!files || files.length === 0) return;
    const parsed: Record<string, unknown> = {};
    for (const file of Array.from(files)) {
      try {
        parsed[file.name.replace(/\.json$/i, "")] = JSON.parse(await file.text()) as unknown;
      } catch {
        setError(`${file.name} is not valid JSON, so the snapshot was not opened.`);
        return;
      }
    }
    setBusy(true);
    const imported = await postJson<{ text: string; warnings: string[]; unread: string[] }>("/lab/import", {
      files: parsed,
    });
    setBusy(false);
    if (!imported.ok) {
      setError(userError(imported.error));
      setStatus(`Not imported: ${userError(imported.error)}`);
      return;
    }
    const notes = [...imported.data.unread, ...imported.data.warnings];
    setImportNote(notes.length > 0 ? `Imported with notes: ${notes.join("; ")}` : undefined);
    await openText(imported.data.text, "yaml", `the AWS snapshot (${files.length} files)`);
  }

  /** A question that cannot be asked: its field says why, and no verdict (not even the last one) stays. */
  function refuseQuestion(field: QueryField, message: string) {
    setFieldError({ field, message });
    setError(undefined);
    setAsked(undefined);
    setStep(-1);
    setShown((current) => {
      if (!current) return current;
      const { answer: _stale, ...rest } = current.result;
      return { result: rest, query: undefined };
    });
  }

  async function ask() {
    const checked = queryFromFields({ from, to, protocol, port });
    if (!checked.ok) {
      refuseQuestion(checked.field, checked.message);
      setStatus(`Not asked: ${formError(checked.field, checked.message)}.`);
      return;
    }
    setAsked(checked.query);
    await run({ text, format }, checked.query, "Answered.");
  }

  const fieldProps = (field: QueryField) =>
    fieldError?.field === field
      ? { "aria-invalid": true, "aria-describedby": `${ids}-field-error` }
      : { "aria-invalid": undefined, "aria-describedby": undefined };
  const fieldErrorLine = (fields: QueryField[]) =>
    fieldError && fields.includes(fieldError.field) ? (
      <p
        className="error lab-field-error"
        id={`${ids}-field-error`}
        role="alert"
        data-testid="lab-field-error"
      >
        {formError(fieldError.field, fieldError.message)}
      </p>
    ) : null;

  /** Typing: the text is analysed after a pause; while it does not parse, the last valid network stays shown. */
  function type(next: string) {
    setText(next);
    if (typing.current) clearTimeout(typing.current);
    typing.current = setTimeout(() => {
      const before = lastGood.current;
      void run({ text: next, format }, asked, "Text checked.").then((answered) => {
        if (answered && before.text !== next) {
          setUndo((stack) => [
            ...stack,
            { kind: "text", text: before.text, format: before.format, what: "edit the text" },
          ]);
          setRedo([]);
        }
      });
    }, TYPING_PAUSE_MS);
  }

  async function edit(change: LabEdit, what: string) {
    const edited = await run({ text, format, edit: change }, asked, "");
    if (edited?.text === undefined || !edited.inverse) return;
    setText(edited.text);
    setUndo((stack) => [...stack, { kind: "patch", patch: edited.inverse ?? [], what }]);
    setRedo([]);
    setStatus(`Done: ${arrows(edited.editDescription ?? what)}.${verdictLine(asked, edited)}`);
  }

  /** Undo and redo are the same move between two stacks: apply the entry, push what takes it back. */
  async function travel(
    fromStack: Entry[],
    setFromStack: typeof setUndo,
    setToStack: typeof setUndo,
    verb: string,
  ) {
    const entry = fromStack.at(-1);
    if (!entry) return;
    if (entry.kind === "patch") {
      const answered = await run({ text, format, edit: { kind: "patch", patch: entry.patch } }, asked, "");
      if (answered?.text === undefined || !answered.inverse) return;
      setText(answered.text);
      setToStack((stack) => [...stack, { kind: "patch", patch: answered.inverse ?? [], what: entry.what }]);
      setStatus(`${verb}: ${entry.what}.${verdictLine(asked, answered)}`);
    } else {
      const against = entry.base ?? base;
      const answered = await run({ text: entry.text, format: entry.format }, asked, "", against);
      // Undoing an Open brings back the text it replaced even when that text did not parse (its error shows).
      if (!answered && !entry.base) return;
      setToStack((stack) => [
        ...stack,
        { kind: "text", text, format, what: entry.what, ...(entry.base ? { base } : {}) },
      ]);
      setText(entry.text);
      setFormat(entry.format);
      if (entry.base) setBase(entry.base);
      if (answered) setStatus(`${verb}: ${entry.what}.${verdictLine(asked, answered)}`);
    }
    setFromStack((stack) => stack.slice(0, -1));
  }

  // A step keeps the diagram where it is on screen: the stepper's hop line above it can wrap to another line and
  // push it down. Then, when the hop now drawn is off screen or under the sticky stepper (a tall diagram), the page
  // scrolls just enough to show it: the verdict, the stepper and the highlight stay together (uxr4 U2).
  const pinned = useRef<number | undefined>(undefined);
  useLayoutEffect(() => {
    const top = pinned.current;
    pinned.current = undefined;
    const section = diagramRef.current;
    if (top === undefined || !section) return;
    const moved = section.getBoundingClientRect().top - top;
    if (Math.abs(moved) >= 1) window.scrollBy(0, moved);
    const ids = step >= 0 ? (result?.diagram?.hopNodes[step] ?? []) : [];
    // The diagram is drawn twice (wide and stacked) and one drawing is hidden: only a drawn box has a size.
    const boxes = ids.flatMap((id) =>
      [...section.querySelectorAll(`[data-node-id="${CSS.escape(id)}"]`)]
        .map((node) => node.getBoundingClientRect())
        .filter((rect) => rect.width > 0 && rect.height > 0),
    );
    if (boxes.length === 0) return;
    // The smallest box drawn for the hop (an instance inside its subnet inside its VPC) is the one to show.
    const box = boxes.reduce((small, next) =>
      next.height * next.width < small.height * small.width ? next : small,
    );
    const stepper = section.parentElement?.querySelector(".lab-stepper");
    const above = stepper ? Math.max(0, stepper.getBoundingClientRect().bottom) : 0;
    const margin = 12;
    if (box.top < above + margin) window.scrollBy(0, box.top - above - margin);
    else if (box.bottom > window.innerHeight - margin)
      window.scrollBy(0, box.bottom - window.innerHeight + margin);
  }, [step, result]);

  const undoWhat = undo.at(-1)?.what;
  const redoWhat = redo.at(-1)?.what;
  const answer = result?.answer;
  const askedQuery = shown?.query;
  const diagram = result?.diagram;
  const highlight = useMemo(():
    { nodes: Map<string, PathMark>; edges: Map<string, PathMark> } | undefined => {
    if (diagram && answer && step >= 0) {
      const nodes = new Map<string, PathMark>();
      for (const hop of diagram.hopNodes.slice(0, step + 1))
        for (const node of hop) nodes.set(node, "on-path");
      for (const node of diagram.hopNodes[step] ?? [])
        nodes.set(node, answer.reachable || step < diagram.hopNodes.length - 1 ? "on-path" : "blocked");
      return { nodes, edges: new Map() };
    }
    if (diagram && answer) return { nodes: new Map(diagram.nodes), edges: new Map(diagram.edges) };
    if (diagram && diagram.issueNodes.length > 0)
      return {
        nodes: new Map(diagram.issueNodes.map((node) => [node, "blocked" as const])),
        edges: new Map(),
      };
    return undefined;
  }, [diagram, answer, step]);

  const diagramView = diagram ? (
    <section className="lab-diagram" aria-label="Diagram of the network" ref={diagramRef}>
      <LabDiagram diagram={diagram.placed} title="The lab network" highlight={highlight} />
    </section>
  ) : null;

  return (
    <div className="lab">
      <p className="sr-only" role="status" aria-live="polite" data-testid="lab-status">
        {status}
      </p>
      {assignment ? (
        <AssignmentWork
          assignment={assignment}
          live={result?.goals}
          text={text}
          format={format}
          busy={busy}
          otherNetwork={openedInstead}
          onReopen={() => {
            setChoice(OPENED);
            setRestored(false);
            void openText(initialText, initialFormat, openedLabel ?? "the assignment's network");
          }}
        />
      ) : null}
      <p
        className="lab-timing"
        data-testid="lab-timing"
        data-where={lastTurn?.where}
        data-ms={lastTurn ? lastTurn.ms.toFixed(1) : undefined}
        data-turn={lastTurn?.n}
      >
        {lastTurn
          ? `Analysed ${lastTurn.where === "worker" ? "in your browser" : "on the server"} in ${Math.round(lastTurn.ms)} ms.`
          : ""}
      </p>
      <div className="lab-grid">
        <section className="lab-pane" aria-labelledby={`${ids}-network`}>
          <h2 id={`${ids}-network`}>Network</h2>
          <div className="lab-row lab-open-row">
            <label className="field">
              Open
              <select
                value={choice}
                onChange={(event) => setChoice(event.target.value)}
                data-testid="lab-open-choice"
              >
                {openedLabel ? <option value={OPENED}>{openedLabel}</option> : null}
                <option value={STARTER}>Blank starter VPC</option>
                <optgroup label="Networks from the lessons">
                  {lessons.map((lesson) => (
                    <option key={lesson.name} value={lesson.name} title={lesson.lesson}>
                      {lesson.label}
                    </option>
                  ))}
                </optgroup>
              </select>
            </label>
            <button type="button" className="button" onClick={() => void open()} disabled={busy}>
              Open
            </button>
          </div>
          <div className="lab-row">
            <label className="field">
              Open a topology file (JSON or YAML)
              <input
                type="file"
                accept=".json,.yaml,.yml,application/json"
                onChange={(event) => void uploadTopology(event.target.files)}
                data-testid="lab-upload-topology"
              />
            </label>
            <label className="field">
              Open an AWS snapshot (describe-*.json files)
              <input
                type="file"
                accept=".json,application/json"
                multiple
                onChange={(event) => void uploadSnapshot(event.target.files)}
                data-testid="lab-upload-snapshot"
              />
            </label>
          </div>
          {restored ? (
            <p className="notice" data-testid="lab-draft-restored">
              Your unsaved changes to this network were kept from before the page reloaded (the undo history
              was not).{" "}
              <button
                type="button"
                className="link-button"
                disabled={busy}
                onClick={() => {
                  setRestored(false);
                  void openText(initialText, initialFormat, "the network without your changes");
                }}
              >
                Discard them
              </button>
            </p>
          ) : null}
          {importNote ? <p className="notice">{importNote}</p> : null}
          <div className="lab-row lab-history">
            <button
              type="button"
              className="button secondary"
              onClick={() => void travel(undo, setUndo, setRedo, "Undone")}
              disabled={busy || undo.length === 0}
              title={undoWhat ? `Undo: ${undoWhat}` : undefined}
              aria-describedby={undoWhat ? `${ids}-undo-what` : undefined}
              data-testid="lab-undo"
            >
              Undo
            </button>
            <button
              type="button"
              className="button secondary"
              onClick={() => void travel(redo, setRedo, setUndo, "Redone")}
              disabled={busy || redo.length === 0}
              title={redoWhat ? `Redo: ${redoWhat}` : undefined}
              data-testid="lab-redo"
            >
              Redo
            </button>
            {undoWhat ? (
              <span className="lab-undo-what" id={`${ids}-undo-what`} data-testid="lab-undo-what">
                Undo takes back: {undoWhat}
              </span>
            ) : null}
          </div>

          {result?.resources ? (
            <LabEditForm
              resources={result.resources}
              busy={busy}
              onEdit={(change: FormEdit) => void edit(change, change.kind.replace(/-/g, " "))}
            />
          ) : null}

          <p className="field lab-text-label" id={`${ids}-text-label`}>
            Topology ({format === "yaml" ? "YAML" : "JSON"}) — edit it or paste your own; it is checked as you
            type (Ctrl+Space lists the fields allowed where the cursor is)
          </p>
          <LabCodeEditor
            value={text}
            format={format}
            onChange={type}
            errors={textError?.error}
            errorsText={textError?.text}
            labelId={`${ids}-text-label`}
            describedBy={textError ? `${ids}-text-error` : undefined}
          />
          {textError ? (
            <div className="error" id={`${ids}-text-error`} role="alert" data-testid="lab-text-error">
              <p>This text does not parse; the network below is the last one that did. Fix these fields:</p>
              <ul>
                {textError.error.split("; ").map((issue, index) => (
                  <li key={index}>
                    {plainIssue(issue)}
                    {issuePath(issue) ? <span className="mono lab-muted"> ({issuePath(issue)})</span> : null}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <div className="lab-row">
            <label className="field">
              Format
              <select value={format} onChange={(event) => setFormat(event.target.value as TopologyFormat)}>
                <option value="yaml">YAML</option>
                <option value="json">JSON</option>
              </select>
            </label>
          </div>

          <LabSave text={text} format={format} saved={saved} myLabs={myLabs} />
          {assignment ? null : (
            <AssignmentMaker
              text={text}
              format={format}
              endpoints={result?.endpoints ?? []}
              live={result?.goals}
              busy={busy}
              mine={myAssignments}
              onGoals={(written) => {
                goals.current = written;
                void run({ text, format }, asked, "Goals checked.");
              }}
            />
          )}

          {result?.diff ? (
            <details data-testid="lab-diff">
              <summary>Changes since the lab opened ({result.diff.length})</summary>
              {result.diff.length > 0 ? (
                <ul>
                  {result.diff.map((line, index) => (
                    <li key={index} className="mono">
                      {line}
                    </li>
                  ))}
                </ul>
              ) : (
                <p>None.</p>
              )}
            </details>
          ) : null}
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
                From (instance, IP, internet, on-premises network …)
                <input
                  value={from}
                  onChange={(event) => setFrom(event.target.value)}
                  list={`${ids}-endpoints`}
                  {...fieldProps("from")}
                  data-testid="lab-from"
                />
              </label>
              <label className="field">
                To (also an AWS service name)
                <input
                  value={to}
                  onChange={(event) => setTo(event.target.value)}
                  list={`${ids}-endpoints`}
                  {...fieldProps("to")}
                  data-testid="lab-to"
                />
              </label>
            </div>
            {fieldErrorLine(["from", "to"])}
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
                  {...fieldProps("port")}
                  data-testid="lab-port"
                />
              </label>
            </div>
            {fieldErrorLine(["protocol", "port"])}
            <div className="lab-row lab-ask-row">
              <button type="submit" className="button" disabled={busy} data-testid="lab-ask">
                Ask
              </button>
              {busy ? (
                // The first turn also loads the model into the browser (about a second); later ones take ms.
                <span className="lab-pending" data-testid="lab-pending">
                  {lastTurn === undefined ? "Loading the model and analysing the network…" : "Analysing…"}
                </span>
              ) : null}
            </div>
          </form>

          {error ? (
            <p className="error" role="alert" data-testid="lab-error">
              {error}
            </p>
          ) : null}

          {result && result.errors.length > 0 ? (
            textError ? (
              // uxr6 nit 13: under a parse error these are the last parsed network's errors, not the text's: folded
              // away, so the page shows one error list at a time.
              <details className="notice" data-testid="lab-validation">
                <summary>
                  The last network that parsed also has {result.errors.length === 1 ? "an error" : "errors"}{" "}
                  AWS would refuse
                </summary>
                <Issues issues={result.errors} testId="lab-validation-errors" />
              </details>
            ) : (
              <div className="notice" data-testid="lab-validation">
                <p>This topology has errors AWS would refuse; there is no verdict until they are fixed:</p>
                <Issues issues={result.errors} testId="lab-validation-errors" />
              </div>
            )
          ) : null}

          {answer && askedQuery ? (
            <LabAnswerView
              answer={answer}
              query={askedQuery}
              step={step}
              onStep={(next) => {
                pinned.current = diagramRef.current?.getBoundingClientRect().top;
                setStep(next);
              }}
              diagram={diagramView}
              busy={busy}
              idPrefix={ids}
              onApplyFix={(fixId) => {
                // Undo names the fix as the list did ("apply the fix: create peering …"), not its id (fix-1).
                const fix = answer.fixes.find((candidate) => candidate.id === fixId);
                void edit(
                  { kind: "apply-fix", query: askedQuery, fixId },
                  fix ? `apply the fix “${arrows(fix.description)}”` : "apply the fix",
                );
              }}
            />
          ) : null}

          <h2>Check the whole network</h2>
          {result && result.warnings.length > 0 ? (
            <>
              <p>Validation findings (warnings):</p>
              <Issues issues={result.warnings} testId="lab-warnings" />
            </>
          ) : (
            <p data-testid="lab-no-warnings">
              {/* Under a list of errors "finds no warnings" read as "all clear" (uxr5 finding 16). */}
              {result && result.errors.length > 0
                ? `No warnings besides the ${result.errors.length === 1 ? "error" : `${result.errors.length} errors`} listed above.`
                : "Validation finds no warnings."}
            </p>
          )}
          {result ? (
            <LabMatrix
              instances={result.resources.instances}
              matrix={result.matrix}
              busy={busy}
              onCheck={(ask) => {
                setMatrixAsk(ask);
                void run({ text, format, matrix: ask }, asked, "Matrix checked.");
              }}
            />
          ) : null}
        </section>
      </div>

      {/* With an answer the diagram sits under its stepper in the answer pane; without one, under both panes. */}
      {answer && askedQuery ? null : diagramView}
    </div>
  );
}

function verdictLine(query: Query | undefined, result: LabResult): string {
  if (!query || !result.answer) return "";
  return ` ${query.from} to ${query.to}: ${result.answer.reachable ? "reachable" : "not reachable"}.`;
}
